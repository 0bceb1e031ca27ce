"""The "Budget and actuals" section of a partnership page: one block per year, newest first.

For each year the successor sees what was planned against what was really
spent or received, by category, and who co-financed it: the questions a
municipal council and a funder's report ask. Amounts are in euros; foreign
spending counts through its EUR equivalent.
"""

from __future__ import annotations

from decimal import Decimal
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QHBoxLayout, QLabel, QVBoxLayout, QWidget

from core import finance, fmt
from core.fmt import choice
from core.i18n import _
from core.spec import CATEGORIES
from ui.sections import Col, CompactTable, Line, Section, text_label

if TYPE_CHECKING:
    from sqlite_utils import Database

Row = dict[str, Any]


def _eur(amount: Decimal) -> str:
    return fmt.money(amount, "EUR")


def category_lines(rows: list[Row]) -> list[Line]:
    """Expenses then income, each kind closed by a bold total."""
    lines: list[Line] = []
    for kind, total_label in (("expense", _("Total expenses")), ("income", _("Total income"))):
        of_kind = [r for r in rows if r["kind"] == kind]
        if not of_kind:
            continue
        for row in of_kind:
            label = choice(CATEGORIES, row["category"])
            lines.append(Line(None, [label, _eur(row["planned"]), _eur(row["actual"])]))
        planned = sum((r["planned"] for r in of_kind), Decimal(0))
        actual = sum((r["actual"] for r in of_kind), Decimal(0))
        lines.append(Line(None, [total_label, _eur(planned), _eur(actual)], bold=True))
    return lines


def funder_lines(rows: list[Row]) -> list[Line]:
    """Income by source: the funder's name, else the kind of income (own funds, in kind)."""
    return [
        Line(
            None,
            [
                row["funder"] or choice(CATEGORIES, row["category"]),
                _eur(row["planned"]),
                _eur(row["received"]),
            ],
        )
        for row in rows
    ]


def _money_table(first: Col, planned: str, actual: str, lines: list[Line]) -> CompactTable:
    table = CompactTable([first, Col(planned, numeric=True), Col(actual, numeric=True)])
    table.set_lines(lines)
    return table


class YearBlock(QWidget):
    """One year: planned and actual by category, beside the income by funder."""

    def __init__(self, year: int, by_category: list[Row], by_funder: list[Row]) -> None:
        super().__init__()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 4, 0, 4)
        heading = QLabel(str(year))  # a year, not a number: no thousands separator
        font = heading.font()
        font.setWeight(QFont.Weight.DemiBold)
        heading.setFont(font)
        layout.addWidget(heading)
        row = QHBoxLayout()
        row.setSpacing(12)
        self.categories = _money_table(
            Col(_("Category"), stretch=True),
            _("Planned"),
            _("Actual"),
            category_lines(by_category),
        )
        row.addWidget(self.categories, 1, Qt.AlignmentFlag.AlignTop)
        self.funders = _money_table(
            Col(_("Income by funder"), wrap=True),
            _("Planned"),
            _("Received"),
            funder_lines(by_funder),
        )
        row.addWidget(self.funders, 1, Qt.AlignmentFlag.AlignTop)
        self.funders.setVisible(bool(by_funder))
        if not by_funder:
            row.addStretch(1)
        layout.addLayout(row)


class BudgetSection(Section):
    """Every year with a budget line or a transaction for the partnership."""

    def __init__(self, title: str, empty_text: str, parent: QWidget | None = None) -> None:
        super().__init__(title, parent)
        self.note = text_label(_("In euros; foreign amounts count at the rate used."), muted=True)
        self.empty = text_label(empty_text, muted=True)
        self.body.addWidget(self.note)
        self.body.addWidget(self.empty)
        self.blocks: list[YearBlock] = []

    def load(self, db: Database, partnership_id: int) -> None:
        for block in self.blocks:
            self.body.removeWidget(block)
            block.deleteLater()
        years = sorted(finance.partnership_years(db, partnership_id), reverse=True)
        self.blocks = [
            YearBlock(
                year,
                finance.by_category(db, year, partnership_id),
                finance.cofinancing(db, year, partnership_id),
            )
            for year in years
        ]
        for block in self.blocks:
            self.body.addWidget(block)
        self.empty.setVisible(not years)
        self.note.setVisible(bool(years))
