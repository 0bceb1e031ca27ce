"""Exports, the council workbook and the import templates, opened again and checked cell by cell."""

from __future__ import annotations

import datetime as dt
import json
import re
import shutil
import subprocess
import time
import tracemalloc
import zipfile
from collections.abc import Iterator
from decimal import Decimal
from pathlib import Path
from typing import Any

import openpyxl
import pytest
from sqlite_utils import Database

from core import demo, dump, finance, fmt, listing
from core.db import open_db
from core.errors import UserError
from core.excel.columns import KINDS
from core.excel.council import export_council
from core.excel.export import export_kind, export_listing
from core.excel.exportcolumns import import_columns, kind_columns, known_headers
from core.excel.exportsheet import Column, Table, write_table
from core.excel.templates import write_template
from core.excel.write import (
    DATE_FORMAT,
    EUR_FORMAT,
    NUMBER_FORMAT,
    Book,
    ExportCancelled,
    Formula,
)
from core.i18n import in_every_language, set_language
from core.spec import SPECS
from tests.core import factories
from tests.core.design import DESIGN_FIELDS

TODAY = dt.date(2026, 11, 23)
YEAR = 2026
RISKY = ["=1+1", "+32 2 555 08 00", "@SUM(A1)", "-5 vs", "=HYPERLINK(\"http://x\")"]


@pytest.fixture(scope="module")
def demo_db(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Database]:
    database = open_db(tmp_path_factory.mktemp("demo") / "demo.sqlite3")
    demo.fill(database, today=TODAY)
    yield database
    database.close()


def cells_of(path: Path, sheet: int | str = 0) -> Any:
    book = openpyxl.load_workbook(path)
    return book[sheet] if isinstance(sheet, str) else book.worksheets[sheet]


def header(ws: Any) -> list[Any]:
    return [cell.value for cell in ws[1]]


def live_count(db: Database, table: str) -> int:
    return int(db.execute(f"SELECT count(*) FROM {table} WHERE deleted_at IS NULL").fetchone()[0])


# --- formula injection and bad characters --------------------------------------


def test_formula_like_text_is_written_as_text(db: Database, tmp_path: Path) -> None:
    for text in RISKY:
        factories.organisation(db, text, notes=f"{text}\x00\x07 fin\x1f", phone=text)
    out = tmp_path / "organisations.xlsx"
    export_kind(db, "organisations", out)
    ws = cells_of(out)
    columns = [c.key for c in kind_columns("organisations")]
    name, notes = columns.index("name") + 1, columns.index("notes") + 1
    names = {ws.cell(row, name).value for row in range(2, ws.max_row + 1)}
    assert names == set(RISKY)
    for row in range(2, ws.max_row + 1):
        cell = ws.cell(row, name)
        assert cell.data_type == "s" and cell.quotePrefix
        assert ws.cell(row, notes).value == f"{cell.value} fin"  # control characters dropped
    with zipfile.ZipFile(out) as archive:
        assert "<f>" not in archive.read("xl/worksheets/sheet1.xml").decode()


def test_only_our_formulas_are_live(tmp_path: Path) -> None:
    out = tmp_path / "cells.xlsx"
    values = [*RISKY, "\tTab", "\rCR", "a\x0bb\x0cc", "ok", Formula("=1+1")]
    with Book(out) as book:
        write_table(book, Table("Test", [Column("Text")], [[v] for v in values]))
    ws = cells_of(out)
    got = [ws.cell(row, 1) for row in range(2, len(values) + 2)]
    # XML reads a CR back as LF: it is written as LF.
    assert [c.value for c in got[:-1]] == [*RISKY, "\tTab", "\nCR", "abc", "ok"]
    assert all(c.data_type == "s" for c in got[:-1])
    assert got[-1].data_type == "f" and got[-1].value == "=1+1"


# --- every kind ---------------------------------------------------------------


