"""List screens' queries: joined names, filters, search, sort, paging, display text."""

from __future__ import annotations

from core import i18n, listing, records
from tests.core import factories as make


def test_every_listing_runs_on_an_empty_database(db) -> None:
    for table, definition in listing.LISTINGS.items():
        assert listing.fetch(db, table, limit=5) == []
        assert listing.count(db, table) == 0
        for key in (definition.order.lstrip("-"), *(c.key for c in definition.visible)):
            listing.fetch(db, table, order=key, limit=1)
            listing.fetch(db, table, order="-" + key, limit=1)


def test_transactions_list_shows_partnership_and_filters_by_year(db) -> None:
    pid = make.partnership(db)
    other = make.partnership(db, name="Brasschaat – Tarija")
    make.transaction(db, pid, date="2023-05-01", label="Billets")
    make.transaction(db, other, date="2024-05-01", label="Hôtel à Tarija", reference="F-77")
    rows = listing.fetch(db, "transactions", filters={"year": 2024})
    assert [(r["partnership"], r["label"]) for r in rows] == [("Brasschaat – Tarija",
                                                               "Hôtel à Tarija")]
    assert listing.count(db, "transactions", search="f-77") == 1
    assert listing.count(db, "transactions", filters={"partnership_id": pid}) == 1


def test_search_and_trash_in_lists(db) -> None:
    cid = make.contact(db, "Élodie", "Vandenberghe")
    make.contact(db, "Moussa", "Sané")
    assert [r["last_name"] for r in listing.fetch(db, "contacts", search="elodie")] == [
        "Vandenberghe"]
    records.delete(db, "contacts", cid)
    assert listing.count(db, "contacts") == 1


def test_cell_text_is_translated_and_formatted(db) -> None:
    pid = make.partnership(db, status="dormant")
    make.transaction(db, pid, amount="1250000", currency="XOF")
    i18n.set_language("fr")
    row = listing.fetch(db, "partnerships")[0]
    part = listing.LISTINGS["partnerships"]
    assert listing.cell_text(part.column("status"), row) == "En sommeil"
    assert listing.cell_text(part.column("country"), row) == "Sénégal"
    tx = listing.fetch(db, "transactions")[0]
    eur = listing.cell_text(listing.LISTINGS["transactions"].column("amount_eur"), tx)
    assert eur.replace("\u202f", " ").replace("\xa0", " ") == "1 905,61 €"
