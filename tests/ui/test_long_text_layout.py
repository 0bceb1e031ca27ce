"""Layouts that hold with real text: a 300-character name, dates and amounts after a save.

A partnership name pasted whole (written before forms had limits, or by
another tool) made the dashboard's «Active partnerships» card lose its
other columns; a list built while empty kept its date and amount columns
too narrow after the first records were saved. Widths are measured against
the texts they must show, in French and in Dutch.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any

import pytest
from PySide6.QtWidgets import QTreeWidget

from core import fmt, i18n, records
from ui.dashboard_page import DashboardPage
from ui.list_page import ListPage

LONG = ("Partenariat de coopération décentralisée entre la commune d'Anderlecht et la commune "
        "de Marsassoum pour l'eau, l'assainissement, la jeunesse et la culture ") * 3


def header_fits(tree: QTreeWidget, column: int) -> bool:
    text = tree.headerItem().text(column)
    return tree.columnWidth(column) >= tree.fontMetrics().horizontalAdvance(text)


def test_a_300_character_name_keeps_the_active_partnerships_columns(qtbot: Any, ctx: Any) -> None:
    active = records.list_records(ctx.db, "partnerships", filters={"status": "active"})[0]
    ctx.db.execute("UPDATE partnerships SET name = ? WHERE id = ?", [LONG[:300], active["id"]])
    page = DashboardPage(ctx)
    qtbot.addWidget(page)
    page.resize(1280, 760)
    page.show()
    qtbot.waitExposed(page)
    page.refresh()

    tree = page.partnerships
    room = tree.viewport().width()
    widths = [tree.columnWidth(c) for c in range(tree.columnCount())]
    assert sum(widths) <= room + 2, widths  # nothing pushed out of the card
    for column in range(tree.columnCount()):
        assert header_fits(tree, column), (column, widths)
    # The country and the expiry date are whole; the long name is elided, whole in its tooltip.
    for n in range(tree.topLevelItemCount()):
        item = tree.topLevelItem(n)
        for column in (1, 3):
            needed = tree.fontMetrics().horizontalAdvance(item.text(column))
            assert tree.columnWidth(column) >= needed, (item.text(column), widths)
    long_items = [tree.topLevelItem(n) for n in range(tree.topLevelItemCount())
                  if tree.topLevelItem(n).text(0) == LONG[:300]]
    assert long_items and long_items[0].toolTip(0) == LONG[:300]


@pytest.mark.parametrize("lang", ["fr", "nl"])
def test_dates_and_amounts_get_their_width_after_a_save(
    qtbot: Any, empty_ctx: Any, lang: str
) -> None:
    i18n.set_language(lang)
    try:
        page = ListPage(empty_ctx, "transactions", "Transactions")
        qtbot.addWidget(page)
        page.resize(1280, 700)
        page.show()
        qtbot.waitExposed(page)
        partnership = records.create(empty_ctx.db, "partnerships", {"name": "Anderlecht – Kayes"})
        records.create(empty_ctx.db, "transactions", {
            "date": "2026-12-07", "partnership_id": partnership, "kind": "expense",
            "category": "travel", "label": "Billets", "amount": Decimal("1250000"),
            "currency": "XOF"})
        empty_ctx.changed("transactions")  # what a form does after saving
        qtbot.waitUntil(lambda: page.model.rowCount() == 1)

        model, view = page.model, page.view
        metrics = view.fontMetrics()
        for column, definition in enumerate(model.columns):
            if view.isColumnHidden(column) or definition.type not in ("date", "money", "eur"):
                continue
            text = model.index(0, column).data()
            assert view.columnWidth(column) >= metrics.horizontalAdvance(text) + 8, (
                definition.key, text, view.columnWidth(column))
    finally:
        i18n.set_language("en")
    assert fmt.date("2026-12-07")  # the date the list shows is a real, formatted one


def test_at_the_smallest_window_a_short_choice_stays_whole_in_dutch(qtbot: Any, ctx: Any) -> None:
    i18n.set_language("nl")
    try:
        page = ListPage(ctx, "transactions", "Verrichtingen")
        qtbot.addWidget(page)
        page.resize(740, 520)  # the list's share of the smallest window (960 × 600)
        page.show()
        qtbot.waitExposed(page)
        page.apply_query()
        kind = next(n for n, c in enumerate(page.model.columns) if c.key == "kind")
        texts = {page.model.index(r, kind).data() for r in range(page.model.rowCount())}
        widest = max(page.view.fontMetrics().horizontalAdvance(t) for t in texts)
    finally:
        i18n.set_language("en")
    assert "Ontvangst" in texts
    assert page.view.columnWidth(kind) >= widest + 8, (page.view.columnWidth(kind), widest)


def test_a_300_character_name_does_not_fill_the_page_header(qtbot: Any, ctx: Any) -> None:
    from ui.partnership_page import PartnershipPage

    pid = records.list_records(ctx.db, "partnerships")[0]["id"]
    ctx.db.execute("UPDATE partnerships SET name = ? WHERE id = ?", [LONG[:300], pid])
    page = PartnershipPage(ctx)
    qtbot.addWidget(page)
    page.resize(760, 560)  # the page's share of the smallest window
    page.show()
    qtbot.waitExposed(page)
    page.show_record(pid)
    qtbot.wait(50)

    title = page.title
    assert title.toolTip() == LONG[:300] and title.text().endswith("…")
    lines = title.height() / title.fontMetrics().lineSpacing()
    assert lines <= 3.5, lines  # the header leaves the page its room
