"""The workbook the municipal council asks for: a year of partnerships, in euros, with totals.

A summary per partnership (planned, spent, received, balance), the expenses
and the income one by one, co-financing by funder and the missions of the
year. Totals and balances are live formulas (``=SUM(...)``, ``=F2-E2``), so a
councillor who corrects a figure sees the totals follow; amounts in a
foreign currency show their original amount and rate beside the EUR amount,
and only EUR amounts are ever summed.
"""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING, Any

from core import finance, settings
from core.excel.exportsheet import Column, Table, write_table
from core.excel.write import Book, Formula
from core.i18n import N_, NC_, _
from core.money import from_cents
from core.spec import CATEGORIES, INCOME_CATEGORIES, MISSION_DIRECTIONS, MISSION_STATUSES

if TYPE_CHECKING:
    from collections.abc import Iterator
    from pathlib import Path

    from sqlite_utils import Database

SHEETS = {
    "summary": NC_("sheet", "Summary"),
    "expenses": NC_("sheet", "Expenses"),
    "income": NC_("sheet", "Income"),
    "cofinancing": NC_("sheet", "Co-financing"),
    "missions": N_("Missions"),
}


def export_council(db: Database, out: Path, year: int) -> int:
    """Write the council workbook of ``year`` to ``out``; the number of transactions in it."""
    year = int(year)
    caption = _("Budget {year}").format(year=year)
    with Book(out, settings.get(db, "municipality_name")) as book, db.atomic():
        tables = (
            summary_table(db, year),
            detail_table(db, year, "expense"),
            detail_table(db, year, "income"),
            cofinancing_table(db, year),
            missions_table(db, year),
        )
        written = [
            write_table(book, replace(table, caption=f"{caption} – {table.title}"))
            for table in tables
        ]
    return written[1].rows + written[2].rows


def summary_table(db: Database, year: int) -> Table:
    """Per partnership: planned expenses and income, spent, received, balance (received - spent)."""
    columns = [
        Column(_("Partnership")),
        Column(_("Planned expenses"), "eur", total=True),
        Column(_("Planned income"), "eur", total=True),
        Column(_("Spent"), "eur", total=True),
        Column(_("Received"), "eur", total=True),
        Column(_("Balance"), "eur", total=True),
    ]
    rows = [
        [
            row["name"],
            row["planned_expense"],
            row["planned_income"],
            row["spent"],
            row["received"],
            Formula(f"=E{index}-D{index}"),
        ]
        for index, row in enumerate(finance.year_summary(db, year), start=2)
    ]
    return Table(_(SHEETS["summary"]), columns, rows)


DETAIL_SQL = """
SELECT t.date, p.name, t.label, t.category, t.counterparty,
       t.amount_cents, t.currency, t.rate, t.amount_eur_cents
FROM transactions t JOIN partnerships p ON p.id = t.partnership_id
WHERE t.deleted_at IS NULL AND t.kind = ? AND t.date BETWEEN ? AND ?
ORDER BY t.date, t.id
"""


def detail_table(db: Database, year: int, kind: str) -> Table:
    """Every expense (or receipt) of the year, its original amount beside the EUR amount."""
    columns = [
        Column(_("Date"), "date"),
        Column(_("Partnership"), "wrap"),
        Column(_("Label"), "wrap"),
        Column(_("Category")),
        Column(_("Payee or payer"), "wrap"),
        Column(_("Amount"), "money"),
        Column(_("Currency")),
        Column(_("Rate (per euro)"), "rate"),
        Column(_("Amount in EUR"), "eur", total=True),
    ]
    title = SHEETS["expenses" if kind == "expense" else "income"]
    params = [kind, f"{year:04d}-01-01", f"{year:04d}-12-31"]
    return Table(_(title), columns, _detail_rows(db.execute(DETAIL_SQL, params)))


def _detail_rows(cursor: Any) -> Iterator[list[Any]]:
    import datetime as dt
    from decimal import Decimal

    categories = {value: _(label) for value, label in CATEGORIES.items()}
    for day, name, label, category, counterparty, cents, currency, rate, eur in cursor:
        yield [
            dt.date.fromisoformat(day), name, label, categories.get(category, category),
            counterparty, from_cents(cents), currency, Decimal(rate) if rate else None,
            from_cents(eur),
        ]


def cofinancing_table(db: Database, year: int) -> Table:
    """Income by source (each grant's funder, else the category) and its share of what came in."""
    rows = finance.cofinancing(db, year)
    last = len(rows) + 1
    columns = [
        Column(_("Source"), "wrap"),
        Column(_("Category")),
        Column(_("Planned"), "eur", total=True),
        Column(_("Received"), "eur", total=True),
        Column(_("Share"), "percent", total=True),
    ]
    body = []
    for index, row in enumerate(rows, start=2):
        category = _(INCOME_CATEGORIES.get(row["category"], CATEGORIES.get(row["category"], "")))
        total = f"SUM(D$2:D${last})"
        body.append([
            row["funder"] or category, category, row["planned"], row["received"],
            Formula(f"=IF({total}=0,0,D{index}/{total})"),
        ])
    return Table(_(SHEETS["cofinancing"]), columns, body)


def missions_table(db: Database, year: int) -> Table:
    """The missions under way at some point of the year."""
    from core import fmt, missions
    from core.excel.exportcolumns import iso_date

    columns = [
        Column(_("Start"), "date"),
        Column(_("End"), "date"),
        Column(_("Title"), "wrap"),
        Column(_("Partnership"), "wrap"),
        Column(_("Direction")),
        Column(_("Destination city")),
        Column(_("Destination country")),
        Column(_("Status")),
        Column(_("Participants"), "int"),
    ]
    rows = [
        [
            iso_date(m["start_date"]), iso_date(m["end_date"]), m["title"], m["partnership"],
            fmt.choice(MISSION_DIRECTIONS, m["direction"]), m["destination_city"],
            fmt.country_name(m["destination_country"]),
            fmt.choice(MISSION_STATUSES, m["status"]), m["participants"],
        ]
        for m in missions.of_year(db, year)
    ]
    return Table(_(SHEETS["missions"]), columns, rows)
