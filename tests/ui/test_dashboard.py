"""The dashboard as the officer meets it on Monday morning (the demo, today = 23 November 2026).

What is alive, what is late (in red), what money came and went this year;
a double-click opens the record; a new transaction shows without a restart.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QTreeWidget, QTreeWidgetItem

from core import dashboard, finance, records
from ui.context import Context
from ui.dashboard_page import OVERDUE, DashboardPage

YEAR = 2026


@pytest.fixture
def page(ctx: Context, qtbot: Any) -> DashboardPage:
    widget = DashboardPage(ctx)
    qtbot.addWidget(widget)
    widget.resize(1080, 760)
    return widget


def row(tree: QTreeWidget, n: int) -> QTreeWidgetItem:
    item = tree.topLevelItem(n)
    assert item is not None
    return item


def column(tree: QTreeWidget, col: int) -> list[str]:
    return [row(tree, n).text(col) for n in range(tree.topLevelItemCount())]


def plain(text: str) -> str:
    """Babel's French uses (narrow) no-break spaces; compare with ordinary ones."""
    return text.replace("\u202f", " ").replace("\xa0", " ")


def test_shows_the_active_partnerships_with_their_country(page: DashboardPage, french: None,
                                                          ctx: Context) -> None:
    page.refresh()
    names = column(page.partnerships, 0)
    assert names == [row["name"] for row in dashboard.active_partnerships(ctx.db)]
    assert "Anderlecht – Marsassoum" in names and "Saint-Omer – Lalo" in names
    assert row(page.partnerships, names.index("Anderlecht – Marsassoum")).text(1) == "Sénégal"
    assert page.figure_partnerships.value.text() == str(len(names))


def test_an_agreement_expiring_within_six_months_stands_out(page: DashboardPage) -> None:
    names = column(page.partnerships, 0)
    soon = row(page.partnerships, names.index("Anderlecht – Marsassoum"))  # 22 Jan 2027
    later = row(page.partnerships, names.index("Saint-Omer – Lalo"))  # Oct 2028
    assert soon.font(3).bold() and not later.font(3).bold()
    assert soon.toolTip(3)


def test_overdue_deadlines_come_first_in_red(page: DashboardPage, ctx: Context) -> None:
    overdue = dashboard.overdue_deadlines(ctx.db, ctx.today)
    coming = dashboard.coming_deadlines(ctx.db, ctx.today)
    assert len(overdue) == 4 and coming
    tree = page.deadlines
    assert tree.topLevelItemCount() == len(overdue) + len(coming)
    for n in range(tree.topLevelItemCount()):
        item = row(tree, n)
        red = item.foreground(1).color() == OVERDUE
        assert red == (n < len(overdue)), item.text(1)
    assert "late" in row(tree, 0).text(2)
    assert page.figure_overdue.value.text() == "4"


def test_the_budget_chart_has_one_category_per_partnership_with_money(
        page: DashboardPage, ctx: Context) -> None:
    summary = finance.year_summary(ctx.db, YEAR)
    chart = page.budget_chart
    assert chart.categories == [row["name"] for row in summary]
    assert len(chart.categories) == 6
    assert [name for name, _colour, _values in chart.series] == ["Planned expenses", "Spent",
                                                                 "Received"]
    spent = dict(zip(chart.categories, chart.series[1][2], strict=True))
    assert spent["Anderlecht – Marsassoum"] == Decimal("67272.90")
    assert chart.sizeHint().height() > 0 and page.budget_title.text() == "Budget 2026"


def test_cofinancing_splits_received_income_by_funder(page: DashboardPage, ctx: Context) -> None:
    received = sum((row["received"] for row in finance.cofinancing(ctx.db, YEAR)), Decimal(0))
    assert page.share_chart.total() == received
    names = [item[0] for item in page.share_chart.items]
    assert any(name.startswith("Brulocalis") for name in names)
    assert "Own funds" in names  # the town's own money is not a grant from the town