def _expected(db: Database, column: Any, record: dict[str, Any]) -> Any:
    """What a cell of ``column`` should read back as, from the dump's record."""
    f = column.field
    value = record.get(column.key if column.role == "field" else f.name if f else "id")
    if column.role == "stamp":
        return dt.datetime.fromisoformat(record[column.key].removesuffix("Z"))
    if column.role == "name":
        title = SPECS[f.ref].title_sql
        row = db.execute(f"SELECT {title} FROM {f.ref} WHERE id = ?", [value]).fetchone()
        return row[0] if row else None
    if column.role == "country_name":
        return fmt.country_name(value) or None
    if column.role == "detail":
        return _detail(db, column.key, record)
    if f is None or column.role == "id" or value is None:
        return value
    if f.type == "date":
        return dt.datetime.fromisoformat(value)
    if f.type in ("money", "rate"):
        return Decimal(value)
    if f.type == "sdgs":
        return ", ".join(map(str, value))
    if f.type == "choice":
        assert column.key and value in f.choices
    return value


def _detail(db: Database, key: str, record: dict[str, Any]) -> Any:
    """Beside a link, what finds the record again in another database (issue 12): a
    participant's mission by its start date and partnership, a contact by e-mail."""
    if key == "email":
        person = db["contacts"].get(record["contact_id"]) if record["contact_id"] else None
        return person["email"] if person else None
    mission = db["missions"].get(record["mission_id"])
    if key == "mission_start":
        return dt.datetime.fromisoformat(mission["start_date"])
    assert key == "partnership", key
    return db["partnerships"].get(mission["partnership_id"])["name"]


def _read(cell: Any) -> Any:
    if isinstance(cell.value, int | float) and not isinstance(cell.value, bool):
        return Decimal(str(cell.value))
    return cell.value


@pytest.mark.parametrize("kind", list(KINDS))
def test_every_field_of_every_record_is_exported(
    demo_db: Database, tmp_path: Path, kind: str
) -> None:
    table = KINDS[kind]
    out = tmp_path / f"{kind}.xlsx"
    assert export_kind(demo_db, kind, out) == live_count(demo_db, table)
    ws = cells_of(out)
    columns = kind_columns(table)
    assert header(ws) == [c.header for c in columns]
    # DESIGN's list, not the code's: a field dropped from the export must show here
    missing = set(DESIGN_FIELDS[table]) - {c.key for c in columns if c.role in ("field", "id")}
    assert not missing, (kind, missing)
    links = [name for name in DESIGN_FIELDS[table] if name.endswith("_id")]
    assert len([c for c in columns if c.role == "name"]) == len(links)  # a name beside each id
    records = list(dump._dump_rows(demo_db, SPECS[table]))
    assert ws.max_row == len(records) + 1
    for row, record in enumerate(records, start=2):
        for index, column in enumerate(columns, start=1):
            cell = ws.cell(row, index)
            expected = _expected(demo_db, column, record)
            f = column.field
            if f is not None and f.type == "choice" and column.role == "field":
                value = record[column.key]
                labels = in_every_language(f.choices.get(value, ""))
                assert cell.value is None if value is None else cell.value in labels
            elif f is not None and f.type == "bool" and column.role == "field":
                labels = in_every_language("Yes" if record[column.key] else "No")
                assert cell.value in labels, (column.key, row)
            elif isinstance(expected, int | Decimal) and not isinstance(expected, bool):
                assert _read(cell) == expected, (column.key, row)
            else:
                assert cell.value == expected, (column.key, row)


