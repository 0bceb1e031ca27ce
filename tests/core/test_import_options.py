"""Values as people write them, and what the user says on the command line.

A partnerships list with "Convention jusqu'au" and "En veille", the
transactions that refer to it, a commune's extract of paid mandates, a
Flemish BBC export; `--set`, `--value`, `--keep-unmatched` run as a user
runs them, and the database read afterwards.
"""

from __future__ import annotations

import json
from datetime import datetime
from pathlib import Path

import pytest

from core import records
from core.excel import cells
from tests.conftest import run_cli

DATA = Path(__file__).resolve().parent.parent / "data" / "import"
PARTNERSHIPS = [
    ["Jumelages et coopérations de Saint-Aubin"],
    [],
    ["Partenariat", "Collectivité partenaire", "Pays", "Statut", "Début",
     "Convention jusqu'au"],
    ["Saint-Aubin – Kolobo", "Commune de Kolobo", "Mali", "Actif", "12/05/2009", "31/12/2026"],
    ["Saint-Aubin – Marsassoum", "Commune de Marsassoum", "Sénégal", "En veille",
     "03/02/2014", datetime(2025, 6, 30)],
    ["Saint-Aubin – Tarija", "Municipio de Tarija", "Bolivie", "en cours", "01/09/2018", None],
    ["Saint-Aubin – Gaoua", "Mairie de Gaoua", "Burkina Faso", "Exploratoire", None, None],
]
TRANSACTIONS = [
    ["Date", "Partenariat", "Libellé", "Fournisseur / payeur", "N° mandat", "Montant TTC",
     "Dépense/Recette"],
    ["06/03/2023", "Saint-Aubin – Kolobo", "Billets Bamako", "Air Sénégal", "2023-118",
     "1 200,00", "Mandat"],
    ["07/03/2023", "Saint-Aubin – Kolobo", "Hôtel", "Hôtel du Niger", "2023-119", "495,00",
     "Mandat"],
    ["02/05/2023", "Saint-Aubin – Marsassoum", "Semences", "Coopérative Kassoumay",
     "2023-164", "360,00", "Dépense"],
    ["15/06/2023", "Saint-Aubin – Tarija", "Subvention régionale", "Région", "T-2023-12",
     "5 000,00", "Titre"],
    ["20/06/2023", "Saint-Aubin – Gaoua", "Étude préalable", "Bureau d'études", "2023-201",
     "800,00", "Mandat"],
    ["01/07/2023", "Saint-Aubin – Marsassoum", "Apport du partenaire", "Commune", "T-2023-13",
     "250,00", "Recette"],
]


def workbook(path: Path, partnerships: list[list[object]] = PARTNERSHIPS) -> Path:
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    sheet.title = "Partenariats"
    for row in partnerships:
        sheet.append(row)
    operations = book.create_sheet("Opérations")
    for row in TRANSACTIONS:
        operations.append(row)
    book.save(path)
    return path


def cli(db: Path, *args: object):
    return run_cli("--lang", "en", "--db", db, "import", *args)


def dump(db: Path, tmp_path: Path) -> dict:
    assert run_cli("--db", db, "dump", tmp_path / "dump.json").returncode == 0
    return json.loads((tmp_path / "dump.json").read_text(encoding="utf-8"))


def empty_db(tmp_path: Path) -> Path:
    from core.db import open_db

    path = tmp_path / "commune.sqlite3"
    open_db(path).close()
    return path


def test_partnerships_then_their_transactions_without_any_option(tmp_path: Path) -> None:
    db, book = empty_db(tmp_path), workbook(tmp_path / "jumelages.xlsx")
    result = cli(db, "partnerships", book, "--sheet", "Partenariats")
    assert result.returncode == 0, result.stderr
    assert "4 records to create" in result.stdout and "0 rows rejected" in result.stdout
    result = cli(db, "transactions", book, "--sheet", "Opérations")
    assert result.returncode == 0, result.stderr
    assert "6 records to create" in result.stdout and "0 rows rejected" in result.stdout
    data = dump(db, tmp_path)
    by_name = {p["name"]: p for p in data["partnerships"]}
    marsassoum = by_name["Saint-Aubin – Marsassoum"]
    assert marsassoum["status"] == "dormant"
    assert marsassoum["agreement_expiry_date"] == "2025-06-30"
    assert by_name["Saint-Aubin – Kolobo"]["agreement_expiry_date"] == "2026-12-31"
    assert by_name["Saint-Aubin – Gaoua"]["status"] == "exploratory"
    money = {t["reference"]: t for t in data["transactions"]}
    assert set(money) == {"2023-118", "2023-119", "2023-164", "T-2023-12", "2023-201",
                          "T-2023-13"}
    assert money["2023-118"]["counterparty"] == "Air Sénégal"
    assert (money["2023-118"]["kind"], money["2023-118"]["amount"]) == ("expense", "1200.00")
    assert money["T-2023-12"]["kind"] == "income"
    assert money["T-2023-13"]["kind"] == "income"


