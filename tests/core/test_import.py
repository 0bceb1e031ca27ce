"""Importing sheets as people make them: what is created, skipped, rejected, and why."""

from __future__ import annotations

from datetime import datetime
from decimal import Decimal
from pathlib import Path
from types import SimpleNamespace

import pytest

from core import records
from core.errors import UserError
from core.excel import apply, importer
from core.excel.plan import build_plan
from tests.core import factories as make

CONTACTS = [
    ["Liste des contacts du service Relations internationales", None, None, None, None],
    [None, None, None, None, None],
    ["Nom", "Prénom", "Courriel", "Organisation", "Pays", "Fonction"],
    ["Diatta", "Awa", " Awa.Diatta@Marsassoum.example ", "Commune de Marsassoum", "Sénégal",
     "Maire"],
    [None, None, None, None, None],
    ["العلوي", "محمد", "m.alaoui@safi.example", "Commune de Safi", "Maroc", "=Adjoint+1"],
    ["Peeters", "Jan", None, "Gemeente Herent", "België", "Schepen"],
    ["Nom", "Prénom", "Courriel", "Organisation", "Pays", "Fonction"],
    ["DIATTA", "Awa", "awa.diatta@marsassoum.example", "Commune de Marsassoum", "SN", "Maire"],
    ["Peeters", "Jan", None, "gemeente herent", "BE", "Schepen"],
    ["Vandenberghe", "Élodie", None, None, "Pays imaginaire", None],
    ["Total", None, None, None, None, None],
]


def sheet(rows: list[list[object]], name: str = "Feuil1") -> SimpleNamespace:
    return SimpleNamespace(name=name, rows=rows)


def plan_of(db, kind: str, rows: list[list[object]], **options: object):
    return build_plan(db, kind, Path("liste.xlsx"), [sheet(rows)], **options)


def test_contacts_as_a_town_hall_keeps_them(db) -> None:
    make.organisation(db, name="Commune de Marsassoum", country="SN")
    plan = plan_of(db, "contacts", CONTACTS)
    assert plan.header_row == 3
    assert [r.action for r in plan.rows] == ["create", "create", "create", "skip", "skip",
                                             "reject"]
    rejected = plan.rows[-1]
    assert rejected.row == 11 and "Pays" in rejected.reason and "imaginaire" in rejected.reason
    assert set(plan.new_organisations) == {"commune de safi", "gemeente herent"}
    apply.apply(db, plan)
    people = {c["last_name"]: c for c in records.list_records(db, "contacts")}
    assert people["Diatta"]["email"] == "Awa.Diatta@Marsassoum.example"
    assert people["العلوي"]["country"] == "MA"
    assert people["العلوي"]["role"] == "=Adjoint+1"  # kept as text, exported as text
    assert records.count(db, "organisations") == 3  # Safi and Herent created once each
    again = plan_of(db, "contacts", CONTACTS)
    assert again.count("create") == 0  # a re-import with skip adds nobody


TRANSACTIONS = [
    ["Date", "Partenariat", "Libellé", "Montant", "Devise", "Taux", "Référence"],
    ["06/03/2023", "Anderlecht – Marsassoum", "Billets d'avion", "20 000,00 €", None, None,
     "F-1"],
    [datetime(2023, 3, 7), "anderlecht - marsassoum", "Remboursement", "(350,00)", None,
     None, "F-2"],
    ["6 mars 2023", "Anderlecht – Marsassoum", "Semences", "-1 250,50 FCFA", None, None,
     "F-3"],
    ["2023-03-08", "Anderlecht – Marsassoum", "Hôtel Safi", "1.085,00", "MAD", "10,85", "F-4"],
    ["2023-03-09", "Anderlecht – Marsassoum", "Taxi Tarija", "100", "BOB", None, "F-5"],
    ["2023-03-10", "Partenariat inconnu", "Repas", "10", None, None, "F-6"],
    ["vingt mars", "Anderlecht – Marsassoum", "Repas", "10", None, None, "F-7"],
    ["2023-03-11", "Anderlecht – Marsassoum", "Repas", "vingt", None, None, "F-8"],
    ["TOTAL GÉNÉRAL", None, None, "18 485,00", None, None, None],
]


def test_transactions_amounts_dates_and_reasons(db) -> None:
    make.partnership(db)
    plan = plan_of(db, "transactions", TRANSACTIONS)
    actions = [r.action for r in plan.rows]
    assert actions == ["create"] * 4 + ["reject"] * 4
    reasons = [r.reason for r in plan.rows if r.action == "reject"]
    assert "BOB" in reasons[0]  # no rate: refused, never summed as euros
    assert "Partenariat inconnu" in reasons[1]
    assert reasons[2].startswith("row 8, column Date:") and "vingt mars" in reasons[2]
    assert reasons[3].startswith("row 9, column Montant:") and "vingt" in reasons[3]
    apply.apply(db, plan)
    rows = {t["reference"]: t for t in records.list_records(db, "transactions")}
    assert rows["F-1"]["amount"] == Decimal("20000.00") and rows["F-1"]["date"] == "2023-03-06"
    assert rows["F-2"]["amount"] == Decimal("-350.00") and rows["F-2"]["date"] == "2023-03-07"
    assert (rows["F-3"]["currency"], rows["F-3"]["amount_eur"]) == ("XOF", Decimal("-1.91"))
    assert (rows["F-4"]["rate"], rows["F-4"]["amount_eur"]) == (Decimal("10.85"),
                                                                Decimal("100.00"))


