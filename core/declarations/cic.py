"""The CIC/GIS financial report: every expense with its proof, post, rate and eligibility.

Belgian communes in the federal municipal cooperation programme (run by
Brulocalis, UVCW and VVSG with DGD money) account each year for every
expense: its supporting document, its post in the operational plan, the
rate used, and whether the programme may pay for it. The summary sheet
compares planned and actual per budget post and splits the total by
funding source; its figures are live formulas over the expenses sheet, so
a corrected line updates the summary.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import TYPE_CHECKING, Any

from core import fmt, records, settings
from core.declarations.apd_rule import check_year
from core.excel.exportsheet import Column, Table, letter, print_setup, write_table
from core.excel.write import Book, Formula, cell_maker
from core.i18n import NC_, _
from core.money import from_cents
from core.spec import CATEGORIES, FUNDING_SOURCES

if TYPE_CHECKING:
    from openpyxl.worksheet._write_only import WriteOnlyWorksheet
    from sqlite_utils import Database

SHEETS = {"summary": NC_("sheet", "Summary"), "expenses": NC_("sheet", "Expenses")}
EXPENSES_SQL = """
SELECT coalesce(t.document_number, t.reference) AS document_number, t.date, t.counterparty,
       t.label, t.budget_post, t.category,
       t.amount_cents, t.currency, t.rate, t.amount_eur_cents, t.bank_fees_cents, t.funding,
       t.eligible, t.ineligible_reason, p.name AS partnership
FROM transactions t JOIN partnerships p ON p.id = t.partnership_id AND p.deleted_at IS NULL
WHERE t.deleted_at IS NULL AND t.kind = 'expense' AND t.date BETWEEN ? AND ? {scope}
ORDER BY t.date, t.id
"""
PLANNED_SQL = """
SELECT budget_post, category, sum(amount_eur_cents) AS cents FROM budget_lines
WHERE deleted_at IS NULL AND kind = 'expense' AND year = ? {scope}
GROUP BY budget_post, category
"""
# Columns of the expenses sheet the summary's formulas read (0-based).
POST, EUR, FEES, FUNDING = 4, 9, 10, 11


def export_cic(
    db: Database, out: Any, year: int, partnership: int | None = None
) -> tuple[int, int]:
    """Write the report of ``year`` (one partnership or all); expenses written, their EUR cents."""
    year = check_year(year)
    with db.atomic():
        name = records.get(db, "partnerships", partnership)["name"] if partnership else None
        expenses = _expenses(db, year, partnership)
        planned = _planned(db, year, partnership)
    caption = fmt.joined(" – ", _("CIC/GIS financial report {year}").format(year=year), name)
    with Book(out, settings.get(db, "municipality_name")) as book:
        rows = [_row(e) for e in expenses]
        posts = list(dict.fromkeys([*planned, *(r[POST] for r in rows)]))
        expenses_title = _(SHEETS["expenses"])
        summary_sheet(book, caption, expenses_title, len(rows), posts, planned)
        write_table(book, Table(expenses_title, expense_columns(), rows,
                                caption=f"{caption} – {expenses_title}"))
    return len(expenses), sum(e["amount_eur_cents"] for e in expenses)


def _scope(partnership: int | None) -> tuple[str, list[Any]]:
    return ("AND partnership_id = ?", [partnership]) if partnership else ("", [])


def _expenses(db: Database, year: int, partnership: int | None) -> list[dict[str, Any]]:
    scope, params = _scope(partnership)
    sql = EXPENSES_SQL.format(scope=scope.replace("partnership_id", "t.partnership_id"))
    return list(db.query(sql, [f"{year:04d}-01-01", f"{year:04d}-12-31", *params]))


def _post(budget_post: str | None, category: str | None) -> str:
    """A line's post in the operational plan; its category when it was given none."""
    return budget_post or fmt.choice(CATEGORIES, category) or _("Other")


def _planned(db: Database, year: int, partnership: int | None) -> dict[str, Decimal]:
    scope, params = _scope(partnership)
    planned: dict[str, Decimal] = {}
    for row in db.query(PLANNED_SQL.format(scope=scope), [year, *params]):
        post = _post(row["budget_post"], row["category"])
        planned[post] = planned.get(post, Decimal(0)) + from_cents(row["cents"])
    return planned


