"""core.gdpr without the command line: wiping, rewriting, reviewing, logging, on small files."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

from sqlite_utils import Database

from core import records, search
from core.gdpr import forget, log, review
from core.gdpr.mentions import matcher
from tests.core import factories as make

EMAIL, PHONE = "awa.diatta@marsassoum.example", "+221 77 000 11 22"


def awa(db: Database) -> tuple[int, int, int]:
    """Awa Diatta, in a mission, named in two journal entries (one in the trash); the ids."""
    partnership = make.partnership(db)
    cid = make.contact(db, email=EMAIL, phone=PHONE, notes="Allergique aux arachides",
                       role="Secrétaire municipale", languages="wolof")
    mission = make.mission(db, partnership)
    records.create(db, "mission_participants", {"mission_id": mission, "contact_id": cid,
                                                "category": "partner", "notes": "Visa 2020"})
    make.transaction(db, partnership, counterparty="DIATTA Awa", mission_id=mission)
    entry = records.create(db, "journal_entries", {
        "date": "2021-05-04", "title": "Réunion",
        "attendees": "Awa Diatta (awa.diatta@marsassoum.example), M. Sané",
        "context": "Mme DIÉDHIOU et Mme Diatta ont présenté le bilan."})
    trashed = records.create(db, "journal_entries", {"date": "2022-01-01", "title": "Appel",
                                                     "context": "Appel de Awa Diatta"})
    records.delete(db, "journal_entries", trashed)
    return cid, mission, entry


def test_forget_wipes_the_file_even_where_sqlite_would_keep_deleted_bytes(
        db: Database, db_path: Path) -> None:
    db.execute("PRAGMA secure_delete = OFF")  # SQLite's own default (Windows, macOS builds)
    cid, _mission, _entry = awa(db)
    for n in range(3):  # older versions of the record, left in the pages' free space
        records.update(db, "contacts", cid, {"notes": f"{EMAIL} {PHONE} v{n}"})
    forget.forget(db, cid)
    db.close()
    data = db_path.read_bytes() + (Path(f"{db_path}-wal").read_bytes()
                                   if Path(f"{db_path}-wal").exists() else b"")
    for value in (EMAIL, PHONE, "Diatta", "DIATTA", "arachides", "Secrétaire municipale"):
        assert value.encode() not in data, value


def test_forget_rewrites_texts_keeps_links_and_totals(db: Database) -> None:
    cid, _mission, entry = awa(db)
    totals = db.execute("SELECT * FROM money_totals").fetchall()
    result = forget.forget(db, cid)
    name = f"Anonymised contact no. {cid}"
    assert records.get(db, "contacts", cid)["last_name"] == name
    journal = records.get(db, "journal_entries", entry)
    assert journal["attendees"] == f"{name} ({name}), M. Sané"
    assert journal["context"] == f"Mme DIÉDHIOU et Mme {name} ont présenté le bilan."
    assert db.execute("SELECT label FROM trash").fetchall() == [("Appel",)]
    assert db.execute("SELECT context FROM journal_entries WHERE deleted_at IS NOT NULL"
                      ).fetchall() == [(f"Appel de {name}",)]
    assert db.execute("SELECT counterparty FROM transactions").fetchall() == [(name,)]
    assert db.execute("SELECT contact_id, category, notes FROM mission_participants").fetchall(
        ) == [(cid, "partner", None)]
    assert db.execute("SELECT * FROM money_totals").fetchall() == totals
    assert search.search_all(db, "Diatta") == {}
    assert result.rewritten == 3 and log.is_anonymised(db, cid)
    assert [e["action"] for e in log.entries_for(db, cid)] == ["anonymise"]
    assert db.execute("SELECT what FROM personal_data_log").fetchall() == [("",)]


def test_a_shared_family_name_alone_is_left_to_the_other_person(db: Database) -> None:
    cid, _mission, entry = awa(db)
    make.contact(db, "Moussa", "Diatta")
    plan = forget.plan(db, cid)
    assert not plan.family_name_alone
    forget.forget(db, cid)
    context = records.get(db, "journal_entries", entry)["context"]
    assert context == "Mme DIÉDHIOU et Mme Diatta ont présenté le bilan."


def test_matching_ignores_case_and_accents_but_not_word_ends() -> None:
    found = matcher({"first_name": "Aïssatou", "last_name": "Diédhiou", "email": None})
    assert found.replace("AISSATOU DIEDHIOU, Diedhiouville", "X") == "X, Diedhiouville"
    assert found.replace("Diédhiou Aïssatou et diédhiou", "X") == "X et X"


def test_review_gives_the_latest_activity_and_why(db: Database) -> None:
    cid, _mission, _entry = awa(db)
    recent = make.contact(db, "Jeanne", "Récente")
    db.execute("UPDATE contacts SET updated_at = '2018-01-01T00:00:00Z' WHERE id = ?", [cid])
    db.execute("UPDATE contacts SET updated_at = '2025-01-01T00:00:00Z' WHERE id = ?", [recent])
    db.execute("UPDATE mission_participants SET updated_at = '2018-01-01T00:00:00Z'")
    today = dt.date(2027, 6, 1)
    idle = review.idle_contacts(db, today, 5)
    assert [(i.contact_id, i.last_activity) for i in idle] == [(cid, "2021-05-04")]
    assert "Réunion" in idle[0].reason  # the journal entry that names her
    assert review.idle_contacts(db, today, 7) == []  # 2021 is within the last 7 years
    assert {i.contact_id for i in review.idle_contacts(db, today, 0)} == {cid, recent}
    forget.forget(db, cid)
    assert [i.contact_id for i in review.idle_contacts(db, today, 0)] == [recent]


def test_exports_of_contacts_are_logged_with_the_contacts_in_them(
        db: Database, tmp_path: Path) -> None:
    from core.excel.export import export_kind, export_listing

    cid, _mission, _entry = awa(db)
    other = make.contact(db, "Moussa", "Sow", legal_basis="consent")
    export_kind(db, "contacts", tmp_path / "all.xlsx")
    export_listing(db, "contacts", tmp_path / "list.xlsx", None, {"legal_basis": "none"})
    export_kind(db, "organisations", tmp_path / "orgs.xlsx")
    rows = db.execute("SELECT l.what, group_concat(k.contact_id) FROM personal_data_log l "
                      "JOIN personal_data_log_contacts k ON k.log_id = l.id GROUP BY l.id "
                      "ORDER BY l.id").fetchall()
    assert rows == [("all.xlsx", f"{cid},{other}"), ("list.xlsx", str(cid))]
    assert log.last_export(db, other) is not None


def test_the_log_goes_through_dump_and_load(db: Database, tmp_path: Path) -> None:
    from core import dump
    from core.db import open_db

    cid, _mission, _entry = awa(db)
    log.record(db, log.ACCESS, "acces.xlsx", [cid], when="2026-01-02T03:04:05Z")
    dump.dump(db, tmp_path / "a.json")
    data = json.loads((tmp_path / "a.json").read_text(encoding="utf-8"))
    assert data["personal_data_log"] == [{"id": 1, "logged_at": "2026-01-02T03:04:05Z",
                                          "action": "access", "what": "acces.xlsx",
                                          "contact_ids": [cid]}]
    copy = open_db(tmp_path / "copy.sqlite3")
    dump.load(copy, tmp_path / "a.json")
    dump.dump(copy, tmp_path / "b.json")
    copy.close()
    assert (tmp_path / "a.json").read_bytes() == (tmp_path / "b.json").read_bytes()
