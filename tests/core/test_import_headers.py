"""Headers as people write them, and the address books officers export, read as they are.

The files in tests/data/import/ are written as Outlook (English; French in
its classic Windows-1252 ';' shape and its Outlook 365 UTF-8-with-BOM ','
shape), Google Contacts and Thunderbird write them.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from core import records
from core.excel import apply, columns, importer

DATA = Path(__file__).resolve().parent.parent / "data" / "import"


@pytest.mark.parametrize(("kind", "header", "field"), [
    ("partnerships", "Convention jusqu'au", "agreement_expiry_date"),
    ("partnerships", "Convention jusqu’au", "agreement_expiry_date"),  # curly apostrophe
    ("partnerships", "CONVENTION VALABLE JUSQU'AU", "agreement_expiry_date"),
    ("partnerships", "Date fin de convention", "agreement_expiry_date"),
    ("partnerships", "Date de fin", "end_date"),
    ("partnerships", "Statut / Status", "status"),
    ("transactions", "Fournisseur / payeur", "counterparty"),
    ("transactions", "Bénéficiaire / Begunstigde", "counterparty"),
    ("transactions", "N° mandat", "reference"),
    ("transactions", "No. mandat", "reference"),
    ("transactions", "Num. mandat", "reference"),
    ("transactions", "Numéro du mandat", "reference"),
    ("transactions", "Date d'émission", "date"),
    ("transactions", "Emission", "date"),
    ("transactions", "Article budgétaire / Begrotingsartikel", "budget_post"),
    ("transactions", "Montant TTC", "amount"),
    ("transactions", "Dépense/Recette", "kind"),
    ("transactions", "Montant dépense", "expense_amount"),
    ("transactions", "Montant recette", "income_amount"),
    ("contacts", "E-mail 1 - Value", "email"),
    ("contacts", "NOM Prénom", "full_name"),  # both names in one cell, not a first name
    ("contacts", "Nom / Prénom", "full_name"),
    ("contacts", "Naam en voornaam", "full_name"),
    ("contacts", "Tél. mobile", "phone"),
    ("contacts", "Adresse de messagerie", "email"),
])
def test_a_header_as_people_write_it(kind: str, header: str, field: str) -> None:
    assert columns.match(kind, header) == field


@pytest.mark.parametrize(("kind", "header"), [
    ("contacts", "E-mail 1 - Label"),  # what kind of address, not the address
    ("transactions", "N° bordereau et observations"),
    ("transactions", "Visa du comptable"),
])
def test_what_is_not_a_field_stays_unmatched(kind: str, header: str) -> None:
    assert columns.match(kind, header) is None


def test_tax_included_wins_and_a_guess_is_only_a_suggestion() -> None:
    headers = ["N° bordereau", "N° mandat", "Montant HT", "Montant TTC", "Objet",
               "Date de règlement effectif"]
    found = columns.match_columns("transactions", headers)
    by_header = {headers[n]: f for n, f in found.mapping.items()}
    assert by_header["Montant TTC"] == "amount"
    assert by_header["N° mandat"] == "reference"
    assert "Montant HT" not in by_header  # amount is taken for certain by TTC
    assert "N° bordereau" not in by_header
    assert by_header["Date de règlement effectif"] == "date"  # a guess, to confirm
    assert found.guessed == {headers.index("Date de règlement effectif")}
    alone = columns.match_columns("transactions", ["Date", "Libellé", "Montant HT"])
    assert alone.mapping[2] == "amount" and alone.guessed == {2}  # HT when it is all there is


def test_a_confirmed_match_wins_over_every_guess() -> None:
    headers = ["Intitulé", "Montant", "Date", "Réf. interne"]
    found = columns.match_columns("transactions", headers, {"réf interne": "reference",
                                                            "Intitulé": ""})
    assert found.mapping[3] == "reference" and 0 not in found.mapping
    assert not found.guessed


def people(db) -> dict[str, dict]:
    organisations = {o["id"]: o["name"] for o in records.list_records(db, "organisations")}
    return {c["last_name"]: {**c, "organisation": organisations.get(c["organisation_id"])}
            for c in records.list_records(db, "contacts")}


def imported(db, name: str) -> importer.ImportPlan:
    plan = importer.prepare(db, "contacts", DATA / name)
    assert plan.count("reject") == 0, importer.summary(plan)
    apply.apply(db, plan)
    return plan


def test_outlook_english_export(db) -> None:
    plan = imported(db, "outlook-en.csv")
    assert plan.shape == "Outlook"
    found = people(db)
    assert set(found) == {"Diatta", "Peeters", "Benali"}
    awa = found["Diatta"]
    assert (awa["first_name"], awa["email"], awa["phone"], awa["role"], awa["organisation"],
            awa["country"]) == ("Awa", "awa.diatta@marsassoum.example", "+221 33 991 12 34",
                                "Mayor", "Commune de Marsassoum", "SN")
    assert found["Peeters"]["role"] == "Alderman"  # "Job Title", not "Title" (Mr.)
    assert found["Peeters"]["phone"] == "+32 475 12 34 56"  # no business phone: the mobile
    assert found["Benali"]["email"] == "k.benali@safi.example"  # only a second address
    assert found["Benali"]["phone"] == "+212 524 46 20 00"
    assert "Title" in plan.unmatched


def test_outlook_french_exports_classic_and_365(db) -> None:
    raw = (DATA / "outlook-fr-classique.csv").read_bytes()
    assert raw.startswith(b'"Titre";"Pr\xe9nom"')  # Windows-1252 and ';', as Outlook writes
    assert (DATA / "outlook-fr-365.csv").read_bytes().startswith(b"\xef\xbb\xbfPr\xc3\xa9nom,")
    imported(db, "outlook-fr-classique.csv")
    imported(db, "outlook-fr-365.csv")
    found = people(db)
    assert found["Mbaye"]["role"] == "Adjointe au maire"  # the second «Titre», not «Mme»
    assert found["Mbaye"]["email"] == "fatou.mbaye@thies.example"
    assert found["Mbaye"]["phone"] == "+221 33 951 10 10"
    assert found["Mbaye"]["country"] == "SN"
    assert found["Ouédraogo"]["phone"] == "+226 70 00 11 22"  # «Tél. mobile»
    assert found["Ouédraogo"]["organisation"] == "Mairie de Koudougou"
    assert found["Sané"]["role"] == "Secrétaire municipal"
    assert found["Lefèvre"]["role"] == "Chargée de mission coopération"
    assert found["Lefèvre"]["phone"] == "06 12 34 56 78"
    assert found["Lefèvre"]["country"] == "FR"


def test_google_contacts_export(db) -> None:
    plan = imported(db, "google-contacts.csv")
    assert plan.shape == "Google Contacts"
    found = people(db)
    juan = found["Mamani"]
    assert (juan["first_name"], juan["email"], juan["phone"], juan["role"],
            juan["organisation"], juan["country"]) == (
        "Juan", "juan.mamani@tarija.example", "+591 4 6642000", "Alcalde",
        "Gobierno Autónomo Municipal de Tarija", "BO")
    assert found["Haddad"]["organisation"] == "Municipality of Beit Sahour"
    assert "E-mail 1 - Label" in plan.unmatched


def test_thunderbird_address_books(db) -> None:
    imported(db, "thunderbird-en.csv")
    imported(db, "thunderbird-fr.csv")
    found = people(db)
    assert found["Traoré"]["email"] == "m.traore@kayes.example"
    assert found["Traoré"]["organisation"] == "Commune de Kayes"
    assert found["Traoré"]["role"] == "Deputy mayor"
    assert found["Kolobo"]["first_name"] == "Secrétariat"  # only a display name
    some = found["Somé"]
    assert (some["first_name"], some["email"], some["phone"], some["role"],
            some["organisation"], some["country"]) == (
        "Aïssatou", "a.some@gaoua.example", "+226 76 00 00 01", "Chargée de la coopération",
        "Mairie de Gaoua", "BF")


def test_a_confirmed_match_applies_to_the_next_file_too(db, tmp_path: Path) -> None:
    from core.excel.options import remember_headers

    first = tmp_path / "contacts-2023.csv"
    first.write_text("Nom;Prénom;Joignable à\nDiatta;Awa;awa@marsassoum.example\n",
                     encoding="utf-8")
    assert "Joignable à" in importer.prepare(db, "contacts", first).unmatched
    remember_headers(db, "contacts", {"Joignable à": "email"})  # as the wizard does
    other = tmp_path / "contacts-2024.csv"  # other columns, the same odd header
    other.write_text("Prénom;Nom;Pays;JOIGNABLE A\nJan;Peeters;BE;jan@herent.example\n",
                     encoding="utf-8")
    plan = importer.prepare(db, "contacts", other)
    assert plan.mapping[3] == "email" and not plan.guessed


def test_a_bilingual_belgian_extract(db, tmp_path: Path) -> None:
    from tests.core import factories as make

    make.partnership(db, name="Anderlecht – Marsassoum")
    sheet = tmp_path / "extrait.csv"
    sheet.write_text(
        "Date / Datum;Libellé / Omschrijving;Bénéficiaire / Begunstigde;Montant / Bedrag;"
        "Article budgétaire / Begrotingsartikel;Partenariat / Partnerschap\n"
        "14/02/2023;Billets d'avion / Vliegtuigtickets;Brussels Airlines;1.480,00;"
        "160/12348-48;Anderlecht – Marsassoum\n", encoding="cp1252")
    plan = importer.prepare(db, "transactions", sheet)
    assert plan.count("create") == 1 and not plan.unmatched and not plan.guessed
    apply.apply(db, plan)
    [row] = records.list_records(db, "transactions")
    assert (row["counterparty"], row["budget_post"], row["date"]) == (
        "Brussels Airlines", "160/12348-48", "2023-02-14")
