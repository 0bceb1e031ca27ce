"""The demo data: a full, consistent network that always looks alive relative to today."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator
from decimal import ROUND_HALF_UP, Decimal
from pathlib import Path

import pytest
from sqlite_utils import Database

from core import demo, records, settings
from core.db import open_db
from core.errors import UserError
from core.spec import SPECS, TABLE_ORDER

TODAY = dt.date(2026, 11, 23)
# Early, middle and late in a year: the relative dates must hold on any day.
TODAYS = [dt.date(2026, 1, 2), dt.date(2027, 6, 30), dt.date(2025, 12, 31), TODAY]
ARABIC = re.compile("[\u0600-\u06ff]")


@pytest.fixture
def demo_db(tmp_path: Path) -> Iterator[Database]:
    database = open_db(tmp_path / "demo.sqlite3")
    yield database
    database.close()


@pytest.fixture
def filled(demo_db: Database) -> Database:
    demo.fill(demo_db, today=TODAY)
    return demo_db


def table_counts(db: Database) -> dict[str, int]:
    return {t: db.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in TABLE_ORDER}


def test_counts_returned_are_the_records_written(demo_db: Database) -> None:
    counts = demo.fill(demo_db, today=TODAY)
    assert counts == table_counts(demo_db)
    assert all(counts[t] > 0 for t in TABLE_ORDER)
    assert counts["partnerships"] >= 7
    assert counts["contacts"] >= 25
    assert counts["missions"] >= 12
    assert counts["transactions"] >= 100


def test_partnerships_of_the_network(filled: Database) -> None:
    rows = {p["name"]: p for p in records.list_records(filled, "partnerships")}
    for name in ("Anderlecht – Marsassoum", "Brasschaat – Tarija", "Edegem – San Jerónimo",
                 "Herent – Nimlaha'kok", "Halluin – Nkong-Zem", "Saint-Omer – Lalo",
                 "Boulogne-sur-Mer – Safi", "Anderlecht – Zagora"):
        assert name in rows
    assert {p["status"] for p in rows.values()} == {"active", "exploratory", "dormant", "ended"}
    marsassoum = rows["Anderlecht – Marsassoum"]
    assert marsassoum["country"] == "SN" and "CIC" in marsassoum["framework_programme"]
    assert marsassoum["agreement_expiry_date"] > TODAY.isoformat()
    partner = records.get(filled, "organisations", marsassoum["partner_organisation_id"])
    assert (partner["name"], partner["kind"]) == ("Commune de Marsassoum", "partner_authority")


def test_every_kind_of_organisation(filled: Database) -> None:
    kinds = {o["kind"] for o in records.list_records(filled, "organisations")}
    assert kinds == set(SPECS["organisations"].field("kind").choices)


def test_contacts_in_arabic_and_accented_latin(filled: Database) -> None:
    contacts = records.list_records(filled, "contacts")
    names = [f"{c['first_name']} {c['last_name']}" for c in contacts]
    assert any(ARABIC.search(name) for name in names)
    assert "Aïssatou Diédhiou" in names
    roles = {link["role"] for link in records.list_records(filled, "partnership_contacts")}
    assert {"coordinator", "steering_committee", "elected_referent", "focal_point",
            "interpreter"} <= roles


def test_transactions_in_several_currencies_with_exact_euros(filled: Database) -> None:
    rows = records.list_records(filled, "transactions")
    currencies = {r["currency"] for r in rows}
    assert {"EUR", "XOF"} <= currencies
    assert currencies - {"EUR", "XOF", "XAF"}  # MAD, BOB: a rate typed by the user
    for r in rows:
        if r["currency"] == "EUR":
            assert r["rate"] is None and r["amount_eur"] == r["amount"]
            continue
        if r["currency"] in ("XOF", "XAF"):
            assert r["rate"] == Decimal("655.957")
        expected = (r["amount"] / r["rate"]).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)
        assert r["amount_eur"] == expected, r["label"]
    xof = next(r for r in rows if r["currency"] == "XOF" and r["amount"] == Decimal("1250000"))
    assert xof["amount_eur"] == Decimal("1905.61")


def test_eu_prize_received_from_its_funder(filled: Database) -> None:
    eu = next(o for o in records.list_records(filled, "organisations")
              if o["name"].startswith("Union européenne"))
    assert eu["kind"] == "funder"
    received = records.list_records(filled, "transactions", filters={"organisation_id": eu["id"]})
    assert [(r["kind"], r["category"], r["amount"]) for r in received] == [
        ("income", "grant", Decimal("20000.00"))]
    line = records.get(filled, "budget_lines", received[0]["budget_line_id"])
    assert line["funder_organisation_id"] == eu["id"]


@pytest.mark.parametrize("today", TODAYS)
def test_money_is_past_and_fits_its_budget_line(demo_db: Database, today: dt.date) -> None:
    demo.fill(demo_db, today=today)
    lines = {b["id"]: b for b in records.list_records(demo_db, "budget_lines")}
    assert {today.year - 2, today.year - 1, today.year} <= {b["year"] for b in lines.values()}
    funders = {b["funder_organisation_id"] for b in lines.values() if b["category"] == "grant"}
    assert len(funders) >= 4
    for r in records.list_records(demo_db, "transactions"):
        assert r["date"] <= today.isoformat(), r["label"]
        if r["budget_line_id"] is not None:
            line = lines[r["budget_line_id"]]
            assert (line["partnership_id"], line["year"], line["kind"]) == (
                r["partnership_id"], int(r["date"][:4]), r["kind"])
        if r["mission_id"] is not None:
            mission = records.get(demo_db, "missions", r["mission_id"])
            assert mission["partnership_id"] == r["partnership_id"]


@pytest.mark.parametrize("today", TODAYS)
def test_deadlines_and_missions_are_alive(demo_db: Database, today: dt.date) -> None:
    demo.fill(demo_db, today=today)
    day = today.isoformat()
    soon = (today + dt.timedelta(days=30)).isoformat()
    later = (today + dt.timedelta(days=90)).isoformat()
    deadlines = records.list_records(demo_db, "deadlines")
    open_ = [d for d in deadlines if not d["done"]]
    assert any(d["due_date"] < day for d in open_)
    assert any(day <= d["due_date"] <= soon for d in open_)
    assert any(soon < d["due_date"] <= later for d in open_)
    assert any(d["done"] and d["done_date"] for d in deadlines)
    missions = records.list_records(demo_db, "missions")
    assert {m["status"] for m in missions} == {"planned", "confirmed", "done", "cancelled"}
    assert {m["direction"] for m in missions} == {"incoming", "outgoing"}
    for m in missions:
        assert m["start_date"] <= m["end_date"]
        if m["status"] == "done":
            assert m["end_date"] < day
        if m["status"] in ("planned", "confirmed"):
            assert m["start_date"] > day


def test_journal_links_the_jette_meeting_to_several_partnerships(filled: Database) -> None:
    entry = next(e for e in records.list_records(filled, "journal_entries")
                 if e["date"] == "2014-02-24")
    assert "Jette" in entry["title"] and entry["decisions"] and entry["actions"]
    links = records.list_records(filled, "journal_entry_partnerships",
                                 filters={"journal_entry_id": entry["id"]})
    assert len(links) >= 2


def test_every_record_references_live_records(filled: Database) -> None:
    assert list(filled.execute("PRAGMA foreign_key_check")) == []
    for spec in SPECS.values():
        for f in spec.parents:
            dangling = filled.execute(
                f"SELECT count(*) FROM {spec.table} c LEFT JOIN {f.ref} p ON p.id = c.{f.sql} "
                f"WHERE c.{f.sql} IS NOT NULL AND (p.id IS NULL OR p.deleted_at IS NOT NULL)"
            ).fetchone()[0]
            assert dangling == 0, (spec.table, f.name)


def test_second_fill_is_refused_and_changes_nothing(filled: Database) -> None:
    before = table_counts(filled)
    with pytest.raises(UserError):
        demo.fill(filled, today=TODAY)
    assert table_counts(filled) == before


def test_a_single_record_already_there_is_enough_to_refuse(demo_db: Database) -> None:
    records.create(demo_db, "organisations", {"name": "Commune de Forest"})
    with pytest.raises(UserError, match="1"):
        demo.fill(demo_db)
    assert sum(table_counts(demo_db).values()) == 1


def test_municipality_name_set_unless_already_chosen(tmp_path: Path, demo_db: Database) -> None:
    demo.fill(demo_db)  # today by default
    assert settings.get(demo_db, "municipality_name") == "Anderlecht"
    other = open_db(tmp_path / "other.sqlite3")
    try:
        settings.put(other, "municipality_name", "Forest")
        demo.fill(other, today=TODAY)
        assert settings.get(other, "municipality_name") == "Forest"
    finally:
        other.close()
