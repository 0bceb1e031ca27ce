"""The OECD lists shipped with the app: who is an ODA recipient, which sector codes exist."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from sqlite_utils import Database

from core import records
from core.declarations import data
from core.errors import ValidationError
from tests.core import factories


def test_the_dac_list_holds_our_partners_countries_and_not_the_graduated_ones() -> None:
    assert {"SN", "MA", "BO", "GT", "CM", "BJ", "PE", "ML", "BF", "PS", "XK"} <= set(
        data.dac_recipients())
    # Chile and Uruguay left the list in 2018, Antigua and Barbuda in 2022; donors never on it.
    assert not {"CL", "UY", "AG", "FR", "BE", "NL"} & set(data.dac_recipients())


def test_channels_follow_who_was_paid() -> None:
    assert data.channel(None, None) == "11002"  # the commune's own spending
    assert data.channel("partner_authority", "SN") == "12002"
    assert data.channel("ngo", "SN") == "23000"
    assert data.channel("twinning_committee", "BE") == "22000"
    assert set(map(data.channel, ["school", "company", "other"], [None] * 3)) <= set(data.CHANNELS)


def test_a_project_s_sector_is_a_code_of_the_list(db: Database) -> None:
    pid = factories.partnership(db)
    ok = records.create(db, "projects", {"partnership_id": pid, "title": "Eau",
                                         "dac_sector": "14030"})
    assert records.get(db, "projects", ok)["dac_sector"] == "14030"
    with pytest.raises(ValidationError) as caught:
        records.create(db, "projects", {"partnership_id": pid, "title": "X",
                                        "dac_sector": "12345"})
    assert caught.value.field == "dac_sector"


def test_the_dump_carries_the_declaration_fields(db: Database, tmp_path: Path) -> None:
    from decimal import Decimal

    from core import dump, settings
    from core.db import open_db

    pid = factories.partnership(db, country="BJ")
    records.create(db, "projects", {"partnership_id": pid, "title": "Eau", "marker_gender": "1",
                                    "aid_type": "C01", "recipient_country": "TG"})
    factories.transaction(db, pid, "9839355", currency="XOF", bank_fees=Decimal("12.5"),
                          budget_source="water", budget_post="R1", document_number="PJ1",
                          funding="own_funds", eligible=False, ineligible_reason="Hors période")
    settings.put(db, "dpo_contact", "Jeanne Martin")
    first = tmp_path / "first.json"
    dump.dump(db, first)
    data_out = json.loads(first.read_text(encoding="utf-8"))
    t = data_out["transactions"][0]
    assert (t["amount_eur"], t["bank_fees"], t["eligible"]) == ("15000.00", "12.50", False)
    assert (t["budget_source"], t["funding"], t["ineligible_reason"]) == (
        "water", "own_funds", "Hors période")
    p = data_out["projects"][0]
    assert (p["marker_gender"], p["aid_type"], p["recipient_country"]) == ("1", "C01", "TG")
    assert data_out["settings"]["dpo_contact"] == "Jeanne Martin"
    other = open_db(tmp_path / "other.sqlite3")
    dump.load(other, first)
    second = tmp_path / "second.json"
    dump.dump(other, second)
    other.close()
    again = json.loads(second.read_text(encoding="utf-8"))
    assert again["transactions"][0]["bank_fees"] == "12.50"
    assert again["projects"][0]["marker_gender"] == "1"


def test_the_declaration_fields_go_out_to_a_workbook_and_come_back(db: Database,
                                                                   tmp_path: Path) -> None:
    from decimal import Decimal

    from core.db import open_db
    from core.excel import apply, importer
    from core.excel.export import export_kind

    pid = factories.partnership(db, country="BJ")
    records.create(db, "budget_lines", {"partnership_id": pid, "year": 2025, "kind": "expense",
                                        "category": "activities", "amount": Decimal("900"),
                                        "budget_post": "R2.A1"})
    factories.transaction(db, pid, "9839355", currency="XOF", date="2025-04-03",
                          bank_fees=Decimal("12.5"), budget_source="water", budget_post="R2.A1",
                          document_number="PJ-7", funding="programme_subsidy", eligible=False,
                          ineligible_reason="Hors période")
    target = open_db(tmp_path / "target.sqlite3")
    for kind in ("organisations", "partnerships", "budget", "transactions"):
        out = tmp_path / f"{kind}.xlsx"
        export_kind(db, kind, out)
        plan = importer.prepare(target, kind, out)
        assert plan.count("reject") == 0, kind
        apply.apply(target, plan)
    names = ("bank_fees", "budget_source", "budget_post", "document_number", "funding",
             "eligible", "ineligible_reason", "amount_eur")
    back = records.list_records(target, "transactions")[0]
    assert {n: back[n] for n in names} == {
        "bank_fees": Decimal("12.50"), "budget_source": "water", "budget_post": "R2.A1",
        "document_number": "PJ-7", "funding": "programme_subsidy", "eligible": False,
        "ineligible_reason": "Hors période", "amount_eur": Decimal("15000.00")}
    assert records.list_records(target, "budget_lines")[0]["budget_post"] == "R2.A1"
    target.close()