def test_formats_of_amounts_rates_and_dates(demo_db: Database, tmp_path: Path) -> None:
    out = tmp_path / "transactions.xlsx"
    export_kind(demo_db, "transactions", out)
    ws = cells_of(out)
    at = {c.key: i + 1 for i, c in enumerate(kind_columns("transactions"))}
    foreign = 0
    for row in range(2, ws.max_row + 1):
        assert ws.cell(row, at["amount"]).number_format == NUMBER_FORMAT
        assert ws.cell(row, at["amount_eur"]).number_format == EUR_FORMAT
        assert ws.cell(row, at["date"]).number_format == DATE_FORMAT
        assert isinstance(ws.cell(row, at["date"]).value, dt.datetime)
        assert isinstance(ws.cell(row, at["amount"]).value, int | float)
        currency = ws.cell(row, at["currency"]).value
        rate = ws.cell(row, at["rate"]).value
        assert (rate is None) == (currency == "EUR")
        foreign += currency != "EUR"
    assert foreign > 10


def test_choices_countries_and_links_are_readable(demo_db: Database, tmp_path: Path) -> None:
    set_language("fr")
    out = tmp_path / "missions.xlsx"
    export_kind(demo_db, "missions", out)
    ws = cells_of(out)
    assert ws.title == "Missions"
    heads = header(ws)
    assert heads[:3] == ["N°", "Partenariat (n°)", "Partenariat"]
    at = {c.key: i for i, c in enumerate(kind_columns("missions"))}
    rows = list(ws.iter_rows(min_row=2, values_only=True))
    french = {"Outgoing": _label("Outgoing"), "Incoming": _label("Incoming")}
    assert french["Outgoing"] != "Outgoing"
    assert {r[at["direction"]] for r in rows} == set(french.values())
    assert any(r[at["partnership"]] == "Anderlecht – Marsassoum" for r in rows)
    pairs = {(r[at["destination_country"]], r[at["destination_country_name"]]) for r in rows}
    assert ("SN", "Sénégal") in pairs


def test_headers_are_known_in_every_language() -> None:
    headers = known_headers("transactions")
    assert headers["taux par euro"] == "rate"
    assert headers["montant en eur"] == "amount_eur"
    assert headers["partnership no"] == "partnership_id"
    assert headers["partnership"] == "partnership"


@pytest.mark.parametrize(
    ("kind", "where"),
    [
        ("transactions", "date BETWEEN '2025-01-01' AND '2025-12-31'"),
        ("budget", "year = 2025"),
        ("missions", "start_date <= '2025-12-31' AND "
         "coalesce(end_date, start_date) >= '2025-01-01'"),
        ("contacts", "1"),
    ],
)
def test_year_keeps_the_records_of_that_year(
    demo_db: Database, tmp_path: Path, kind: str, where: str
) -> None:
    table = KINDS[kind]
    expected = demo_db.execute(
        f"SELECT count(*) FROM {table} WHERE deleted_at IS NULL AND {where}"
    ).fetchone()[0]
    assert 0 < export_kind(demo_db, kind, tmp_path / "year.xlsx", year=2025) == expected


# --- sheet set-up --------------------------------------------------------------


def printed_today(text: str, language: str | None = None) -> bool:
    """The header's date is today's; a test run over midnight accepts either day."""
    days = {dt.date.today(), dt.date.today() - dt.timedelta(days=1)}
    return text in {fmt.date(day, language) if language else fmt.date(day) for day in days}


def assert_sheet_setup(ws: Any, rows: int, municipality: str = "Anderlecht") -> None:
    assert ws.freeze_panes == "A2"
    assert ws.auto_filter.ref == f"A1:{openpyxl.utils.get_column_letter(ws.max_column)}{rows + 1}"
    assert all(cell.font.b for cell in ws[1])
    assert ws.page_setup.orientation == "landscape"
    assert ws.page_setup.fitToWidth == 1 and ws.page_setup.fitToHeight == 0
    assert ws.sheet_properties.pageSetUpPr.fitToPage
    assert ws.print_title_rows == "$1:$1"
    assert ws.oddHeader.left.text == municipality
    assert printed_today(ws.oddHeader.right.text)
    assert "&P" in ws.oddFooter.center.text and "&N" in ws.oddFooter.center.text
    for index in range(1, ws.max_column + 1):
        letter = openpyxl.utils.get_column_letter(index)
        width = ws.column_dimensions[letter].width
        texts = [c for c in ws[letter][:1001] if c.data_type == "s"]
        wrapped = any(c.alignment.wrap_text for c in texts)
        longest = max(len(str(c.value or "")) for c in texts)
        assert 6 <= width <= (40 if wrapped else 60)
        assert wrapped or width >= min(longest, 58), (letter, width, longest)