def test_a_rejected_partnership_is_named_once_by_the_rows_that_need_it(tmp_path: Path) -> None:
    rows = [list(r) for r in PARTNERSHIPS]
    rows[4][4] = "le 3 de la lune"  # Marsassoum, row 5 of the sheet: an unreadable date
    db, book = empty_db(tmp_path), workbook(tmp_path / "jumelages.xlsx", rows)
    result = cli(db, "partnerships", book, "--sheet", "Partenariats")
    assert result.returncode == 0 and "1 row rejected" in result.stdout
    result = cli(db, "transactions", book, "--sheet", "Opérations")
    assert result.returncode == 0, result.stderr
    assert "4 records to create" in result.stdout and "2 rows rejected" in result.stdout
    said = [line for line in result.stdout.splitlines() if "Marsassoum" in line]
    assert len(said) == 1, result.stdout  # once, for both rows
    assert "rows 4, 7" in said[0]
    assert "because row 5 of the partnerships sheet «Partenariats» was rejected" in said[0]


def test_paid_mandates_with_set_and_keep_unmatched(tmp_path: Path) -> None:
    db = empty_db(tmp_path)
    assert cli(db, "partnerships", workbook(tmp_path / "j.xlsx"), "--sheet",
               "Partenariats").returncode == 0
    extract = DATA / "mandats-payes.csv"
    assert extract.read_bytes().startswith(b'"Extraction des mandats')  # a title line first
    result = cli(db, "transactions", extract, "--set", "partnership=Saint-Aubin – Kolobo",
                 "--set", "kind=expense", "--keep-unmatched")
    assert result.returncode == 0, result.stderr
    assert "3 records to create" in result.stdout and "1 row passed over" in result.stdout
    assert "Columns kept in the notes: Exercice, N° bordereau, Montant HT, TVA, État" \
        in result.stdout
    money = {t["reference"]: t for t in dump(db, tmp_path)["transactions"]}
    air = money["2023-118"]
    assert air["amount"] == "1200.00"  # tax included, not the 1 000,00 before tax
    assert (air["kind"], air["counterparty"], air["label"], air["date"]) == (
        "expense", "AIR SENEGAL", "Billets Dakar mission mars", "2023-03-06")
    assert air["budget_post"] == "6251-048"
    assert "N° bordereau : 41" in air["notes"] and "Montant HT : 1 000,00" in air["notes"]
    assert {t["partnership_id"] for t in money.values()} == {1}


def test_a_field_the_sheet_lacks_is_named_in_words_once_not_by_its_internal_name(
        tmp_path: Path) -> None:
    """Paid mandates with no partnership column and no --set: each row used to say
    "row 4, column partnership_id: Partnership is required." — a name from the
    database, in French too, and one line per row."""
    db = empty_db(tmp_path)
    result = cli(db, "transactions", DATA / "mandats-payes.csv", "--set", "kind=expense")
    assert result.returncode == 0, result.stderr
    assert "partnership_id" not in result.stdout
    said = [line for line in result.stdout.splitlines() if "Partnership" in line]
    assert len(said) == 1, result.stdout
    assert said[0].strip().startswith("rows ") and "Partnership is required" in said[0]


def test_without_keep_unmatched_the_columns_are_listed_not_kept(tmp_path: Path) -> None:
    db = empty_db(tmp_path)
    assert cli(db, "partnerships", workbook(tmp_path / "j.xlsx"), "--sheet",
               "Partenariats").returncode == 0
    result = cli(db, "transactions", DATA / "mandats-payes.csv", "--set",
                 "partnership=saint-aubin - kolobo")
    assert result.returncode == 0, result.stderr
    assert "Columns not imported: Exercice, N° bordereau, Montant HT, TVA, État" \
        in result.stdout
    assert {t["notes"] for t in dump(db, tmp_path)["transactions"]} == {None}


def test_value_says_what_an_unknown_word_means(tmp_path: Path) -> None:
    rows = [list(r) for r in PARTNERSHIPS]
    rows[5][3] = "À relancer"
    rows[6][3] = "à relancer"
    db, book = empty_db(tmp_path), workbook(tmp_path / "j.xlsx", rows)
    result = cli(db, "partnerships", book, "--sheet", "Partenariats", "--dry-run")
    assert "2 rows rejected" in result.stdout
    hint = [line for line in result.stdout.splitlines() if "--value" in line]
    assert len(hint) == 1 and "rows 6, 7" in hint[0] and "dormant" in hint[0], result.stdout
    result = cli(db, "partnerships", book, "--sheet", "Partenariats",
                 "--value", "Statut:À relancer=exploratory")
    assert result.returncode == 0 and "4 records to create" in result.stdout, result.stdout
    statuses = {p["name"]: p["status"] for p in dump(db, tmp_path)["partnerships"]}
    assert statuses["Saint-Aubin – Tarija"] == "exploratory"
    bad = cli(db, "partnerships", book, "--value", "Statut:À relancer=sleeping")
    assert bad.returncode != 0 and "sleeping" in bad.stderr and "dormant" in bad.stderr