def test_strict_imports_nothing_when_a_row_is_rejected(db) -> None:
    make.partnership(db)
    plan = plan_of(db, "transactions", TRANSACTIONS)
    with pytest.raises(UserError, match="strict"):
        apply.apply(db, plan, strict=True)
    assert records.count(db, "transactions") == 0
    assert db.execute("SELECT count(*) FROM import_batches").fetchone()[0] == 0


def test_update_fills_the_existing_record_and_undo_restores_it(db) -> None:
    make.contact(db, "Awa", "Diatta", email="awa.diatta@marsassoum.example")
    plan = plan_of(db, "contacts", CONTACTS, on_duplicate="update")
    assert plan.rows[0].action == "update"
    batch = apply.apply(db, plan)
    awa = records.list_records(db, "contacts", search="Diatta")[0]
    assert awa["role"] == "Maire"
    apply.undo(db, batch)
    awa = records.list_records(db, "contacts", search="Diatta")[0]
    assert awa["role"] is None
    assert records.count(db, "contacts") == 1
    assert records.count(db, "organisations") == 0
    with pytest.raises(UserError, match="already undone"):
        apply.undo(db, batch)


def test_undo_is_refused_once_a_record_changed(db) -> None:
    plan = plan_of(db, "contacts", CONTACTS)
    batch = apply.apply(db, plan)
    peeters = records.list_records(db, "contacts", search="Peeters")[0]
    records.update(db, "contacts", peeters["id"], {"role": "Burgemeester"})
    with pytest.raises(UserError, match="changed since"):
        apply.undo(db, batch)
    assert records.count(db, "contacts") == 3


def test_a_mapping_correction_and_no_recognisable_header(db) -> None:
    rows = [["Qui", "Adresse électronique", "Structure"],
            ["Moussa Sané", "moussa@ziguinchor.example", "Région de Ziguinchor"]]
    plan = plan_of(db, "contacts", rows, extra={"Qui": "full_name"})
    assert plan.rows[0].values["first_name"] == "Moussa"
    assert plan.rows[0].values["last_name"] == "Sané"
    with pytest.raises(UserError, match="header"):
        plan_of(db, "contacts", [["a", "b"], ["c", "d"]])
    with pytest.raises(UserError, match="no data row"):
        plan_of(db, "contacts", [CONTACTS[2], [None] * 6, ["Total"]])


def test_budget_lines_with_year_funder_and_kind_from_category(db) -> None:
    make.partnership(db)
    rows = [["Année", "Partenariat", "Catégorie", "Bailleur de fonds", "Montant"],
            [2023, "Anderlecht – Marsassoum", "Subvention", "Union européenne", "20 000 €"],
            ["2023", "Anderlecht – Marsassoum", "Déplacements", None, 5000],
            [2023, "Anderlecht – Marsassoum", "Reisen", None, 10]]
    plan = plan_of(db, "budget", rows)
    assert [r.action for r in plan.rows] == ["create", "create", "reject"]
    apply.apply(db, plan)
    lines = {b["category"]: b for b in records.list_records(db, "budget_lines")}
    assert lines["grant"]["kind"] == "income" and lines["travel"]["kind"] == "expense"
    assert lines["grant"]["amount"] == Decimal("20000.00")
    funder = records.get(db, "organisations", lines["grant"]["funder_organisation_id"])
    assert (funder["name"], funder["kind"]) == ("Union européenne", "funder")


@pytest.mark.parametrize("headers", [
    ["Naam", "Voornaam", "E-mail", "Organisatie", "Land", "Functie", "GSM"],
    ["Last name", "First name", "Email", "Organization", "Country", "Role", "Phone"],
])
def test_dutch_and_english_headers(db, headers) -> None:
    rows = [headers,
            ["Peeters", "Jan", "jan@herent.example", "Gemeente Herent", "België", "Schepen",
             "+32 16 85 30 00"],
            ["Quispe", "Lucía", "lucia@tarija.example", "Municipalidad de Tarija", "Bolivia",
             "Directora", 59146640000.0]]
    plan = plan_of(db, "contacts", rows)
    assert [r.action for r in plan.rows] == ["create", "create"]
    apply.apply(db, plan)
    people = {c["last_name"]: c for c in records.list_records(db, "contacts")}
    assert (people["Peeters"]["country"], people["Peeters"]["role"]) == ("BE", "Schepen")
    assert people["Quispe"]["phone"] == "59146640000"  # a number cell, not "5.9e10"
    assert people["Quispe"]["email"] == "lucia@tarija.example"


