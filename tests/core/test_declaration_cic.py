"""CIC/GIS report: a row per expense, and a summary that recalculates to the dump's sums."""

from __future__ import annotations

import shutil
import subprocess
from decimal import Decimal
from pathlib import Path
from typing import Any

import openpyxl
import pytest

from core import records
from core.db import open_db
from tests.conftest import run_cli
from tests.core.declarations_demo import YEAR, demo_file, dump_of


@pytest.fixture
def demo_path(tmp_path: Path) -> Path:
    """The demo, with some expenses of Marsassoum told apart as the programme asks."""
    path = demo_file(tmp_path)
    db = open_db(path)
    pid = db.execute("SELECT id FROM partnerships WHERE country = 'SN'").fetchone()[0]
    ids = [row[0] for row in db.execute(
        "SELECT id FROM transactions WHERE partnership_id = ? AND kind = 'expense' "
        "AND date LIKE ? ORDER BY date, id", [pid, f"{YEAR}-%"])]
    records.update(db, "transactions", ids[0], {"funding": "programme_subsidy",
                                                "document_number": "PJ-001",
                                                "bank_fees": Decimal("12.50")})
    records.update(db, "transactions", ids[1], {"funding": "own_funds", "budget_post": "R1.A2"})
    records.update(db, "transactions", ids[2], {"funding": "other", "eligible": False,
                                                "ineligible_reason": "Hors plan opérationnel"})
    db.close()
    return path


def marsassoum(dump: dict[str, Any]) -> int:
    return next(p["id"] for p in dump["partnerships"] if p["country"] == "SN")


def recalculated(out: Path, tmp_path: Path) -> Any:
    """The workbook as LibreOffice computes it: every formula replaced by its value."""
    soffice = shutil.which("soffice")
    if soffice is None:
        pytest.skip("LibreOffice is not installed")
    folder = tmp_path / "recalculated"
    subprocess.run([soffice, "--headless", f"-env:UserInstallation={(tmp_path / 'lo').as_uri()}",
                    "--convert-to", "xlsx", "--outdir", str(folder), str(out)],
                   check=True, capture_output=True, timeout=240)
    return openpyxl.load_workbook(folder / out.name, data_only=True)


def test_one_row_per_expense_and_the_summary_recalculates(demo_path: Path,
                                                            tmp_path: Path) -> None:
    dump = dump_of(demo_path, tmp_path)
    pid = marsassoum(dump)
    expenses = [t for t in dump["transactions"] if t["partnership_id"] == pid
                and t["kind"] == "expense" and t["date"].startswith(f"{YEAR}-")]
    total = sum(Decimal(t["amount_eur"]) for t in expenses)
    out = tmp_path / "cic.xlsx"
    result = run_cli("--db", demo_path, "--lang", "en", "export", "cic", str(YEAR), out,
                     "--partnership", str(pid))
    assert result.returncode == 0, result.stderr
    rows = list(openpyxl.load_workbook(out)["Expenses"].iter_rows(min_row=2, values_only=True))
    body = rows[:-1]
    assert len(body) == len(expenses) and rows[-1][0] == "Total"
    assert sum(Decimal(str(r[9])) for r in body) == total
    first = body[0]
    assert first[0] == "PJ-001" and first[10] == 12.5 and first[11] == "Programme subsidy"
    assert body[2][12:14] == ("No", "Hors plan opérationnel")

    book = recalculated(out, tmp_path)
    summary = {row[0]: row[1:] for row in book["Summary"].iter_rows(values_only=True) if row[0]}
    planned = sum(Decimal(b["amount"]) for b in dump["budget_lines"] if b["partnership_id"] == pid
                  and b["year"] == YEAR and b["kind"] == "expense" and b["currency"] == "EUR")
    as_cents = lambda value: Decimal(str(value)).quantize(Decimal("0.01"))  # noqa: E731
    lines = [row for row in book["Summary"].iter_rows(values_only=True)]
    totals = [row for row in lines if row[0] == "Total"]
    assert as_cents(totals[0][1]) == planned and as_cents(totals[0][2]) == total
    assert as_cents(totals[0][3]) == total - planned
    assert as_cents(totals[1][1]) == total  # by funding source, every euro once
    by_funding = {t.get("funding"): Decimal(0) for t in expenses}
    for t in expenses:
        by_funding[t.get("funding")] += Decimal(t["amount_eur"])
    assert as_cents(summary["Programme subsidy"][0]) == by_funding["programme_subsidy"]
    assert as_cents(summary["Own funds"][0]) == by_funding["own_funds"]
    assert as_cents(summary["Not stated"][0]) == by_funding[None]
    post = next(t for t in expenses if t["budget_post"] == "R1.A2")
    assert as_cents(summary["R1.A2"][1]) == Decimal(post["amount_eur"])
    assert as_cents(summary["Own contribution"][1] * float(total)) == by_funding["own_funds"]
    assert as_cents(book["Expenses"].cell(len(rows) + 1, 10).value) == total


def test_unknown_partnership_or_wrong_year_is_one_line(demo_path: Path, tmp_path: Path) -> None:
    out = tmp_path / "cic.xlsx"
    for args in (["export", "cic", str(YEAR), out, "--partnership", "999"],
                 ["export", "cic", "last-year", out],
                 ["export", "cic", str(YEAR)]):
        result = run_cli("--db", demo_path, *args)
        assert result.returncode != 0, args
        assert len(result.stderr.strip().splitlines()) == 1, (args, result.stderr)
        assert not out.exists()


def test_a_failure_midway_leaves_the_previous_files(demo_path: Path, tmp_path: Path,
                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    """CIC/GIS and IATI alike: a failure while writing leaves what was there, no .part file."""
    from core import settings
    from core.declarations import cic, iati
    from core.errors import UserError

    def broken(*_args: Any, **_kwargs: Any) -> None:
        raise OSError(28, "No space left on device")

    old_cic, old_iati = tmp_path / "cic.xlsx", tmp_path / "iati.xml"
    old_cic.write_bytes(b"last year's report")
    old_iati.write_bytes(b"<last/>")
    monkeypatch.setattr(cic, "expense_columns", broken)

    class HalfWritten:
        """Writes the start of the file, then the disk is full."""

        def __init__(self, _root: Any) -> None:
            pass

        def write(self, path: Path, **_kwargs: Any) -> None:
            Path(path).write_bytes(b"<?xml version='1.0'?><iati-activities")
            broken()

    monkeypatch.setattr(iati.ET, "ElementTree", HalfWritten)
    db = open_db(demo_path)
    settings.put(db, "iati_org_id", "BE-BCE_KBO-0000000097")
    with pytest.raises(OSError):
        cic.export_cic(db, old_cic, YEAR)
    with pytest.raises(UserError, match="No space left"):  # one line for the user
        iati.export_iati(db, old_iati)
    db.close()
    assert old_cic.read_bytes() == b"last year's report"
    assert old_iati.read_bytes() == b"<last/>"
    assert list(tmp_path.glob("*.part")) == []