def test_bad_options_get_one_clear_line(tmp_path: Path) -> None:
    db = empty_db(tmp_path)
    extract = DATA / "mandats-payes.csv"
    for args, word in ((("--set", "kind"), "--set"), (("--set", "colour=red"), "colour"),
                       (("--set", "kind=maybe"), "maybe"), (("--value", "Statut=x"), "--value")):
        result = cli(db, "transactions", extract, *args)
        assert result.returncode != 0 and "Traceback" not in result.stderr
        assert len(result.stderr.strip().splitlines()) == 1 and word in result.stderr


def test_flemish_bbc_export_and_two_amount_columns(db, tmp_path: Path) -> None:
    from core.excel import apply, importer
    from tests.core import factories as make

    make.partnership(db, name="Herent – Kolobo")
    options = importer.ImportOptions(fixed={"partnership": "Herent – Kolobo"})
    plan = importer.prepare(db, "transactions", DATA / "bbc-uitvoering.csv", options=options)
    assert plan.header_row == 5 and plan.count("create") == 2, importer.summary(plan)
    sheet = tmp_path / "journal.csv"
    sheet.write_text("Date;Objet;Tiers;Montant dépense;Montant recette\n"
                     "06/03/2023;Billets;Air Sénégal;1 200,00;\n"
                     "15/06/2023;Subvention;Région;;5 000,00\n", encoding="cp1252")
    two = importer.prepare(db, "transactions", sheet, options=options)
    apply.apply(db, plan)
    apply.apply(db, two)
    found = {t["label"]: t for t in records.list_records(db, "transactions")}
    assert (found["Vliegtickets delegatie Kolobo"]["kind"],
            found["Vliegtickets delegatie Kolobo"]["counterparty"]) == (
        "expense", "Brussels Airlines")
    assert found["Subsidie Vlaanderen stedenband"]["kind"] == "income"
    assert found["Subsidie Vlaanderen stedenband"]["budget_post"] == "7400000"
    assert (found["Billets"]["kind"], found["Subvention"]["kind"]) == ("expense", "income")


@pytest.mark.parametrize(("table", "field", "typed", "choice"), [
    ("partnerships", "status", "En veille", "dormant"),
    ("partnerships", "status", "en sommeil", "dormant"),
    ("partnerships", "status", "Inactif", "dormant"),
    ("partnerships", "status", "gelé", "dormant"),
    ("partnerships", "status", "slapend", "dormant"),
    ("partnerships", "status", "Opgeschort", "dormant"),
    ("partnerships", "status", "beeindigd", "ended"),
    ("partnerships", "status", "Beëindigd", "ended"),
    ("missions", "direction", "Départ", "outgoing"),
    ("missions", "direction", "Accueil", "incoming"),
    ("missions", "direction", "uitgaand", "outgoing"),
    ("missions", "direction", "Inkomend", "incoming"),
    ("transactions", "kind", "Mandat", "expense"),
    ("transactions", "kind", "Titre", "income"),
    ("transactions", "kind", "Uitgave", "expense"),
    ("transactions", "kind", "Ontvangst", "income"),
    ("transactions", "category", "Billets d'avion", "travel"),
    ("budget_lines", "category", "Subvention", "grant"),
    ("mission_participants", "category", "Élue", "elected"),
    ("mission_participants", "category", "schepen", "elected"),
    ("transactions", "eligible", "oui", True),
    ("transactions", "eligible", "nee", False),
    ("transactions", "eligible", "x", True),
    ("transactions", "eligible", "Ja", True),
    ("transactions", "eligible", "non", False),
])
def test_choice_values_in_the_usual_words(table: str, field: str, typed: str,
                                          choice: object) -> None:
    assert cells.convert(table, field, typed) == choice


def test_an_unknown_word_is_asked_not_guessed() -> None:
    with pytest.raises(cells.UnknownValue) as raised:
        cells.convert("partnerships", "status", "À relancer")
    assert raised.value.field == "status" and raised.value.value == "À relancer"
    said = {"status": {"a relancer": "exploratory"}}
    assert cells.convert("partnerships", "status", "A RELANCER", said) == "exploratory"