def legacy_stamp(row: object) -> str:
    """The fingerprint imports stored before version 2: sha1 of the row as JSON."""
    import hashlib
    import json

    return hashlib.sha1(json.dumps(list(row), default=str).encode()).hexdigest()


def import_with_legacy_stamps(db) -> int:
    batch = apply.apply(db, plan_of(db, "contacts", CONTACTS))
    for change_id, table, record_id in db.execute(
            "SELECT id, table_name, record_id FROM import_changes WHERE batch_id = ?",
            [batch]).fetchall():
        row = db.execute(f"SELECT * FROM {table} WHERE id = ?", [record_id]).fetchone()
        db.execute("UPDATE import_changes SET stamp = ? WHERE id = ?",
                   [legacy_stamp(row), change_id])
    return batch


def test_an_import_made_by_an_earlier_version_can_still_be_undone(db) -> None:
    apply.undo(db, import_with_legacy_stamps(db))
    assert records.count(db, "contacts") == 0
    batch = import_with_legacy_stamps(db)
    peeters = records.list_records(db, "contacts", search="Peeters")[0]
    records.update(db, "contacts", peeters["id"], {"role": "Burgemeester"})
    with pytest.raises(UserError, match="changed since"):
        apply.undo(db, batch)
    assert records.count(db, "contacts") == 3


def found_ids(db, text: str) -> set[int]:
    from core.search import search_all

    return {row["id"] for row in search_all(db, text).get("contacts", [])}


def test_imported_records_are_found_and_later_ones_too(db) -> None:
    apply.apply(db, plan_of(db, "contacts", CONTACTS))
    diatta = records.list_records(db, "contacts", search="Diatta")[0]
    assert found_ids(db, "Diatta") == {diatta["id"]}
    assert found_ids(db, "Schepen")  # the role is searched too
    later = make.contact(db, "Fatou", "Sagna")
    assert found_ids(db, "Sagna") == {later}


def test_an_import_that_fails_while_writing_leaves_the_search_as_it_was(db) -> None:
    triggers = db.execute("SELECT name, sql FROM sqlite_master WHERE type = 'trigger' "
                          "ORDER BY name").fetchall()
    plan = plan_of(db, "contacts", CONTACTS)
    plan.rows[1].checked = {**plan.rows[1].checked, "first_name": None}  # NOT NULL breaks
    with pytest.raises(Exception, match="NOT NULL"):
        apply.apply(db, plan)
    assert records.count(db, "contacts") == 0
    assert db.execute("SELECT name, sql FROM sqlite_master WHERE type = 'trigger' "
                      "ORDER BY name").fetchall() == triggers
    later = make.contact(db, "Fatou", "Sagna")
    assert found_ids(db, "Sagna") == {later}


def test_a_predecessors_numbering_never_updates_somebody_else(db) -> None:
    # "N°" 1, 2 in a numbered list are not our records 1, 2: those people stay as they are.
    ours = [make.contact(db, "Awa", "Diatta", email="awa@marsassoum.example"),
            make.contact(db, "Jan", "Peeters", email="jan@herent.example")]
    rows = [["N°", "Nom", "Prénom", "Courriel", "Fonction"],
            [ours[0], "Somé", "Issa", "issa@ouahigouya.example", "Maire"],
            [ours[1], "Peeters", "Jan", "jan@herent.example", "Schepen"]]
    plan = plan_of(db, "contacts", rows, on_duplicate="update")
    assert [r.action for r in plan.rows] == ["create", "update"]
    assert plan.rows[1].existing_id == ours[1]
    assert plan.foreign_numbers == [2]
    said = [line for line in importer.summary(plan) if "«N°»" in line]
    assert len(said) == 1 and "2" in said[0]
    apply.apply(db, plan)
    assert records.get(db, "contacts", ours[0])["last_name"] == "Diatta"
    assert records.get(db, "contacts", ours[0])["role"] is None
    assert records.get(db, "contacts", ours[1])["role"] == "Schepen"
    assert records.count(db, "contacts") == 3


def test_our_own_number_still_finds_a_person_whose_name_was_corrected(db) -> None:
    awa = make.contact(db, "Awa", "Diata", email="awa@marsassoum.example")
    rows = [["N°", "Nom", "Prénom", "Courriel"],
            [awa, "Diatta", "Awa", "awa@marsassoum.example"]]
    apply.apply(db, plan_of(db, "contacts", rows, on_duplicate="update"))
    assert records.get(db, "contacts", awa)["last_name"] == "Diatta"
    assert records.count(db, "contacts") == 1
