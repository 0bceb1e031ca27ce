"""What the schema enforces is said by core first, the same for forms, imports and the API.

A contact with neither first nor last name, a name past 200 characters, an
amount past what SQLite's integers sum: each is a ValidationError naming
its field, never an IntegrityError or an OverflowError.
"""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest

from core import records
from core.errors import ValidationError
from core.excel import apply, importer


def test_a_contact_needs_a_first_or_a_last_name(db) -> None:
    with pytest.raises(ValidationError) as raised:
        records.create(db, "contacts", {"first_name": "  ", "email": "a@example.org"})
    assert raised.value.field == "last_name"
    assert records.create(db, "contacts", {"first_name": "Awa"})  # one of them is enough


def test_a_name_past_its_limit_is_refused_with_the_field(db) -> None:
    assert records.create(db, "organisations", {"name": "x" * 200})
    with pytest.raises(ValidationError, match="200") as raised:
        records.create(db, "organisations", {"name": "x" * 201})
    assert raised.value.field == "name"
    with pytest.raises(ValidationError):
        records.create(db, "organisations", {"name": "Kayes", "notes": "n" * 20_001})


def test_an_amount_too_large_to_sum_is_refused(db) -> None:
    partnership = records.create(db, "partnerships", {"name": "Anderlecht – Kayes"})
    values = {"date": "2026-12-07", "partnership_id": partnership, "kind": "expense",
              "label": "Billets", "amount": Decimal("10000000000000")}
    with pytest.raises(ValidationError) as raised:
        records.create(db, "transactions", values)
    assert raised.value.field == "amount"
    with pytest.raises(ValidationError) as raised:  # a tiny rate: euros past the limit
        records.create(db, "transactions", {**values, "amount": Decimal("9000000000"),
                                            "currency": "USD", "rate": Decimal("0.000001")})
    assert raised.value.field == "rate"


def test_an_import_rejects_the_long_row_with_its_reason_and_keeps_the_others(
    db, tmp_path: Path
) -> None:
    sheet = tmp_path / "organisations.csv"
    sheet.write_text(f"Nom;Pays\nCommune de Kayes;ML\n{'y' * 300};SN\n", encoding="utf-8")
    plan = importer.prepare(db, "organisations", sheet)
    rejected = [row.reason for row in plan.rows if row.action == "reject"]
    assert len(rejected) == 1 and "200" in rejected[0]
    apply.apply(db, plan)
    assert [o["name"] for o in records.list_records(db, "organisations")] == ["Commune de Kayes"]
