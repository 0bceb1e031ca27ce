"""Export a kind of record, or a list as it is shown, to a workbook.

``export_kind`` writes every field of every live record, numbers of linked
records with their names beside them, so that the file is both readable and
importable again (the format is described in :mod:`core.excel.exportcolumns`).
``export_listing`` writes what a list screen shows, with the same search,
filters and sort. Both stream: rows go from an SQLite cursor to a write-only
sheet, memory stays flat whatever the number of rows.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from core import listing, settings
from core.errors import UserError
from core.excel.columns import KINDS
from core.excel.exportcolumns import converter, kind_columns
from core.excel.exportsheet import Cancelled, Column, Progress, Table, write_table
from core.excel.write import Book, Money
from core.gdpr import log as personal_data
from core.i18n import _
from core.money import from_cents
from core.spec import PLURALS, SPECS

if TYPE_CHECKING:
    from collections.abc import Iterator

    from sqlite_utils import Database

PAGE = 5000  # rows fetched at a time by export_listing


def table_of(kind: str) -> str:
    try:
        return KINDS[kind]
    except KeyError:
        raise UserError(_("Unknown kind of record: {kind}").format(kind=kind)) from None


def year_filter(table: str, year: int | None) -> tuple[str, list[Any]]:
    """SQL over "t" keeping the records of ``year``: by date, budget year, or mission dates.

    A mission belongs to every year it overlaps; contacts, organisations and
    partnerships have no year and are all kept.
    """
    if year is None:
        return "", []
    first, last = f"{int(year):04d}-01-01", f"{int(year):04d}-12-31"
    if table == "transactions":
        return " AND t.date BETWEEN ? AND ?", [first, last]
    if table == "budget_lines":
        return " AND t.year = ?", [int(year)]
    if table == "missions":
        return " AND t.start_date <= ? AND coalesce(t.end_date, t.start_date) >= ?", [last, first]
    return "", []


def export_kind(
    db: Database,
    kind: str,
    out: Path,
    *,
    year: int | None = None,
    progress: Progress | None = None,
    cancelled: Cancelled | None = None,
) -> int:
    """Write every live record of ``kind`` (optionally of one year) to ``out``; the row count."""
    table = table_of(kind)
    columns = kind_columns(table)
    where, params = year_filter(table, year)
    sql_where = f"FROM {table} t WHERE t.deleted_at IS NULL{where}"
    converters = [converter(c) for c in columns]
    title = _(PLURALS[table])
    with Book(out, settings.get(db, "municipality_name")) as book, db.atomic():
        count = db.execute(f"SELECT count(*) {sql_where}", params).fetchone()[0]
        select = f"SELECT {', '.join(c.sql for c in columns)} {sql_where} ORDER BY t.id"
        rows = (
            [convert(v) for convert, v in zip(converters, row, strict=True)]
            for row in db.execute(select, params)
        )
        headers = [Column(c.header, c.cell_kind) for c in columns]
        caption = f"{title} {year}" if year else ""
        sheet = Table(title, headers, rows, caption=caption, count=count)
        written = write_table(book, sheet, progress=progress, cancelled=cancelled)
    personal_data.record_export(db, table, Path(out).name, where=f"t.deleted_at IS NULL{where}",
                                params=params)  # GDPR: who left the file, when
    return written.rows


# --- a list as it is shown ------------------------------------------------------

_LISTING_KINDS = {"date": "date", "int": "int", "money": "money", "eur": "eur"}


def _listing_value(column: listing.Column, row: dict[str, Any]) -> Any:
    value = row[column.key]
    if value is None or value == "":
        return None
    if column.type == "date":
        return _date_or_text(value)
    if column.type == "money":
        return Money(from_cents(value), row[column.currency_key] or "EUR")
    if column.type == "eur":
        return from_cents(value)
    if column.type == "int":
        return value
    return listing.cell_text(column, row)


def _date_or_text(value: str) -> Any:
    import datetime as dt

    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        return value


def _pages(
    db: Database, table: str, search: str | None, filters: dict[str, Any], order: str | None
) -> Iterator[dict[str, Any]]:
    offset = 0
    while True:
        page = listing.fetch(
            db, table, search=search, filters=filters, order=order, limit=PAGE, offset=offset
        )
        yield from page
        if len(page) < PAGE:
            return
        offset += PAGE


def export_listing(
    db: Database,
    table: str,
    out: Path,
    search: str | None = None,
    filters: dict[str, Any] | None = None,
    order: str | None = None,
    *,
    progress: Progress | None = None,
    cancelled: Cancelled | None = None,
) -> int:
    """Write the list of ``table`` as the screen shows it (same search, filters, sort)."""
    shown = listing.LISTINGS[table].visible
    filters = filters or {}
    columns = [Column(_(c.label), _LISTING_KINDS.get(c.type, "text")) for c in shown]
    with Book(out, settings.get(db, "municipality_name")) as book, db.atomic():
        count = listing.count(db, table, search=search, filters=filters)
        rows = (
            [_listing_value(c, row) for c in shown]
            for row in _pages(db, table, search, filters, order)
        )
        sheet = Table(_(PLURALS.get(table, SPECS[table].label)), columns, rows, count=count)
        written = write_table(book, sheet, progress=progress, cancelled=cancelled)
    where, params = listing.where_clause(table, search, filters)
    personal_data.record_export(db, table, Path(out).name, listing.LISTINGS[table].source, where,
                                params)
    return written.rows
