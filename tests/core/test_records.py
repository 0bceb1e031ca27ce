"""Create, read, update, list, search, and the trash with its cascades."""

from __future__ import annotations

from decimal import Decimal

import pytest

from core import missions, partnerships, records
from core.errors import NotFound, ValidationError
from tests.core import factories as make


def test_create_get_update(db) -> None:
    pid = make.partnership(db, sdgs=[17, 6, 6], start_date="2012-05-01")
    p = records.get(db, "partnerships", pid)
    assert p["name"] == "Anderlecht – Marsassoum"
    assert p["sdgs"] == [6, 17]
    assert p["status"] == "active"
    records.update(db, "partnerships", pid, {"status": "dormant", "summary": "  En veille  "})
    p2 = records.get(db, "partnerships", pid)
    assert (p2["status"], p2["summary"], p2["start_date"]) == ("dormant", "En veille", "2012-05-01")
    assert p2["created_at"] == p["created_at"]


@pytest.mark.parametrize(
    "values, field",
    [
        ({"name": "  "}, "name"),
        ({"name": "X", "status": "sleeping"}, "status"),
        ({"name": "X", "country": "Senegal"}, "country"),
        ({"name": "X", "start_date": "06/03/2023"}, "start_date"),
        ({"name": "X", "sdgs": [18]}, "sdgs"),
        ({"name": "X", "partner_organisation_id": 999}, "partner_organisation_id"),
    ],
)
def test_invalid_values_are_refused(db, values, field) -> None:
    with pytest.raises(ValidationError) as caught:
        records.create(db, "partnerships", values)
    assert caught.value.field == field
    assert records.count(db, "partnerships") == 0


def test_money_keeps_original_rate_and_eur(db) -> None:
    pid = make.partnership(db)
    xof = make.transaction(db, pid, amount="655957", currency="XOF")
    mad = make.transaction(db, pid, amount="1085", currency="mad", rate="10.85")
    t = records.get(db, "transactions", xof)
    assert (t["currency"], t["rate"], t["amount_eur"]) == (
        "XOF",
        Decimal("655.957"),
        Decimal("1000.00"),
    )
    assert records.get(db, "transactions", mad)["amount_eur"] == Decimal("100.00")
    with pytest.raises(ValidationError):
        make.transaction(db, pid, amount="100", currency="BOB")
    records.update(db, "transactions", mad, {"amount": Decimal("2170")})
    assert records.get(db, "transactions", mad)["amount_eur"] == Decimal("200.00")


def test_search_is_accent_and_case_insensitive(db) -> None:
    make.contact(db, "Élodie", "Vandenberghe", role="Échevine de la Solidarité internationale")
    make.contact(db, "محمد", "العلوي", role="Maire")
    assert [c["last_name"] for c in records.list_records(db, "contacts", search="echev")] == [
        "Vandenberghe"
    ]
    assert [c["first_name"] for c in records.list_records(db, "contacts", search="محمد")] == [
        "محمد"
    ]
    assert records.count(db, "contacts", search="ELODIE vanden") == 1


def test_list_filters_sorts_and_pages(db) -> None:
    pid = make.partnership(db)
    for n, day in enumerate(["2023-01-05", "2023-03-01", "2022-12-31"]):
        make.transaction(db, pid, amount=str(100 + n), date=day, label=f"Facture {n}")
    rows = records.list_records(
        db, "transactions", filters={"partnership_id": pid}, order_by="date", limit=2
    )
    assert [r["date"] for r in rows] == ["2022-12-31", "2023-01-05"]
    assert records.list_records(db, "transactions", search="facture 1")[0]["label"] == "Facture 1"


def test_deleting_a_partnership_cascades_to_the_trash_and_restores(db) -> None:
    pid = make.partnership(db)
    cid = make.contact(db)
    partnerships.link_contact(db, pid, cid, "coordinator")
    mid = make.mission(db, pid)
    missions.add_participant(db, mid, contact_id=cid, category="elected")
    make.transaction(db, pid, mission_id=mid)
    impact = records.delete_impact(db, "partnerships", pid)
    assert impact == {
        "partnerships": 1,
        "partnership_contacts": 1,
        "missions": 1,
        "mission_participants": 1,
        "transactions": 1,
    }
    trash_id = records.delete(db, "partnerships", pid)
    assert records.count(db, "missions") == records.count(db, "transactions") == 0
    assert records.count(db, "contacts") == 1  # people are not owned by a partnership
    with pytest.raises(NotFound):
        records.get(db, "partnerships", pid)
    assert records.list_records(db, "partnerships", search="Marsassoum") == []
    records.restore(db, trash_id)
    assert records.count(db, "transactions") == 1
    assert [c["id"] for c in partnerships.contacts_of(db, pid)] == [cid]
    assert missions.participants(db, mid)[0]["name"] == "Awa Diatta"
    assert records.list_records(db, "partnerships", search="Marsassoum")[0]["id"] == pid
    assert records.trash_entries(db) == []


def test_restore_of_a_child_waits_for_its_parent(db) -> None:
    pid = make.partnership(db)
    mid = make.mission(db, pid)
    mission_trash = records.delete(db, "missions", mid)
    partnership_trash = records.delete(db, "partnerships", pid)
    with pytest.raises(ValidationError, match="Anderlecht"):
        records.restore(db, mission_trash)
    records.restore(db, partnership_trash)
    records.restore(db, mission_trash)
    assert records.get(db, "missions", mid)["partnership_id"] == pid


def test_purge_deletes_for_good(db) -> None:
    pid = make.partnership(db)
    mid = make.mission(db, pid)
    records.delete(db, "missions", mid)
    records.delete(db, "partnerships", pid)
    records.purge(db)
    assert db.execute("SELECT count(*) FROM missions").fetchone()[0] == 0
    assert db.execute("SELECT count(*) FROM partnerships").fetchone()[0] == 0
    assert records.trash_entries(db) == []
    assert db.execute("SELECT count(*) FROM search_index").fetchone()[0] == 1  # the organisation


def test_rules_across_fields(db) -> None:
    pid = make.partnership(db)
    with pytest.raises(ValidationError, match="End") as caught:
        make.mission(db, pid, start_date="2020-03-14", end_date="2020-03-09")
    assert caught.value.field == "end_date"
    with pytest.raises(ValidationError) as caught:
        make.transaction(db, pid, kind="income", category="travel")
    assert caught.value.field == "category"
    assert make.transaction(db, pid, kind="income", category="other")
