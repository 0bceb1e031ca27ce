"""What DESIGN.md promises each record holds, written out by hand for the tests.

The lists come from the record table of DESIGN.md and the dump's fixed field
names, not from ``core.spec``: a test that took its expectations from the
code under test would pass whatever the code dropped. ``full_network`` makes
one record of each table with every one of these fields filled, and
``EXPECTED_JSON`` says how the dump must show each value.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from sqlite_utils import Database

from core import records

DESIGN_FIELDS: dict[str, list[str]] = {
    "organisations": [
        "name", "kind", "country", "city", "address", "website", "email", "phone", "notes",
    ],
    "contacts": [
        "first_name", "last_name", "organisation_id", "role", "email", "phone", "languages",
        "country", "notes", "legal_basis", "legal_basis_date",
    ],
    "partnerships": [
        "name", "partner_organisation_id", "country", "status", "start_date", "end_date",
        "agreement_signed_date", "agreement_expiry_date", "framework_programme", "themes",
        "sdgs", "summary",
    ],
    "partnership_contacts": ["partnership_id", "contact_id", "role", "notes"],
    "projects": [
        "partnership_id", "title", "location", "status", "start_date", "end_date", "themes",
        "sdgs", "dac_sector", "objectives", "results",
    ],
    "missions": [
        "partnership_id", "project_id", "title", "direction", "destination_city",
        "destination_country", "start_date", "end_date", "status", "purpose", "programme",
        "outcomes", "follow_up",
    ],
    "mission_participants": ["mission_id", "contact_id", "name", "category", "notes"],
    "budget_lines": [
        "partnership_id", "project_id", "year", "kind", "category", "funder_organisation_id",
        "label", "amount", "currency", "rate", "amount_eur", "notes",
    ],
    "transactions": [
        "date", "partnership_id", "project_id", "mission_id", "budget_line_id", "kind",
        "category", "organisation_id", "label", "amount", "currency", "rate", "amount_eur",
        "counterparty", "reference", "notes",
    ],
    "deadlines": [
        "title", "due_date", "kind", "partnership_id", "project_id", "mission_id", "done",
        "done_date", "notes",
    ],
    "journal_entries": ["date", "title", "kind", "context", "decisions", "actions", "attendees"],
}

# One value per field, as the dump must write it (dates ISO, amounts decimal
# strings, SDGs a list of numbers); "<table>" stands for that record's id.
EXPECTED_JSON: dict[str, dict[str, Any]] = {
    "organisations": {
        "name": "Commune de Safi", "kind": "partner_authority", "country": "MA",
        "city": "Safi", "address": "Place de l'Indépendance", "website": "https://safi.ma",
        "email": "contact@safi.ma", "phone": "+212 524 46 20 00",
        "notes": "Jumelée depuis 1998 & toujours active",
    },
    "contacts": {
        "first_name": "محمد", "last_name": "العلوي", "organisation_id": "<organisations>",
        "role": "Chargé de mission", "email": "m.alaoui@safi.ma", "phone": "+212 600 00 00 00",
        "languages": "ar, fr", "country": "MA", "notes": "Préfère WhatsApp",
        "legal_basis": "public_task", "legal_basis_date": "2024-02-29",
    },
    "partnerships": {
        "name": "Jette – Safi", "partner_organisation_id": "<organisations>", "country": "MA",
        "status": "active", "start_date": "1998-06-12", "end_date": "2030-12-31",
        "agreement_signed_date": "2022-03-01", "agreement_expiry_date": "2027-02-28",
        "framework_programme": "CIC 2022-2026", "themes": "eau, jeunesse", "sdgs": [6, 17],
        "summary": "Un partenariat sur l'eau",
    },
    "partnership_contacts": {
        "partnership_id": "<partnerships>", "contact_id": "<contacts>",
        "role": "coordinator", "notes": "Point focal depuis 2020",
    },
    "projects": {
        "partnership_id": "<partnerships>", "title": "Eau potable à Safi", "location": "there",
        "status": "ongoing", "start_date": "2023-01-01", "end_date": "2025-12-31",
        "themes": "eau", "sdgs": [6], "dac_sector": "14030", "objectives": "Deux puits",
        "results": "Un puits creusé",
    },
    "missions": {
        "partnership_id": "<partnerships>", "project_id": "<projects>",
        "title": "Suivi du chantier", "direction": "outgoing", "destination_city": "Safi",
        "destination_country": "MA", "start_date": "2024-04-08", "end_date": "2024-04-13",
        "status": "done", "purpose": "Voir le puits", "programme": "Jour 1 : chantier",
        "outcomes": "Réception des travaux", "follow_up": "Rapport au conseil",
    },
    "mission_participants": {
        "mission_id": "<missions>", "contact_id": "<contacts>", "name": None,
        "category": "partner", "notes": "Interprète aussi",
    },
    "budget_lines": {
        "partnership_id": "<partnerships>", "project_id": "<projects>", "year": 2024,
        "kind": "income", "category": "grant", "funder_organisation_id": "<organisations>",
        "label": "Subside CIC", "amount": "20000.00", "currency": "EUR", "rate": None,
        "amount_eur": "20000.00", "notes": "Tranche 2 attendue",
    },
    "transactions": {
        "date": "2024-04-10", "partnership_id": "<partnerships>", "project_id": "<projects>",
        "mission_id": "<missions>", "budget_line_id": "<budget_lines>", "kind": "expense",
        "category": "accommodation", "organisation_id": "<organisations>",
        "label": "Hôtel à Safi", "amount": "-1085.00", "currency": "MAD", "rate": "10.85",
        "amount_eur": "-100.00", "counterparty": "Hôtel Atlantide", "reference": "F-2024-117",
        "notes": "Payé par carte",
    },
    "deadlines": {
        "title": "Rapport au CIC", "due_date": "2025-01-31", "kind": "grant_report",
        "partnership_id": "<partnerships>", "project_id": "<projects>",
        "mission_id": "<missions>", "done": True, "done_date": "2025-01-20",
        "notes": "Envoyé par e-mail",
    },
    "journal_entries": {
        "date": "2024-05-02", "title": "Comité de pilotage", "kind": "meeting",
        "context": "Retour de mission", "decisions": "Continuer", "actions": "Écrire au CIC",
        "attendees": "Le maire, l'échevine",
    },
}


def _stored(table: str, ids: dict[str, int]) -> dict[str, Any]:
    """The values to create a record with: ids resolved, amounts as Decimal."""
    values: dict[str, Any] = {}
    for name, value in EXPECTED_JSON[table].items():
        if isinstance(value, str) and value.startswith("<"):
            value = ids[value[1:-1]]
        elif name in ("amount", "amount_eur", "rate") and value is not None:
            value = Decimal(value)
        values[name] = value
    if table == "transactions":
        values.pop("amount_eur")  # worked out from the rate, as DESIGN says
    return values


def full_network(db: Database) -> dict[str, int]:
    """One record of every table, every DESIGN field filled; returns their ids."""
    ids: dict[str, int] = {}
    for table in EXPECTED_JSON:
        ids[table] = records.create(db, table, _stored(table, ids))
    return ids


def expected(table: str, ids: dict[str, int]) -> dict[str, Any]:
    """The dump's record of ``table`` as DESIGN says it must read."""
    return {
        name: ids[value[1:-1]] if isinstance(value, str) and value.startswith("<") else value
        for name, value in EXPECTED_JSON[table].items()
    }