def test_activating_a_mission_opens_it(page: DashboardPage, qtbot: Any) -> None:
    page.show()
    tree = page.missions
    item = row(tree, 0)
    rect = tree.visualItemRect(item)
    qtbot.mouseClick(tree.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    with qtbot.waitSignal(page.open_record) as signal:
        qtbot.mouseDClick(tree.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert signal.args == ["missions", 5]
    with qtbot.waitSignal(page.open_record) as signal:  # or Enter on the selected row
        qtbot.keyClick(tree, Qt.Key.Key_Return)
    assert signal.args == ["missions", 5]


def first_bar_of(widget: Any, colour: QColor) -> QPoint:
    """The middle of the first long run of ``colour``, top to bottom: a bar, not the legend's
    small swatch. Found in the drawn pixels, as a person finds it on screen."""
    image = widget.grab().toImage()
    ratio = image.devicePixelRatio()
    for y in range(image.height()):
        xs = [x for x in range(image.width()) if image.pixelColor(x, y).rgb() == colour.rgb()]
        if len(xs) > 20 * ratio:
            return QPoint(int((xs[0] + xs[-1]) / 2 / ratio), int(y / ratio) + 2)
    raise AssertionError("no bar of that colour is drawn")


def test_activating_a_deadline_or_a_chart_bar_opens_it(page: DashboardPage, qtbot: Any,
                                                       ctx: Context) -> None:
    page.show()
    qtbot.waitExposed(page)
    tree = page.deadlines
    where = tree.visualItemRect(row(tree, 0)).center()
    qtbot.mouseClick(tree.viewport(), Qt.MouseButton.LeftButton, pos=where)
    with qtbot.waitSignal(page.open_record) as signal:
        qtbot.mouseDClick(tree.viewport(), Qt.MouseButton.LeftButton, pos=where)
    assert signal.args == ["deadlines", 3]

    chart = page.budget_chart
    first_bar = first_bar_of(chart, chart.series[0][1])  # the top group's first bar
    with qtbot.waitSignal(page.open_record) as signal:
        qtbot.mouseDClick(chart, Qt.MouseButton.LeftButton, pos=first_bar)
    top = [p["id"] for p in records.list_records(ctx.db, "partnerships")
           if p["name"] == chart.categories[0]]
    assert signal.args == ["partnerships", *top] and top == [1]


def new_expense(ctx: Context, amount: str) -> None:
    records.create(ctx.db, "transactions", {
        "date": "2026-11-20", "partnership_id": 1, "kind": "expense", "category": "travel",
        "label": "Billets d'avion Bruxelles – Dakar", "amount": Decimal(amount),
        "currency": "EUR"})
    ctx.changed("transactions")


def test_a_new_transaction_updates_the_totals(page: DashboardPage, ctx: Context,
                                              qtbot: Any, french: None) -> None:
    page.show()
    page.refresh()
    assert plain(page.figure_budget.value.text()) == "134 571,40 €"
    new_expense(ctx, "1000.00")
    qtbot.waitUntil(lambda: plain(page.figure_budget.value.text()) == "135 571,40 €")
    assert page.budget_chart.series[1][2][0] == Decimal("68272.90")


def test_a_hidden_page_waits_until_it_is_shown(page: DashboardPage, ctx: Context,
                                               qtbot: Any) -> None:
    before = page.figure_budget.value.text()
    new_expense(ctx, "250.00")
    qtbot.wait(300)
    assert page.figure_budget.value.text() == before  # not on screen: no queries
    page.show()
    qtbot.waitUntil(lambda: page.figure_budget.value.text() != before)


def test_an_empty_file_shows_calm_placeholders(empty_ctx: Context, qtbot: Any) -> None:
    page = DashboardPage(empty_ctx)
    qtbot.addWidget(page)
    page.resize(1080, 760)
    page.show()
    assert page.partnerships.topLevelItemCount() == 1  # the "none yet" line
    assert not row(page.partnerships, 0).flags() & Qt.ItemFlag.ItemIsEnabled
    assert page.budget_chart.categories == [] and page.budget_chart.empty_text
    assert page.figure_overdue.value.text() == "0"
    page.grab()  # paints without error


def test_the_bar_chart_grows_with_its_categories_and_explains_a_bar(qtbot: Any) -> None:
    from PySide6.QtCore import QPoint
    from PySide6.QtGui import QColor

    from ui.charts import BarChart

    chart = BarChart()
    qtbot.addWidget(chart)
    chart.set_data(["A"], [("Spent", QColor("#1f5f8b"), [Decimal("20000")])])
    one = chart.sizeHint().height()
    long_name = "Anderlecht – Marsassoum – a partnership name far too long to fit " * 2
    chart.set_data(["A", long_name], [("Spent", QColor("#1f5f8b"),
                                       [Decimal("20000"), Decimal("1250.50")])])
    assert chart.sizeHint().height() > one
    chart.resize(300, chart.sizeHint().height())
    chart.grab()  # paints the elided name without error
    index = chart.category_at(QPoint(10, chart.sizeHint().height() - 4))
    assert index == 1
    assert "€1,250.50" in chart.tooltip_at(QPoint(10, chart.sizeHint().height() - 4))
