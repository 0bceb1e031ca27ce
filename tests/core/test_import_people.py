"""A duplicate is the same person, not the same address (issue 12, item 2; DESIGN "Import details").

A town hall's address (mairie@…) is shared by the mayor and the secretary
general, a couple shares another: four people. A row that repeats one of
them with the same name is merged, within the file and against the
database, and the summary names the row or record it was merged with.
"""

from __future__ import annotations

from pathlib import Path
from types import SimpleNamespace

from core import records
from core.excel import apply, importer
from core.excel.plan import build_plan
from tests.conftest import run_cli
from tests.core import factories as make

HEADER = ["Nom", "Prénom", "Courriel", "Organisation", "Fonction"]
PEOPLE = [  # rows 2 to 5 of the sheet: four different people
    ["Sow", "Mamadou", "mairie@kolobo.example", "Commune de Kolobo", "Maire"],
    ["Diallo", "Fatou", "mairie@kolobo.example", "Commune de Kolobo", "Secrétaire générale"],
    ["Dupont", "Jean", "famille.dupont@example.be", None, None],
    ["Dupont", "Jeanne", " Famille.Dupont@Example.be ", None, None],
]
REPEATS = [  # rows 6 to 8: the same people again, written another way
    ["DIALLO", "Fatou", "MAIRIE@kolobo.example", "Commune de Kolobo", "SG"],
    ["Dupont", "Jeanne", "famille.dupont@example.be", None, "Mère"],
    ["Sow", "Mamadou", None, "commune de kolobo", "Maire"],
]


def plan_of(db, rows, **options):
    sheet = SimpleNamespace(name="Contacts", rows=[HEADER, *rows])
    return build_plan(db, "contacts", Path("contacts.xlsx"), [sheet], **options)


def people(db) -> list[tuple[str, str, str]]:
    return sorted((c["first_name"], c["last_name"], c["email"] or "")
                  for c in records.list_records(db, "contacts"))


def test_a_shared_address_keeps_four_people_and_merges_the_repeats(db) -> None:
    plan = plan_of(db, PEOPLE + REPEATS)
    assert [r.action for r in plan.rows] == ["create"] * 4 + ["skip"] * 3
    lines = importer.summary(plan)
    text = "\n".join(lines)
    # Every duplicate is named with the row it was merged with...
    assert "row 6: same as row 3" in text
    assert "row 7: same as row 5" in text
    assert "row 8: same as row 2" in text  # no e-mail: first, last name and organisation
    # ...and the people kept apart despite their shared address are said to be.
    assert "row 3: same e-mail as row 2, another name: kept as a separate contact" in text
    assert "row 5: same e-mail as row 4, another name: kept as a separate contact" in text
    apply.apply(db, plan)
    assert people(db) == [
        ("Fatou", "Diallo", "mairie@kolobo.example"),
        ("Jean", "Dupont", "famille.dupont@example.be"),
        ("Jeanne", "Dupont", "Famille.Dupont@Example.be"),
        ("Mamadou", "Sow", "mairie@kolobo.example"),
    ]


def test_accents_case_and_an_empty_first_name_aside(db) -> None:
    plan = plan_of(db, [PEOPLE[0], ["SÔW", None, " mairie@KOLOBO.example", None, None]])
    assert [r.action for r in plan.rows] == ["create", "skip"]
    assert plan.rows[1].reason == "row 3: same as row 2"


def test_against_the_database_the_same_person_is_found_and_updated(db) -> None:
    apply.apply(db, plan_of(db, PEOPLE))
    jeanne = next(c for c in records.list_records(db, "contacts") if c["first_name"] == "Jeanne")
    mamadou = next(c for c in records.list_records(db, "contacts")
                   if c["first_name"] == "Mamadou")
    newcomer = ["Ba", "Aïssatou", "mairie@kolobo.example", "Commune de Kolobo", "Adjointe"]
    plan = plan_of(db, [*REPEATS, newcomer], on_duplicate="update")
    assert [r.action for r in plan.rows] == ["update", "update", "update", "create"]
    text = "\n".join(importer.summary(plan))
    assert (f"row 3: already in the database, to be updated: contact n° {jeanne['id']} "
            "Jeanne Dupont") in text
    assert f"contact n° {mamadou['id']} Mamadou Sow" in text
    assert "row 5: same e-mail as row 2, another name: kept as a separate contact" in text
    apply.apply(db, plan)
    assert records.count(db, "contacts") == 5  # four, and the deputy mayor who is new
    roles = {c["first_name"]: c["role"] for c in records.list_records(db, "contacts")}
    assert roles["Jeanne"] == "Mère" and roles["Fatou"] == "SG"  # the file's values filled in
    assert roles["Aïssatou"] == "Adjointe"


def test_skip_leaves_the_database_as_it_was_and_says_with_whom(db) -> None:
    jean = make.contact(db, "Jean", "Dupont", email="famille.dupont@example.be")
    plan = plan_of(db, [["Dupont", "Jean", "FAMILLE.DUPONT@example.be", None, "Père"],
                        ["Dupont", "Jeanne", "famille.dupont@example.be", None, None]])
    assert [r.action for r in plan.rows] == ["skip", "create"]
    assert plan.rows[0].reason == f"row 2: already in the database: contact n° {jean} Jean Dupont"
    alone = plan_of(db, [["Dupont", "Jeanne", "famille.dupont@example.be", None, None]])
    assert alone.rows[0].action == "create"
    assert alone.rows[0].reason == (f"row 2: same e-mail as contact n° {jean} Jean Dupont, "
                                    "another name: kept as a separate contact")


def test_a_record_without_e_mail_is_found_by_name_and_organisation(db) -> None:
    org = make.organisation(db, name="Commune de Kolobo", country="ML")
    make.contact(db, "Mamadou", "Sow", organisation_id=org)
    plan = plan_of(db, [PEOPLE[0]], on_duplicate="update")
    assert plan.rows[0].action == "update"
    apply.apply(db, plan)
    assert people(db) == [("Mamadou", "Sow", "mairie@kolobo.example")]  # the e-mail filled in


def test_the_command_line_summary_names_each_duplicate(tmp_path: Path) -> None:
    from openpyxl import Workbook

    db_file = tmp_path / "town.sqlite3"
    assert run_cli("--db", db_file, "demo").returncode == 0
    book = Workbook()
    for row in [HEADER, *PEOPLE, *REPEATS]:
        book.active.append(row)
    book.save(tmp_path / "contacts.xlsx")
    done = run_cli("--lang", "en", "--db", db_file, "import", "contacts",
                   tmp_path / "contacts.xlsx")
    assert done.returncode == 0, done.stderr
    assert "row 7: same as row 5" in done.stdout
    assert "row 3: same e-mail as row 2, another name: kept as a separate contact" in done.stdout
    again = run_cli("--lang", "en", "--db", db_file, "import", "contacts",
                    tmp_path / "contacts.xlsx", "--dry-run")
    assert "row 2: already in the database: contact n° " in again.stdout
    assert "Mamadou Sow" in again.stdout
