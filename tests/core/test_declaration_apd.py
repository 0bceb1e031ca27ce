"""e-APD worksheet: the total is the rule computed from the dump, non-ODA partnerships left out."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path
from typing import Any

import openpyxl
import pytest
from sqlite_utils import Database

from core import records, settings
from core.db import open_db
from tests.conftest import run_cli
from tests.core import factories
from tests.core.declarations_demo import YEAR, demo_file, dump_of

# The demo's partner countries, all on the OECD DAC list of ODA recipients 2024-25;
# Uruguay left the list in 2018.
ODA = {"SN", "MA", "BO", "PE", "GT", "CM", "BJ"}
OTHER_FUNDERS = {"grant", "partner_contribution"}


@pytest.fixture
def demo_path(tmp_path: Path) -> Path:
    return demo_file(tmp_path)


def rule_from_dump(dump: dict[str, Any], year: int) -> Decimal:
    """The e-APD rule, written from the issue, over the dump's records."""
    countries = {p["id"]: p["country"] for p in dump["partnerships"]}
    spent: dict[int, Decimal] = {}
    paid_by_others: dict[int, Decimal] = {}
    for t in dump["transactions"]:
        if not t["date"].startswith(f"{year}-") or countries[t["partnership_id"]] not in ODA:
            continue
        eur = Decimal(t["amount_eur"])
        if t["kind"] == "expense":
            spent[t["partnership_id"]] = spent.get(t["partnership_id"], 0) + eur
        elif t["category"] in OTHER_FUNDERS:
            paid_by_others[t["partnership_id"]] = paid_by_others.get(t["partnership_id"], 0) + eur
    return sum((max(Decimal(0), spent.get(p, 0) - paid_by_others.get(p, 0))
                for p in countries if countries[p] in ODA), Decimal(0))


def declaration_rows(out: Path) -> tuple[list[tuple[Any, ...]], Any]:
    """The rows of the declaration sheet and its total row's amount cell."""
    ws = openpyxl.load_workbook(out)["Declaration"]
    rows = list(ws.iter_rows(min_row=2, values_only=True))
    assert rows[-1][0] == "Total"
    return rows[:-1], ws.cell(ws.max_row, 7).value


def export(path: Path, out: Path, year: int = YEAR) -> None:
    result = run_cli("--db", path, "--lang", "en", "export", "apd", str(year), out)
    assert result.returncode == 0, result.stderr
    assert out.is_file()


def add_uruguay(db: Database) -> int:
    """A partnership in a country not on the DAC list, with money spent in YEAR."""
    org = factories.organisation(db, "Intendencia de Montevideo", country="UY")
    pid = factories.partnership(db, "Anderlecht – Montevideo", country="UY",
                                partner_organisation_id=org)
    factories.transaction(db, pid, "4000.00", date=f"{YEAR}-06-01", category="travel")
    return pid


def test_demo_total_is_the_rule_and_non_oda_is_left_out(demo_path: Path, tmp_path: Path) -> None:
    db = open_db(demo_path)
    add_uruguay(db)
    db.close()
    out = tmp_path / "apd.xlsx"
    export(demo_path, out)
    rows, total_cell = declaration_rows(out)
    expected = rule_from_dump(dump_of(demo_path, tmp_path), YEAR)
    assert expected > 0
    assert sum(Decimal(str(r[6])) for r in rows) == expected
    assert total_cell == f"=SUM(G2:G{len(rows) + 1})"
    assert {r[0] for r in rows} <= ODA and "UY" not in {r[0] for r in rows}
    book = openpyxl.load_workbook(out)
    left_out = [r[0] for r in book["Not on the DAC list"].iter_rows(min_row=2, values_only=True)]
    assert left_out == ["Anderlecht – Montevideo", "Total"]
    counted = [r[1] for r in book["Transactions counted"].iter_rows(min_row=2, values_only=True)]
    assert "Anderlecht – Montevideo" not in counted
    first = [c for row in book.worksheets[0].iter_rows(values_only=True) for c in row if c]
    assert any("31 May" in str(c) and str(YEAR + 1) in str(c) for c in first)
    assert any("never below zero" in str(c) for c in first)


def test_a_transfer_of_9_839_355_xof_adds_exactly_15_000_eur(
    demo_path: Path, tmp_path: Path
) -> None:
    before = tmp_path / "before.xlsx"
    export(demo_path, before)
    db = open_db(demo_path)
    marsassoum = db.execute("SELECT id FROM partnerships WHERE country = 'SN'").fetchone()[0]
    factories.transaction(db, marsassoum, "9839355", currency="XOF", date=f"{YEAR}-09-15",
                          category="activities", label="Transfert à Marsassoum")
    db.close()
    after = tmp_path / "after.xlsx"
    export(demo_path, after)
    total_before = sum(Decimal(str(r[6])) for r in declaration_rows(before)[0])
    total_after = sum(Decimal(str(r[6])) for r in declaration_rows(after)[0])
    assert total_after - total_before == Decimal("15000.00")
    assert rule_from_dump(dump_of(demo_path, tmp_path), YEAR) == total_after


