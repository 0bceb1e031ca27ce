"""Every row under the header is accounted for: created, updated, duplicate, rejected or
passed over (blank, header repeated, total), and a total row is one whose first filled
cell *is* a total word: Somé, Sommer, Somoto, Totah and Total Énergies are kept."""

from __future__ import annotations

import sqlite3
from datetime import datetime
from pathlib import Path
from types import SimpleNamespace

from core import records
from core.excel import apply, importer
from core.excel.plan import build_plan
from tests.conftest import run_cli
from tests.core import factories as make

DATA = Path(__file__).resolve().parent.parent / "data" / "imports"


def accounted(plan) -> int:
    return (plan.count("create") + plan.count("update") + plan.count("skip")
            + plan.count("reject") + len(plan.passed))


def test_twin_towns_saved_by_french_excel_keep_every_town(tmp_path: Path) -> None:
    # 272 rows, as Excel saves "CSV (séparateur : point-virgule)": Windows-1252, CRLF, a
    # title above the header; 39 towns are twinned twice (written again, some in capitals
    # or without accents), so 233 distinct towns. León is in Spain and in Nicaragua.
    source = DATA / "jumelages-excel-fr.csv"
    lines = source.read_bytes().decode("cp1252").splitlines()
    assert len(lines) - 4 == 272
    db = tmp_path / "ici.sqlite3"
    assert run_cli("--db", db, "demo").returncode == 0  # a file with organisations already
    before = sqlite3.connect(db).execute(
        "SELECT count(*) FROM organisations WHERE deleted_at IS NULL").fetchone()[0]
    result = run_cli("--db", db, "--lang", "en", "import", "organisations", source,
                     "--map", "Ville jumelée=name", "--map", "Commune=")
    assert result.returncode == 0, result.stderr
    conn = sqlite3.connect(db)
    towns = set(conn.execute("SELECT name, country FROM organisations "
                             "WHERE deleted_at IS NULL AND id > ?", [before]))
    assert ("Somoto", "NI") in towns
    assert {("León", "ES"), ("León", "NI")} <= towns
    summary = result.stdout
    assert "272 rows under the header" in summary
    created = len(towns)
    already = 272 - 39 - created  # towns of the demo (Marsassoum, Safi…) found, not created
    assert f"{created} records to create" in summary
    assert f"{39 + already} duplicates skipped" in summary
    assert "0 rows rejected" in summary and "0 rows passed over" in summary
    total = sum(int(line.split()[0]) for line in summary.splitlines()[2:7])
    assert total == 272


def sheet(rows: list[list[object]]) -> list[SimpleNamespace]:
    return [SimpleNamespace(name="Contacts", rows=rows)]


def test_people_named_like_a_total_are_imported_and_the_total_is_reported(db) -> None:
    rows = [
        ["Nom", "Prénom", "Courriel", "Organisation", "Pays"],
        ["Somé", "Issa", "issa.some@ouahigouya.example", "Commune de Ouahigouya", "BF"],
        ["Sommer", "Lena", "l.sommer@konstanz.example", None, "DE"],
        [None, None, None, None, None],
        ["Totah", "Rania", None, "Beit Sahour", "PS"],
        ["Somers", "Piet", "piet.somers@herent.example", "Gemeente Herent", "BE"],
        ["Dupuis", "Marc", "m.dupuis@total.example", "Total Énergies", "FR"],
        ["Total", "Marie", "marie.total@example.org", None, "FR"],  # a person called Total
        ["Nom", "Prénom", "Courriel", "Organisation", "Pays"],  # header on a new page
        ["TOTAL", None, None, None, None],
        [None, None, None, None, None],  # trailing blanks are not rows of the list
    ]
    plan = build_plan(db, "contacts", Path("contacts.xlsx"), sheet(rows))
    assert plan.count("create") == 6
    assert [(p.row, p.reason) for p in plan.passed] == [
        (4, "blank line"), (9, "the header repeated"), (10, "total row «TOTAL»")]
    assert accounted(plan) == 9 == plan.rows_read
    lines = importer.summary(plan)
    assert any("10" in line and "TOTAL" in line for line in lines)
    apply.apply(db, plan)
    names = {c["last_name"] for c in records.list_records(db, "contacts")}
    assert {"Somé", "Sommer", "Totah", "Somers", "Dupuis", "Total"} <= names
    assert records.get(db, "organisations", 1) is not None
    assert any(o["name"] == "Total Énergies" for o in records.list_records(db, "organisations"))


def test_totals_of_a_finance_sheet_are_passed_over_but_never_a_dated_payment(db) -> None:
    make.partnership(db, name="Le Portel – Kawara")
    rows = [
        ["Date", "Partenariat", "Libellé", "Montant"],
        [datetime(2023, 3, 6), "Le Portel – Kawara", "Somme versée à l'école", "1 250,00"],
        [datetime(2023, 3, 7), "Le Portel – Kawara", "Total", "300"],  # dated: a payment
        ["Sous-total mars", None, None, "1 550,00"],
        ["Somoto", "Le Portel – Kawara", "Visite", "10"],  # not a total: not a date either
        ["Total général 2023", None, None, "1 560,00"],
        ["Somme", None, None, 1560],
    ]
    plan = build_plan(db, "transactions", Path("mandats.xlsx"),
                      [SimpleNamespace(name="Mandats", rows=rows)])
    assert [p.row for p in plan.passed] == [4, 6, 7]
    assert all("total" in p.reason for p in plan.passed)
    assert plan.count("create") == 2
    rejected = [r for r in plan.rows if r.action == "reject"]
    assert [r.row for r in rejected] == [5]  # Somoto has no date: rejected, and said why
    assert accounted(plan) == 6


def test_a_total_that_counts_people_in_the_name_column_is_no_person(db) -> None:
    rows = [
        ["N°", "Nom", "Prénom", "Courriel"],
        ["1", "Somé", "Issa", "issa.some@ouahigouya.example"],
        ["2", "Totah", "Rania", None],
        ["Total", "2 contacts", None, None],
        ["Total :", "2", None, None],
        ["Total", "Marie", None, "marie.total@example.org"],  # a person: a name, an e-mail
    ]
    plan = build_plan(db, "contacts", Path("liste.csv"), sheet(rows))
    assert [p.row for p in plan.passed] == [4, 5]
    assert plan.count("create") == 3
    assert {r.values.get("last_name") for r in plan.rows} == {"Somé", "Totah", "Marie"}
