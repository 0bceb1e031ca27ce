"""The gdpr commands on the demo, as an officer runs them: the bar of issue 15."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest

from tests.conftest import digest, run_cli


def raw_bytes(path: Path) -> bytes:
    """The database file and its write-ahead log, as they are on disk."""
    wal = Path(f"{path}-wal")
    return path.read_bytes() + (wal.read_bytes() if wal.exists() else b"")


@pytest.fixture(scope="module")
def demo_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("gdpr") / "demo.sqlite3"
    assert run_cli("--db", path, "demo").returncode == 0
    return path


@pytest.fixture
def demo(demo_file: Path, tmp_path: Path) -> Path:
    import shutil

    path = tmp_path / "demo.sqlite3"
    shutil.copy(demo_file, path)
    return path


def query(path: Path, sql: str, params: tuple = ()) -> list[tuple]:
    conn = sqlite3.connect(path)
    try:
        return conn.execute(sql, params).fetchall()
    finally:
        conn.close()


def traveller_in_minutes(path: Path) -> tuple[int, str, str, str]:
    """A demo contact who took part in a mission and whose full name is in a journal entry."""
    for cid, first, last, email, phone in query(
            path, "SELECT id, first_name, last_name, email, phone FROM contacts "
            "WHERE email IS NOT NULL AND phone IS NOT NULL AND id IN "
            "(SELECT contact_id FROM mission_participants) ORDER BY id"):
        named = query(path, "SELECT title FROM journal_entries WHERE attendees LIKE ?",
                      (f"%{first} {last}%",))
        if named:
            return cid, last, email, phone
    raise AssertionError("the demo has no contact in a mission and in the minutes")


def money_and_counts(path: Path) -> list[tuple]:
    return query(path, "SELECT (SELECT count(*) FROM mission_participants), "
                       "(SELECT count(*) FROM partnership_contacts), "
                       "(SELECT sum(amount_cents) FROM transactions), "
                       "(SELECT sum(amount_eur_cents) FROM transactions), "
                       "(SELECT sum(amount_eur_cents) FROM budget_lines), "
                       "(SELECT group_concat(total_cents) FROM money_totals)")


def test_forget_leaves_no_trace_and_moves_no_total(demo: Path) -> None:
    cid, last, email, phone = traveller_in_minutes(demo)
    assert email.encode() in raw_bytes(demo) and phone.encode() in raw_bytes(demo)
    before, file_before = money_and_counts(demo), digest(demo)

    dry = run_cli("--lang", "en", "--db", demo, "gdpr", "forget", cid)
    assert dry.returncode == 0 and "--yes" in dry.stdout and "Journal entry" in dry.stdout
    assert digest(demo) == file_before  # without --yes: nothing changed

    done = run_cli("--lang", "en", "--db", demo, "gdpr", "forget", cid, "--yes")
    assert done.returncode == 0, done.stderr
    data = raw_bytes(demo)
    assert email.encode() not in data and phone.encode() not in data
    assert email.lower().encode() not in data.lower()
    assert query(demo, "SELECT first_name, last_name, email, phone FROM contacts WHERE id = ?",
                 (cid,)) == [("", f"Anonymised contact no. {cid}", None, None)]
    assert query(demo, "SELECT id FROM contacts WHERE first_name || last_name || "
                       "coalesce(notes, '') LIKE ?", (f"%{last}%",)) == []
    assert query(demo, "SELECT rowid FROM search_index WHERE search_index MATCH ?",
                 (f'"{last}"',)) == []
    assert money_and_counts(demo) == before
    check = run_cli("--lang", "en", "--db", demo, "check")
    assert check.returncode == 0, check.stderr


def test_access_export_holds_their_email_mission_and_minutes_and_is_logged(
        demo: Path, tmp_path: Path) -> None:
    from openpyxl import load_workbook

    cid, last, email, _phone = traveller_in_minutes(demo)
    missions = [t for (t,) in query(demo, "SELECT m.title FROM missions m JOIN "
                                          "mission_participants p ON p.mission_id = m.id "
                                          "WHERE p.contact_id = ?", (cid,))]
    first = query(demo, "SELECT first_name FROM contacts WHERE id = ?", (cid,))[0][0]
    minutes = [t for (t,) in query(demo, "SELECT title FROM journal_entries WHERE attendees "
                                         "LIKE ?", (f"%{first} {last}%",))]
    out = tmp_path / "access.xlsx"
    result = run_cli("--lang", "en", "--db", demo, "gdpr", "access", cid, out)
    assert result.returncode == 0, result.stderr
    cells = {str(c) for ws in load_workbook(out) for row in ws.iter_rows(values_only=True)
             for c in row if c is not None}
    assert email in cells
    assert set(missions) <= cells and set(minutes) <= cells
    portable = json.loads(out.with_suffix(".json").read_text(encoding="utf-8"))
    assert portable["contact"]["email"] == email

    assert run_cli("--db", demo, "dump", tmp_path / "d.json").returncode == 0
    dumped = json.loads((tmp_path / "d.json").read_text(encoding="utf-8"))
    entries = [e for e in dumped["personal_data_log"] if e["action"] == "access"]
    assert [(e["contact_ids"], e["what"]) for e in entries] == [([cid], "access.xlsx")]


def test_register_names_the_controller_and_counts_third_countries(
        demo: Path, tmp_path: Path) -> None:
    from openpyxl import load_workbook

    conn = sqlite3.connect(demo)
    conn.execute("INSERT OR REPLACE INTO settings (key, value) VALUES ('municipality_name', "
                 "'Commune de "
                 "Testville')")
    conn.commit()
    conn.close()
    senegal = query(demo, "SELECT count(*) FROM contacts c LEFT JOIN organisations o ON "
                          "o.id = c.organisation_id WHERE coalesce(c.country, o.country) = 'SN'")
    out = tmp_path / "register.xlsx"
    result = run_cli("--lang", "en", "--db", demo, "gdpr", "register", out)
    assert result.returncode == 0, result.stderr
    book = load_workbook(out)
    cells = [c for row in book["Register"].iter_rows(values_only=True) for c in row]
    assert "Commune de Testville" in cells
    countries = {row[1]: row[2] for row in book["Third countries"].iter_rows(values_only=True)}
    assert countries["SN"] == senegal[0][0] > 0
    assert "BE" not in countries and "FR" not in countries  # in the EU: not third countries


def test_review_years_zero_lists_everyone_unknown_id_is_one_line(demo: Path) -> None:
    contacts = query(demo, "SELECT count(*) FROM contacts")[0][0]
    result = run_cli("--lang", "en", "--db", demo, "gdpr", "review", "--years", "0")
    assert result.returncode == 0, result.stderr
    listed = {line.split("\t")[0] for line in result.stdout.splitlines() if "\t" in line}
    assert listed == {str(i) for (i,) in query(demo, "SELECT id FROM contacts")}
    assert len(listed) == contacts
    before = digest(demo)
    for args in (("forget", "9999", "--yes"), ("access", "9999", str(demo.parent / "x.xlsx")),
                 ("forget", "abc")):
        bad = run_cli("--lang", "en", "--db", demo, "gdpr", *args)
        assert bad.returncode != 0 and "Traceback" not in bad.stderr
        assert len(bad.stderr.strip().splitlines()) == 1, bad.stderr
    assert digest(demo) == before
    assert not (demo.parent / "x.xlsx").exists()


def test_the_dry_run_counts_what_it_keeps_in_singular_and_plural(demo: Path) -> None:
    """«Conservé : 3 participations … et 1 liens à des partenariats»: each count agrees."""
    (contact,) = query(demo, "SELECT contact_id FROM partnership_contacts "
                             "GROUP BY contact_id HAVING count(*) = 1 LIMIT 1")[0]
    result = run_cli("--lang", "en", "--db", demo, "gdpr", "forget", contact)
    assert result.returncode == 0, result.stderr
    kept = next(line for line in result.stdout.splitlines() if line.startswith("Kept:"))
    assert "1 partnership link " in kept and "1 partnership links" not in kept, kept
