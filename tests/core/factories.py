"""Small builders for records, so tests say what matters and nothing else."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from sqlite_utils import Database

from core import records


def organisation(db: Database, name: str = "Commune de Marsassoum", **values: Any) -> int:
    return records.create(
        db, "organisations", {"name": name, "country": "SN", "kind": "partner_authority", **values}
    )


def partnership(db: Database, name: str = "Anderlecht – Marsassoum", **values: Any) -> int:
    values.setdefault("partner_organisation_id", organisation(db))
    return records.create(db, "partnerships", {"name": name, "country": "SN", **values})


def contact(db: Database, first: str = "Awa", last: str = "Diatta", **values: Any) -> int:
    return records.create(db, "contacts", {"first_name": first, "last_name": last, **values})


def mission(db: Database, partnership_id: int, **values: Any) -> int:
    return records.create(
        db,
        "missions",
        {
            "partnership_id": partnership_id,
            "title": "Visite des partenaires",
            "direction": "incoming",
            "start_date": "2020-03-09",
            "end_date": "2020-03-14",
            **values,
        },
    )


def transaction(db: Database, partnership_id: int, amount: str = "1250.50", **values: Any) -> int:
    return records.create(
        db,
        "transactions",
        {
            "partnership_id": partnership_id,
            "date": "2023-03-06",
            "kind": "expense",
            "label": "Billets d'avion Bruxelles–Dakar",
            "amount": Decimal(amount),
            **values,
        },
    )
