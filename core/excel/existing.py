"""The record already in the database that an imported row repeats, if any.

Indexed queries narrow the candidates (partnership and date...); names are
then compared the forgiving way (case, accents, punctuation). Contacts, whose
rule compares e-mails and names together, are ``core.excel.duplicates``' own.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from core.errors import UserError
from core.money import to_cents
from core.parse import normalise_key

if TYPE_CHECKING:
    from core.excel.keys import Lookups


def find_existing(lookups: Lookups, values: dict[str, Any]) -> int | None:
    finder = {
        "organisations": _organisation,
        "partnerships": _partnership,
        "missions": _mission,
        "transactions": _transaction,
        "budget": _budget_line,
        "participants": _participant,
        "partnership_contacts": _partnership_contact,
    }[lookups.kind]
    return finder(lookups, values)


def _organisation(lookups: Lookups, values: dict[str, Any]) -> int | None:
    country = values.get("country")
    for org_id, org_country in lookups.organisations().get(
            normalise_key(values.get("name") or ""), []):
        if not country or not org_country or org_country == country:
            return org_id
    return None


def _partnership(lookups: Lookups, values: dict[str, Any]) -> int | None:
    try:
        return lookups.partnership(values.get("name") or "")
    except UserError:  # an unknown name: a new partnership
        return None


def _mission(lookups: Lookups, values: dict[str, Any]) -> int | None:
    title = normalise_key(values.get("title") or "")
    for row in lookups.db.execute(
        "SELECT id, title FROM missions WHERE partnership_id = ? AND start_date IS ? "
        "AND deleted_at IS NULL ORDER BY id",
        [values.get("partnership_id"), values.get("start_date")],
    ):
        if normalise_key(row[1]) == title:
            return int(row[0])
    return None


def _transaction(lookups: Lookups, values: dict[str, Any]) -> int | None:
    label = normalise_key(values.get("label") or "")
    reference = normalise_key(values.get("reference") or "")
    for row in lookups.db.execute(
        "SELECT id, label, reference FROM transactions WHERE partnership_id = ? AND date = ? "
        "AND amount_cents = ? AND currency = ? AND kind = ? AND deleted_at IS NULL ORDER BY id",
        [values.get("partnership_id"), values.get("date"), to_cents(values["amount"]),
         values.get("currency"), values.get("kind")],
    ):
        if normalise_key(row[1]) == label and normalise_key(row[2] or "") == reference:
            return int(row[0])
    return None


def _budget_line(lookups: Lookups, values: dict[str, Any]) -> int | None:
    label = normalise_key(values.get("label") or "")
    funder = values.get("funder_organisation_id")
    for row in lookups.db.execute(
        "SELECT id, label, funder_organisation_id FROM budget_lines WHERE partnership_id = ? "
        "AND year = ? AND kind = ? AND category = ? AND amount_cents = ? "
        "AND deleted_at IS NULL ORDER BY id",
        [values.get("partnership_id"), values.get("year"), values.get("kind"),
         values.get("category"), to_cents(values["amount"])],
    ):
        if normalise_key(row[1] or "") == label and row[2] == funder:
            return int(row[0])
    return None


def _participant(lookups: Lookups, values: dict[str, Any]) -> int | None:
    """The same mission and the same contact, or, without one, the same free name."""
    contact = values.get("contact_id")
    name = normalise_key(values.get("name") or "")
    for row in lookups.db.execute(
        "SELECT id, contact_id, name FROM mission_participants WHERE mission_id = ? "
        "AND deleted_at IS NULL ORDER BY id", [values["mission_id"]],
    ):
        if (row[1] == contact) if contact is not None else (
                row[1] is None and normalise_key(row[2] or "") == name):
            return int(row[0])
    return None


def _partnership_contact(lookups: Lookups, values: dict[str, Any]) -> int | None:
    row = lookups.db.execute(
        "SELECT id FROM partnership_contacts WHERE partnership_id = ? AND contact_id = ? "
        "AND deleted_at IS NULL ORDER BY id LIMIT 1",
        [values["partnership_id"], values["contact_id"]]).fetchone()
    return int(row[0]) if row else None