def test_wrong_year_is_one_line_and_no_file(demo_path: Path, tmp_path: Path) -> None:
    out = tmp_path / "apd.xlsx"
    for year in ("20x5", "1850", "2999"):
        result = run_cli("--db", demo_path, "export", "apd", year, out)
        assert result.returncode != 0 and len(result.stderr.strip().splitlines()) == 1, year
        assert not out.exists()
    empty = run_cli("--db", demo_path, "export", "apd", "1990", out)
    assert empty.returncode != 0 and "1990" in empty.stderr and not out.exists()


def test_a_failed_write_leaves_the_previous_file(demo_path: Path, tmp_path: Path,
                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    from core.declarations import apd

    out = tmp_path / "apd.xlsx"
    out.write_bytes(b"the previous declaration")

    def broken(*args: Any) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(apd, "one_percent_table", broken)
    db = open_db(demo_path)
    with pytest.raises(OSError):
        apd.export_apd(db, out, YEAR)
    db.close()
    assert out.read_bytes() == b"the previous declaration"
    assert list(tmp_path.glob("*.part")) == []


# --- a golden workbook from a small fixture year ---------------------------------


def fixture_year(db: Database) -> None:
    """A French commune's 2023: two ODA partnerships, one outside the list, a 1 % budget."""
    settings.put_many(db, {"municipality_name": "Saint-Omer", "municipality_country": "FR",
                           "municipality_siren": "216205108",
                           "oudin_resources_2023_water": "150000.00"})
    lalo_town = factories.organisation(db, "Commune de Lalo", country="BJ")
    lalo = factories.partnership(db, "Saint-Omer – Lalo", country="BJ",
                                 partner_organisation_id=lalo_town)
    water = records.create(db, "projects", {"partnership_id": lalo, "title": "Eau potable",
                                            "dac_sector": "14030"})
    ngo = factories.organisation(db, "ONG Eau Vive Bénin", country="BJ", kind="ngo")
    tx = factories.transaction
    tx(db, lalo, "9839355", currency="XOF", date="2023-04-03", project_id=water,
       organisation_id=lalo_town, category="activities", label="Transfert 1", budget_source="water")
    tx(db, lalo, "2000.00", date="2023-05-10", project_id=water, organisation_id=ngo,
       category="activities", label="Forage", budget_source="water")
    tx(db, lalo, "3000.00", date="2023-12-31", category="staff_time", label="Temps agent")
    tx(db, lalo, "6000.00", date="2023-06-01", kind="income", category="grant", label="MEAE")
    tx(db, lalo, "9999.00", date="2023-06-02", kind="income", category="own_funds", label="Own")
    tx(db, lalo, "1000.00", date="2022-12-31", category="travel", label="Last year")
    safi = factories.partnership(db, "Boulogne – Safi", country="MA",
                                 partner_organisation_id=factories.organisation(db, "Safi"))
    tx(db, safi, "500.00", date="2023-02-01", category="travel", label="Billets")
    tx(db, safi, "800.00", date="2023-03-01", kind="income", category="partner_contribution",
       label="Part de Safi")
    uy = add_uruguay(db)
    tx(db, uy, "700.00", date="2023-01-10", category="travel", label="Billet Montevideo")


GOLDEN_ROWS = [
    # country, channel, sector: Lalo spent 15 000 + 2 000 + 3 000 = 20 000, others paid
    # 6 000 -> 14 000 shared 15:2:3; Safi 500 - 800 -> 0, no row.
    ("BJ", "Benin", "11002", "Local government (donor country)", "99810",
     "Sectors not specified", 2100),
    ("BJ", "Benin", "12002", "Local government (recipient country)", "14030",
     "Basic drinking water supply and basic sanitation", 10500),
    ("BJ", "Benin", "23000", "Developing country-based NGO", "14030",
     "Basic drinking water supply and basic sanitation", 1400),
]


def test_golden_workbook_of_a_fixture_year(db: Database, db_path: Path, tmp_path: Path) -> None:
    fixture_year(db)
    out = tmp_path / "apd-2023.xlsx"
    export(db_path, out, 2023)
    book = openpyxl.load_workbook(out)
    assert book.sheetnames == ["Rules and deadline", "Declaration", "By partnership",
                               "Not on the DAC list", "Transactions counted", "1 % budgets"]
    rows, total = declaration_rows(out)
    assert rows == GOLDEN_ROWS and total == "=SUM(G2:G4)"
    partnerships = list(book["By partnership"].iter_rows(min_row=2, values_only=True))
    assert partnerships[:2] == [
        ("Boulogne – Safi", "Morocco", 500, 800, "=MAX(0,C2-D2)"),
        ("Saint-Omer – Lalo", "Benin", 20000, 6000, "=MAX(0,C3-D3)"),
    ]
    detail = list(book["Transactions counted"].iter_rows(min_row=2, values_only=True))
    assert [r[2] for r in detail] == ["Billets", "Part de Safi", "Transfert 1", "Forage",
                                      "MEAE", "Temps agent"]
    assert detail[2][9:] == (9839355, "XOF", 655.957, 15000)
    water = next(book["1 % budgets"].iter_rows(min_row=2, max_row=2, values_only=True))
    assert water == ("Water (1 %)", 17000, 150000, "=C2/100", "Over the 1 % ceiling")
    first = [row for row in book.worksheets[0].iter_rows(values_only=True)]
    assert ("Total to declare", 14000) in first
    assert any(r[0] == "Warning" and "Water (1 %)" in r[1] for r in first)
    assert first[1][0] == "Saint-Omer – SIREN 216205108"
