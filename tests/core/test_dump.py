"""dump → load → dump gives the same JSON, for hand-made and generated records."""

from __future__ import annotations

import json
from decimal import Decimal
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from core import dump, journal, missions, partnerships, records
from core.db import open_db
from core.errors import UserError
from core.spec import TABLE_ORDER
from tests.core import factories as make
from tests.core.design import DESIGN_FIELDS, expected, full_network

FIXED_FIELDS = {
    "organisations": {"name", "country"},
    "contacts": {"first_name", "last_name", "email", "country"},
    "partnerships": {"name", "country", "start_date", "end_date"},
    "missions": {"start_date", "end_date"},
    "projects": {"start_date", "end_date"},
    "transactions": {"label", "date", "kind", "amount", "currency", "rate", "amount_eur"},
    "budget_lines": {"year", "kind", "category", "amount", "currency"},
}


def small_network(db) -> None:
    pid = make.partnership(db, start_date="2012-05-01", sdgs=[6, 17])
    cid = make.contact(db, "محمد", "العلوي", email="m.alaoui@safi.ma", country="MA")
    partnerships.link_contact(db, pid, cid, "focal_point")
    project = records.create(
        db,
        "projects",
        {"partnership_id": pid, "title": "Eau potable", "dac_sector": "14030", "sdgs": [6]},
    )
    mid = make.mission(db, pid, project_id=project)
    missions.add_participant(db, mid, name="Jeune du quartier", category="youth")
    line = records.create(
        db,
        "budget_lines",
        {
            "partnership_id": pid,
            "year": 2023,
            "kind": "income",
            "category": "grant",
            "amount": Decimal("20000"),
        },
    )
    make.transaction(db, pid, amount="-1250.50", mission_id=mid, budget_line_id=line)
    make.transaction(db, pid, amount="1250000", currency="XOF")
    entry = journal.create_entry(
        db, {"date": "2014-05-20", "title": "Réunion à Jette", "kind": "meeting"}, [pid]
    )
    journal.action_to_deadline(db, entry, "Formation en juin", "2014-06-15")


def test_dump_has_every_table_and_fixed_fields(db, tmp_path: Path) -> None:
    small_network(db)
    out = tmp_path / "dump.json"
    dump.dump(db, out)
    data = json.loads(out.read_text(encoding="utf-8"))
    for table in (
        "contacts",
        "organisations",
        "partnerships",
        "projects",
        "missions",
        "mission_participants",
        "budget_lines",
        "transactions",
        "deadlines",
        "journal_entries",
    ):
        assert isinstance(data[table], list), table
    for table, fields in FIXED_FIELDS.items():
        assert data[table], table
        assert fields <= set(data[table][0]), table
    amounts = sorted(t["amount"] for t in data["transactions"])
    assert amounts == ["-1250.50", "1250000.00"]
    xof = next(t for t in data["transactions"] if t["currency"] == "XOF")
    assert (xof["rate"], xof["amount_eur"]) == ("655.957", "1905.61")
    assert data["budget_lines"][0]["amount"] == "20000.00"
    assert data["contacts"][0]["first_name"] == "محمد"


def test_dump_holds_every_field_of_design_notes_included(db, tmp_path: Path) -> None:
    ids = full_network(db)
    out = tmp_path / "dump.json"
    dump.dump(db, out)
    data = json.loads(out.read_text(encoding="utf-8"))
    for table, fields in DESIGN_FIELDS.items():
        [record] = data[table]
        assert set(fields) <= set(record), (table, set(fields) - set(record))
        assert {k: record[k] for k in fields} == expected(table, ids), table


def test_load_puts_every_field_back_in_the_database(db, tmp_path: Path) -> None:
    ids = full_network(db)
    out = tmp_path / "dump.json"
    dump.dump(db, out)
    other = open_db(tmp_path / "other.sqlite3")
    dump.load(other, out)
    stored = {
        table: other.execute(f"SELECT notes FROM {table}").fetchall()
        for table in DESIGN_FIELDS if "notes" in DESIGN_FIELDS[table]
    }
    first = other.execute("SELECT first_name, last_name, legal_basis_date FROM contacts").fetchall()
    other.close()
    for table, rows in stored.items():
        assert rows == [(expected(table, ids)["notes"],)], table
    assert first == [("محمد", "العلوي", "2024-02-29")]


def round_trip(db, tmp_path: Path) -> tuple[str, str]:
    first, second = tmp_path / "first.json", tmp_path / "second.json"
    dump.dump(db, first)
    target = tmp_path / "loaded.sqlite3"
    target.unlink(missing_ok=True)
    other = open_db(target)
    dump.load(other, first)
    dump.dump(other, second)
    other.close()
    return first.read_text(encoding="utf-8"), second.read_text(encoding="utf-8")


def test_load_then_dump_is_identical(db, tmp_path: Path) -> None:
    small_network(db)
    records.delete(db, "contacts", records.list_records(db, "contacts")[0]["id"])
    first, second = round_trip(db, tmp_path)
    assert first == second
    assert json.loads(first)["partnership_contacts"] == []  # trashed with the contact


def test_load_refuses_a_database_that_holds_records(db, tmp_path: Path) -> None:
    small_network(db)
    out = tmp_path / "d.json"
    dump.dump(db, out)
    with pytest.raises(UserError, match="already holds records"):
        dump.load(db, out)


def test_load_is_all_or_nothing(db, tmp_path: Path) -> None:
    small_network(db)
    out = tmp_path / "d.json"
    dump.dump(db, out)
    data = json.loads(out.read_text(encoding="utf-8"))
    data["transactions"][-1]["amount"] = "vingt"
    out.write_text(json.dumps(data), encoding="utf-8")
    other = open_db(tmp_path / "other.sqlite3")
    with pytest.raises(UserError, match=r"transactions #2"):
        dump.load(other, out)
    assert all(records.count(other, t) == 0 for t in TABLE_ORDER)
    other.close()


texts = st.text(alphabet=st.characters(blacklist_categories=("Cs", "Cc")), max_size=40)
names = texts.filter(lambda s: s.strip() != "")
cents = st.integers(min_value=-(10**11), max_value=10**11)


@settings(
    max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    people=st.lists(st.tuples(names, texts, st.one_of(st.none(), texts)), max_size=6),
    amounts=st.lists(st.tuples(cents, st.sampled_from(["EUR", "XOF", "MAD"])), max_size=6),
    label=names,
)
def test_generated_records_round_trip(tmp_path_factory, people, amounts, label) -> None:
    tmp_path = tmp_path_factory.mktemp("rt")
    db = open_db(tmp_path / "src.sqlite3")
    org = make.organisation(db, name=label)
    for first, last, notes in people:
        records.create(
            db,
            "contacts",
            {"first_name": first, "last_name": last or "X", "notes": notes, "organisation_id": org},
        )
    pid = make.partnership(db, name=label, partner_organisation_id=org)
    for value, currency in amounts:
        make.transaction(
            db,
            pid,
            amount=str(Decimal(value) / 100),
            currency=currency,
            rate="10.85" if currency == "MAD" else None,
            label=label,
        )
    first, second = round_trip(db, tmp_path)
    db.close()
    assert first == second
    data = json.loads(first)
    assert sorted(t["amount"] for t in data["transactions"]) == sorted(
        f"{Decimal(v) / 100:.2f}" for v, _c in amounts
    )
    # what was typed comes out (trimmed, as stored), not merely the same thing twice
    assert sorted((c["first_name"], c["notes"] or "") for c in data["contacts"]) == sorted(
        (first.strip(), (notes or "").strip()) for first, _last, notes in people
    )
