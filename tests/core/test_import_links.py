"""Mission participants and a partnership's contacts travel through spreadsheets (issue 12, item 5).

DESIGN: "KIND for import: … participants (mission participants) and
partnership_contacts (a partnership's contacts with their role)"; "an export
of a kind holds every field of every live record of that kind, notes
included, with the names of linked records beside their ids: what goes out
can come back in." A mission is found by its title and start date (and its
partnership's name), a contact by e-mail or by name, or a participant is a
free name. The records are compared by what names them, read from both
databases, never by their numbers.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path
from types import SimpleNamespace

import pytest

from core import demo, records
from core.db import open_db
from core.excel import apply, importer
from core.excel.export import export_kind
from core.excel.plan import build_plan
from tests.conftest import run_cli
from tests.core import factories as make

# The order a whole commune is imported in: each kind finds what the earlier ones made.
ORDER = ("organisations", "contacts", "partnerships", "missions", "budget", "transactions",
         "participants", "partnership_contacts")

PARTICIPANTS_SQL = """
    SELECT m.title, m.start_date, p.name, c.first_name, c.last_name, c.email,
           mp.name, mp.category, mp.notes
    FROM mission_participants mp JOIN missions m ON m.id = mp.mission_id
    JOIN partnerships p ON p.id = m.partnership_id LEFT JOIN contacts c ON c.id = mp.contact_id
    WHERE mp.deleted_at IS NULL"""
PARTNERSHIP_CONTACTS_SQL = """
    SELECT p.name, c.first_name, c.last_name, c.email, pc.role, pc.notes
    FROM partnership_contacts pc JOIN partnerships p ON p.id = pc.partnership_id
    JOIN contacts c ON c.id = pc.contact_id WHERE pc.deleted_at IS NULL"""


def natural(db, sql: str) -> list[tuple]:
    return sorted(tuple("" if v is None else str(v) for v in row) for row in db.execute(sql))


def add_hard_cases(db) -> None:
    """What a real commune has and the demo may not: a town hall's address shared by two
    people, two people of the same name, a free-name participant with notes, and two
    missions of the same title and day."""
    partnerships = records.list_records(db, "partnerships")
    first, second = partnerships[0]["id"], partnerships[1]["id"]
    org = make.organisation(db, name="Commune de Kolobo", country="ML")
    mayor = make.contact(db, "Mamadou", "Sow", email="mairie@kolobo.example",
                         organisation_id=org)
    secretary = make.contact(db, "Fatou", "Diallo", email="mairie@kolobo.example",
                             organisation_id=org)
    records.create(db, "partnership_contacts", {"partnership_id": first, "contact_id": mayor,
                                                "role": "focal_point", "notes": "Maire & élu"})
    records.create(db, "partnership_contacts", {"partnership_id": first,
                                                "contact_id": secretary,
                                                "role": "coordinator"})
    namesakes = [make.contact(db, "Jan", "Peeters", email=f"jan.peeters@{town}.example")
                 for town in ("herent", "leuven")]
    records.create(db, "partnership_contacts", {"partnership_id": second,
                                                "contact_id": namesakes[1],
                                                "role": "interpreter"})
    for partnership, namesake in zip((first, second), namesakes, strict=True):
        mission = make.mission(db, partnership, title="Assises de la coopération",
                               start_date="2025-05-12", end_date="2025-05-14")
        records.create(db, "mission_participants", {"mission_id": mission,
                                                    "contact_id": secretary,
                                                    "category": "staff"})
        records.create(db, "mission_participants", {"mission_id": mission,
                                                    "contact_id": namesake,
                                                    "category": "expert"})
        records.create(db, "mission_participants", {
            "mission_id": mission, "name": "Pierre Martin", "category": "citizen",
            "notes": f"Comité de jumelage, partenariat {partnership}"})


@pytest.fixture(scope="module")
def commune(tmp_path_factory: pytest.TempPathFactory) -> tuple[object, Path]:
    folder = tmp_path_factory.mktemp("commune")
    source = open_db(folder / "source.sqlite3")
    demo.fill(source, today=date(2026, 11, 23))
    add_hard_cases(source)
    for kind in ORDER:
        export_kind(source, kind, folder / f"{kind}.xlsx")
    return source, folder


def test_participants_and_partnership_contacts_round_trip(commune, tmp_path: Path) -> None:
    source, folder = commune
    target = open_db(tmp_path / "empty.sqlite3")
    for kind in ORDER:
        plan = importer.prepare(target, kind, folder / f"{kind}.xlsx")
        assert plan.count("reject") == 0, [r.reason for r in plan.rows if r.reason][:3]
        apply.apply(target, plan)
    expected = natural(source, PARTICIPANTS_SQL)
    assert ("Assises de la coopération", "2025-05-12") in {row[:2] for row in expected}
    assert natural(target, PARTICIPANTS_SQL) == expected
    assert natural(target, PARTNERSHIP_CONTACTS_SQL) == natural(source,
                                                                PARTNERSHIP_CONTACTS_SQL)
    assert len(expected) == records.count(source, "mission_participants")
    # and the same files again add nobody: the same mission and contact (or free name),
    # the same partnership and contact, are duplicates
    for kind in ("participants", "partnership_contacts"):
        again = importer.prepare(target, kind, folder / f"{kind}.xlsx")
        assert again.count("create") == 0 and again.count("skip") == len(again.rows), kind


def test_the_command_line_exports_and_imports_both_kinds(tmp_path: Path) -> None:
    db_file = tmp_path / "cli.sqlite3"
    assert run_cli("--db", db_file, "demo").returncode == 0
    for kind in ("participants", "partnership_contacts"):
        done = run_cli("--lang", "fr", "--db", db_file, "export", kind,
                       tmp_path / f"{kind}.xlsx")
        assert done.returncode == 0, done.stderr
    db = open_db(db_file)
    before = natural(db, PARTICIPANTS_SQL), natural(db, PARTNERSHIP_CONTACTS_SQL)
    db.execute("DELETE FROM mission_participants")
    db.execute("DELETE FROM partnership_contacts")
    db.conn.commit()
    for kind in ("participants", "partnership_contacts"):
        done = run_cli("--lang", "en", "--db", db_file, "import", kind,
                       tmp_path / f"{kind}.xlsx")
        assert done.returncode == 0, done.stderr
        assert "0 rows rejected" in done.stdout
    assert (natural(db, PARTICIPANTS_SQL), natural(db, PARTNERSHIP_CONTACTS_SQL)) == before
    db.close()


def sheet_of(rows: list[list[object]]) -> list[SimpleNamespace]:
    return [SimpleNamespace(name="Feuil1", rows=rows)]


def test_a_hand_made_list_of_participants(db) -> None:
    partnership = make.partnership(db)
    mission = make.mission(db, partnership, title="Mission eau", start_date="2024-02-05",
                           end_date="2024-02-12")
    org = make.organisation(db, name="Commune de Kolobo", country="ML")
    make.contact(db, "Mamadou", "Sow", email="mairie@kolobo.example", organisation_id=org)
    fatou = make.contact(db, "Fatou", "Diallo", email="mairie@kolobo.example",
                         organisation_id=org)
    rows = [
        ["Mission", "Date de départ", "Participant", "Courriel", "Qualité", "Remarques"],
        ["Mission eau", "5 février 2024", "Fatou Diallo", "MAIRIE@kolobo.example",
         "Agent·e communal·e",
         "Secrétaire générale"],
        ["mission EAU", "05/02/2024", "Jeanne Peeters", None, "Citoyen·ne", None],
        ["Mission eau", "05/02/2024", "jeanne peeters", None, "Youth", None],
        ["Mission eau", "06/02/2024", "Paul", None, "Élu·e", None],
        ["Mission eau", "05/02/2024", None, "inconnu@example.org", "Élu·e", None],
    ]
    plan = build_plan(db, "participants", Path("liste.xlsx"), sheet_of(rows))
    assert [r.action for r in plan.rows] == ["create", "create", "skip", "reject", "reject"]
    assert plan.rows[2].reason == "row 4: same as row 3"
    assert plan.rows[3].reason.startswith("row 5: no mission «Mission eau» 2024-02-06")
    assert plan.rows[4].reason.startswith("row 6: no contact has the e-mail")
    apply.apply(db, plan)
    got = {(p["mission_id"], p["contact_id"], p["name"], p["category"], p["notes"])
           for p in records.list_records(db, "mission_participants")}
    # the e-mail shared by the mayor and the secretary general: the name chose Fatou
    assert got == {(mission, fatou, "Fatou Diallo", "staff", "Secrétaire générale"),
                   (mission, None, "Jeanne Peeters", "citizen", None)}


def test_a_hand_made_list_of_a_partnerships_contacts(db) -> None:
    partnership = make.partnership(db)
    awa = make.contact(db, "Awa", "Diatta", email="awa@marsassoum.example")
    make.contact(db, "Jan", "Peeters")
    make.contact(db, "Jan", "Peeters", email="jan.peeters@herent.example")
    rows = [
        ["Partenariat", "Nom", "E-mail", "Rôle", "Notes"],
        ["Anderlecht - Marsassoum", "DIATTA Awa", None, "Coordinateur·rice", "Depuis 2019"],
        ["anderlecht – marsassoum", None, "awa@marsassoum.example", "Autre", None],
        ["Anderlecht – Marsassoum", "Jan Peeters", None, "Interpreter", None],
        ["Anderlecht – Marsassoum", "Jan Peeters", "jan.peeters@herent.example", "Interpreter",
         None],
    ]
    plan = build_plan(db, "partnership_contacts", Path("liste.xlsx"), sheet_of(rows))
    assert [r.action for r in plan.rows] == ["create", "skip", "reject", "create"]
    assert plan.rows[1].reason == "row 3: same as row 2"
    assert "several contacts match «Jan Peeters»" in plan.rows[2].reason
    apply.apply(db, plan)
    links = {(link["contact_id"], link["role"], link["notes"])
             for link in records.list_records(db, "partnership_contacts")
             if link["partnership_id"] == partnership}
    assert (awa, "coordinator", "Depuis 2019") in links and len(links) == 2


def test_a_number_from_another_database_is_not_a_duplicate(db) -> None:
    partnership = make.partnership(db)
    mission = make.mission(db, partnership, title="Mission eau", start_date="2024-02-05",
                           end_date="2024-02-12")
    awa = make.contact(db, "Awa", "Diatta", email="awa@marsassoum.example")
    ours = records.create(db, "mission_participants", {"mission_id": mission,
                                                       "contact_id": awa, "category": "staff"})
    link = records.create(db, "partnership_contacts", {"partnership_id": partnership,
                                                       "contact_id": awa})
    # the sheet's numbers are those of the commune that exported it
    participants = [["N°", "Mission", "Mission start", "Name", "Category"],
                    [ours, "Mission eau", "05/02/2024", "Pierre Martin", "Citizen"]]
    plan = build_plan(db, "participants", Path("p.xlsx"), sheet_of(participants),
                      on_duplicate="update")
    assert [r.action for r in plan.rows] == ["create"]
    make.contact(db, "Jan", "Peeters", email="jan@herent.example")
    links = [["N°", "Partnership", "Contact e-mail", "Role"],
             [link, "Anderlecht – Marsassoum", "jan@herent.example", "Interpreter"]]
    plan = build_plan(db, "partnership_contacts", Path("l.xlsx"), sheet_of(links),
                      on_duplicate="update")
    assert [r.action for r in plan.rows] == ["create"]