def test_kind_export_sheet_setup(demo_db: Database, tmp_path: Path) -> None:
    out = tmp_path / "contacts.xlsx"
    rows = export_kind(demo_db, "contacts", out)
    assert_sheet_setup(cells_of(out), rows)


def test_listing_export_shows_what_the_list_shows(demo_db: Database, tmp_path: Path) -> None:
    out = tmp_path / "list.xlsx"
    filters = {"year": 2026, "kind": "expense"}
    rows = listing.fetch(demo_db, "transactions", filters=filters, order="-partnership")
    assert export_listing(demo_db, "transactions", out, None, filters, "-partnership") == len(rows)
    ws = cells_of(out)
    shown = listing.LISTINGS["transactions"].visible
    assert header(ws) == [c.label for c in shown]
    assert_sheet_setup(ws, len(rows))
    at = {c.key: i + 1 for i, c in enumerate(shown)}
    for number, row in enumerate(rows, start=2):
        assert ws.cell(number, at["label"]).value == row["label"]
        amount = ws.cell(number, at["amount"])
        assert Decimal(str(amount.value)) * 100 == row["amount"]
        assert ("€" if row["currency"] == "EUR" else row["currency"]) in amount.number_format
        assert ws.cell(number, at["amount_eur"]).number_format == EUR_FORMAT
        assert ws.cell(number, at["kind"]).value == "Expense"


def test_listing_export_keeps_the_search(demo_db: Database, tmp_path: Path) -> None:
    out = tmp_path / "list.xlsx"
    rows = listing.fetch(demo_db, "contacts", search="Badji")
    assert 0 < export_listing(demo_db, "contacts", out, "Badji") == len(rows)


# --- the council workbook ---------------------------------------------------------


def evaluate(ws: Any, value: Any) -> Decimal:
    """The few formulas the council workbook writes, computed over the written cells."""
    if not (isinstance(value, str) and value.startswith("=")):
        return Decimal(str(value or 0))
    expr = value[1:].replace("$", "")
    if m := re.fullmatch(r"SUM\(([A-Z]+)(\d+):([A-Z]+)(\d+)\)", expr):
        assert m[1] == m[3]
        return sum((evaluate(ws, ws[f"{m[1]}{r}"].value) for r in range(int(m[2]), int(m[4]) + 1)),
                   Decimal(0))
    if m := re.fullmatch(r"([A-Z]+\d+)-([A-Z]+\d+)", expr):
        return evaluate(ws, ws[m[1]].value) - evaluate(ws, ws[m[2]].value)
    if m := re.fullmatch(r"IF\((SUM\([^)]*\))=0,0,([A-Z]+\d+)/(SUM\([^)]*\))\)", expr):
        total = evaluate(ws, "=" + m[1])
        return Decimal(0) if total == 0 else evaluate(ws, ws[m[2]].value) / total
    raise AssertionError(f"unexpected formula {value}")