def expense_columns() -> list[Column]:
    return [
        Column(_("Document no.")), Column(_("Date"), "date"), Column(_("Payee"), "wrap"),
        Column(_("Label"), "wrap"), Column(_("Budget post")), Column(_("Category")),
        Column(_("Amount"), "money"), Column(_("Currency")), Column(_("Rate (per euro)"), "rate"),
        Column(_("Amount in EUR"), "eur", total=True), Column(_("Bank fees"), "eur", total=True),
        Column(_("Funding")), Column(_("Eligible")), Column(_("Why not eligible"), "wrap"),
        Column(_("Partnership"), "wrap"),
    ]


def _row(e: dict[str, Any]) -> list[Any]:
    fees = e["bank_fees_cents"]
    return [
        e["document_number"], dt.date.fromisoformat(e["date"]), e["counterparty"], e["label"],
        _post(e["budget_post"], e["category"]), fmt.choice(CATEGORIES, e["category"]),
        from_cents(e["amount_cents"]), e["currency"], Decimal(e["rate"]) if e["rate"] else None,
        from_cents(e["amount_eur_cents"]), from_cents(fees) if fees is not None else None,
        funding_label(e["funding"]), _("Yes") if e["eligible"] else _("No"),
        e["ineligible_reason"], e["partnership"],
    ]


def funding_label(funding: str | None) -> str:
    return fmt.choice(FUNDING_SOURCES, funding) if funding else _("Not stated")


def summary_sheet(book: Book, caption: str, expenses: str, count: int, posts: list[str],
                  planned: dict[str, Decimal]) -> None:
    """Planned vs actual per post, totals by funding source and the own contribution share."""
    ws = book.sheet(_(SHEETS["summary"]))
    for column, width in zip("ABCD", (40, 16, 16, 16), strict=True):
        ws.column_dimensions[column].width = width
    print_setup(ws, book.municipality, f"{caption} – {ws.title}")
    line = _Lines(ws, expenses, count)
    line.add([caption], bold=True)
    line.add([])
    _posts_block(line, posts, planned)
    line.add([])
    _funding_block(line)
    line.add([_("Bank fees"), Formula(f"=SUM({_ref(expenses, FEES, count)})")])


def _posts_block(line: _Lines, posts: list[str], planned: dict[str, Decimal]) -> None:
    line.add([_("Budget post"), _("Planned"), _("Actual"), _("Variance")], bold=True)
    first = line.number + 1
    for post in posts:
        n = line.number + 1
        line.add([post, planned.get(post, Decimal(0)), line.sumif(EUR, POST, f"A{n}"),
                  Formula(f"=C{n}-B{n}")])
    last = line.number
    line.add([_("Total"), *(Formula(f"=SUM({c}{first}:{c}{last})") for c in "BCD")], bold=True)


def _funding_block(line: _Lines) -> None:
    """Each funding source's euros and share; the own funds' share is the own contribution."""
    line.add([_("Funding"), _("Amount in EUR"), _("Share")], bold=True)
    start = line.number + 1
    sources = [*(_(label) for label in FUNDING_SOURCES.values()), _("Not stated")]
    total = f"SUM(B{start}:B{start + len(sources) - 1})"
    for source in sources:
        n = line.number + 1
        line.add([source, line.sumif(EUR, FUNDING, f"A{n}"),
                  Formula(f"=IF({total}=0,0,B{n}/{total})")])
    line.add([_("Total"), Formula(f"={total}")], bold=True)
    own = start + list(FUNDING_SOURCES).index("own_funds")
    line.add([_("Own contribution"), Formula(f"=B{own}"),
              Formula(f"=IF({total}=0,0,B{own}/{total})")], bold=True)


class _Lines:
    """Appends the summary's lines, knowing their numbers and the expenses sheet's ranges."""

    KINDS = ("text", "eur", "eur", "eur")

    def __init__(self, ws: WriteOnlyWorksheet, expenses: str, count: int) -> None:
        self.ws, self.expenses, self.count, self.number = ws, expenses, count, 0

    def sumif(self, summed: int, matched: int, cell: str) -> Formula:
        return Formula(f"=SUMIF({_ref(self.expenses, matched, self.count)},{cell},"
                       f"{_ref(self.expenses, summed, self.count)})")

    def add(self, values: list[Any], *, bold: bool = False) -> None:
        kinds = [*self.KINDS]
        if len(values) == 3 and isinstance(values[2], Formula) and "IF(" in values[2]:
            kinds[2] = "percent"
        self.ws.append([cell_maker(self.ws, kind, bold=bold)(value)
                        for kind, value in zip(kinds, values, strict=False)])
        self.number += 1


def _ref(sheet: str, column: int, count: int) -> str:
    col = letter(column)
    quoted = sheet.replace("'", "''")
    return f"'{quoted}'!${col}$2:${col}${max(count, 1) + 1}"