@pytest.fixture(scope="module")
def council(demo_db: Database, tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("council") / "council.xlsx"
    set_language("en")  # module fixtures run before the per-test English one
    export_council(demo_db, out, YEAR)
    return out


def test_council_sheets(council: Path) -> None:
    book = openpyxl.load_workbook(council)
    assert book.sheetnames == ["Summary", "Expenses", "Income", "Co-financing", "Missions"]
    for ws in book.worksheets:
        total_row = ws.max_row if ws.cell(ws.max_row, 1).value == "Total" else ws.max_row + 1
        assert_sheet_setup(ws, total_row - 2)
        assert ws.oddHeader.center.text == f"Budget {YEAR} – {ws.title}"


def test_council_summary_recalculates_to_the_database_totals(
    demo_db: Database, council: Path
) -> None:
    ws = cells_of(council, "Summary")
    summary = finance.year_summary(demo_db, YEAR)
    last = len(summary) + 1
    assert header(ws) == ["Partnership", "Planned expenses", "Planned income", "Spent",
                          "Received", "Balance"]
    assert [ws.cell(r, 1).value for r in range(2, last + 1)] == [r["name"] for r in summary]
    total = last + 1
    keys = ["planned_expense", "planned_income", "spent", "received", "balance"]
    for index, key in enumerate(keys, start=2):
        letter = openpyxl.utils.get_column_letter(index)
        assert ws[f"{letter}{total}"].value == f"=SUM({letter}2:{letter}{last})"
        assert evaluate(ws, ws[f"{letter}{total}"].value) == sum(r[key] for r in summary)
        assert ws[f"{letter}2"].number_format == EUR_FORMAT
    for row, record in enumerate(summary, start=2):
        assert ws[f"F{row}"].value == f"=E{row}-D{row}"
        assert evaluate(ws, ws[f"F{row}"].value) == record["balance"]


@pytest.mark.parametrize(("sheet", "key"), [("Expenses", "spent"), ("Income", "received")])
def test_council_details_add_up_to_the_summary(
    demo_db: Database, council: Path, sheet: str, key: str
) -> None:
    ws = cells_of(council, sheet)
    assert header(ws)[-4:] == ["Amount", "Currency", "Rate (per euro)", "Amount in EUR"]
    total = ws.max_row
    assert ws.cell(total, 1).value == "Total"
    assert ws[f"I{total}"].value == f"=SUM(I2:I{total - 1})"
    assert all(ws.cell(total, c).value is None for c in range(2, 9))  # totals only in EUR
    expected = sum(r[key] for r in finance.year_summary(demo_db, YEAR))
    assert evaluate(ws, ws[f"I{total}"].value) == expected
    labels = [ws[f"C{r}"] for r in range(2, total)]
    assert all(c.alignment.wrap_text for c in labels)
    long = [c.row for c in labels if len(c.value) > 1.15 * ws.column_dimensions["C"].width]
    assert long and all(ws.row_dimensions[r].height >= 30 for r in long)  # no line over another
    currencies = {ws[f"G{r}"].value for r in range(2, total)}
    assert "EUR" in currencies and len(currencies) > 1


def test_council_cofinancing_and_missions(demo_db: Database, council: Path) -> None:
    ws = cells_of(council, "Co-financing")
    sources = finance.cofinancing(demo_db, YEAR)
    total = len(sources) + 2
    assert evaluate(ws, ws[f"C{total}"].value) == sum(s["planned"] for s in sources)
    assert evaluate(ws, ws[f"D{total}"].value) == sum(s["received"] for s in sources)
    assert evaluate(ws, ws[f"E{total}"].value) == 1
    assert ws["E2"].number_format == "0.0%"
    missions = cells_of(council, "Missions")
    expected = demo_db.execute(
        "SELECT count(*) FROM missions WHERE deleted_at IS NULL AND start_date <= ? "
        "AND coalesce(end_date, start_date) >= ?", [f"{YEAR}-12-31", f"{YEAR}-01-01"]
    ).fetchone()[0]
    assert missions.max_row == expected + 1


def test_council_workbook_in_french(demo_db: Database, tmp_path: Path) -> None:
    set_language("fr")
    out = tmp_path / "conseil.xlsx"
    export_council(demo_db, out, YEAR)
    book = openpyxl.load_workbook(out)
    assert book.sheetnames == ["Synthèse", "Dépenses", "Recettes", "Cofinancement", "Missions"]
    ws = book["Synthèse"]
    assert header(ws)[:2] == ["Partenariat", "Dépenses prévues"]
    assert ws.cell(ws.max_row, 1).value == "Total"
    assert ws.oddFooter.center.text == "Page &P sur &N"
    assert printed_today(ws.oddHeader.right.text, "fr")


def test_ampersands_in_page_headers_are_doubled(db: Database, tmp_path: Path) -> None:
    from core import settings

    settings.put(db, "municipality_name", "Ici & Là")
    factories.organisation(db)
    out = tmp_path / "o.xlsx"
    export_kind(db, "organisations", out)
    assert cells_of(out).oddHeader.left.text == "Ici && Là"


def soffice(*args: str | Path) -> None:
    result = subprocess.run(["soffice", "--headless", *map(str, args)], capture_output=True,
                            text=True, timeout=300)
    assert result.returncode == 0, result.stderr


@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice is not installed")
def test_libreoffice_prints_and_recalculates_the_council_workbook(
    demo_db: Database, council: Path, tmp_path: Path
) -> None:
    soffice("--convert-to", "pdf", "--outdir", tmp_path, council)
    from pypdf import PdfReader

    pages = PdfReader(tmp_path / "council.pdf").pages
    text = "".join(page.extract_text() for page in pages)
    assert "Anderlecht" in text and "Total" in text and f"Budget {YEAR}" in text
    assert "None" not in text
    # Saved again by LibreOffice, the workbook holds the values it computed.
    again = tmp_path / "again"
    soffice("--convert-to", "xlsx", "--outdir", again, council)
    computed = openpyxl.load_workbook(again / "council.xlsx", data_only=True)
    summary = finance.year_summary(demo_db, YEAR)
    ws = computed.worksheets[0]
    total = len(summary) + 2
    assert ws.cell(total, 1).value == "Total"
    for column, key in enumerate(["planned_expense", "planned_income", "spent", "received",
                                  "balance"], start=2):
        value = Decimal(str(ws.cell(total, column).value)).quantize(Decimal("0.01"))
        assert value == sum(r[key] for r in summary), key
    for sheet, key in ((1, "spent"), (2, "received")):
        ws = computed.worksheets[sheet]
        value = Decimal(str(ws.cell(ws.max_row, 9).value)).quantize(Decimal("0.01"))
        assert value == sum(r[key] for r in summary), key


@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice is not installed")
def test_libreoffice_keeps_formula_like_text_as_text(db: Database, tmp_path: Path) -> None:
    for text in RISKY:
        factories.organisation(db, text)
    out = tmp_path / "organisations.xlsx"
    export_kind(db, "organisations", out)
    soffice("--convert-to", "xlsx", "--outdir", tmp_path / "again", out)
    ws = openpyxl.load_workbook(tmp_path / "again" / out.name, data_only=True).worksheets[0]
    assert {ws.cell(row, 2).value for row in range(2, ws.max_row + 1)} == set(RISKY)


# --- templates --------------------------------------------------------------------


@pytest.mark.parametrize("kind", list(KINDS))
def test_template_has_headers_dropdowns_and_notes(tmp_path: Path, kind: str) -> None:
    out = tmp_path / f"{kind}.xlsx"
    write_template(kind, out)
    book = openpyxl.load_workbook(out)
    ws, notes, lists = book.worksheets
    columns = import_columns(KINDS[kind])
    assert header(ws) == [c.header for c in columns] and ws.max_row == 1
    assert lists.sheet_state == "hidden" and notes.title == "Notes"
    assert [r[0] for r in notes.iter_rows(min_row=2, values_only=True)] == header(ws)
    assert all(r[2] for r in notes.iter_rows(min_row=2, values_only=True))
    dropdowns = {str(dv.sqref).split(":")[0]: dv for dv in ws.data_validations.dataValidation}
    for index, column in enumerate(columns):
        letter = openpyxl.utils.get_column_letter(index + 1)
        f = column.field
        if f is not None and f.type in ("choice", "country", "currency"):
            source = dropdowns[f"{letter}2"].formula1
            area = source.split("!")[1].replace("$", "")
            offered = [cell.value for (cell,) in lists[area]]
            if f.type == "choice":
                assert offered == [_label(v) for v in f.choices.values()]
            elif f.type == "country":
                assert "Senegal" in offered and "Belgium" in offered
            else:
                assert offered[:3] == ["EUR", "XOF", "XAF"]
        if f is not None and f.type == "date":
            assert ws.column_dimensions[letter].number_format == DATE_FORMAT


def _label(text: str) -> str:
    from core.i18n import _

    return _(text)


# --- errors, cancel, progress -------------------------------------------------------


def test_missing_folder_and_unknown_kind(demo_db: Database, tmp_path: Path) -> None:
    with pytest.raises(UserError, match="does not exist"):
        export_kind(demo_db, "contacts", tmp_path / "nowhere" / "x.xlsx")
    with pytest.raises(UserError, match="Unknown kind"):
        export_kind(demo_db, "deadlines", tmp_path / "x.xlsx")


def test_cancel_leaves_the_previous_file(demo_db: Database, tmp_path: Path) -> None:
    out = tmp_path / "transactions.xlsx"
    out.write_bytes(b"previous")
    calls: list[tuple[int, int]] = []
    rows = ([str(n)] for n in range(2500))
    with pytest.raises(ExportCancelled), Book(out) as book:
        write_table(book, Table("T", [Column("N")], rows), progress=lambda d, t: calls.append(
            (d, t)), cancelled=lambda: bool(calls))
    assert out.read_bytes() == b"previous"
    assert calls == [(1000, 1000)]
    assert [p.name for p in tmp_path.iterdir()] == ["transactions.xlsx"]


# --- size -------------------------------------------------------------------------------


def big_db(folder: Path, transactions: int) -> Database:
    from bench.synthetic import network

    source = folder / "big.json"
    source.write_text(json.dumps(network(10, transactions, partnerships=50)), encoding="utf-8")
    database = open_db(folder / "big.sqlite3")
    dump.load(database, source)
    return database


def timed_export(
    database: Database, out: Path, *, trace: bool = False
) -> tuple[float, int, list[tuple[int, int]]]:
    """Seconds, peak traced memory (when ``trace``; tracemalloc slows it six times), progress."""
    steps: list[tuple[int, int]] = []
    if trace:
        tracemalloc.start()
    try:
        start = time.perf_counter()
        count = export_kind(
            database, "transactions", out, progress=lambda d, t: steps.append((d, t))
        )
        elapsed = time.perf_counter() - start
        peak = tracemalloc.get_traced_memory()[1] if trace else 0
    finally:
        tracemalloc.stop()
    assert steps[-1] == (count, count)
    return elapsed, peak, steps


def test_ten_thousand_transactions(tmp_path: Path) -> None:
    database = big_db(tmp_path, 10_000)
    out = tmp_path / "tx.xlsx"
    elapsed, _peak, steps = timed_export(database, out)
    assert steps[0] == (1000, 10_000) and len(steps) == 11
    assert elapsed < 30
    ws = openpyxl.load_workbook(out, read_only=True).worksheets[0]
    assert sum(1 for _row in ws.iter_rows(values_only=True)) == 10_001
    print(f"10 000 transactions: {elapsed:.1f} s")


def test_memory_does_not_grow_with_the_rows(tmp_path: Path) -> None:
    """Write-only export: 8 000 rows need no more memory than 2 000 (100 000 in the bench)."""
    peaks = {}
    for rows in (2_000, 8_000):
        folder = tmp_path / str(rows)
        folder.mkdir()
        database = big_db(folder, rows)
        _elapsed, peaks[rows], steps = timed_export(database, folder / "tx.xlsx", trace=True)
        assert steps[-1] == (rows, rows)
        database.close()
    assert peaks[8_000] < peaks[2_000] * 1.5 + 2 * 2**20, peaks
