"""Each list filter says what it filters: no row of combos all reading «Tous».

The Missions list showed two filters both reading «Tous» and nothing else;
now a filter whose first entry is «All» has a label beside it, named after
its column, and every other filter's first entry names what it filters.
"""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtWidgets import QLabel

from core import i18n
from core.listing import LISTINGS
from ui.list_page import ListPage


@pytest.mark.parametrize("table", list(LISTINGS))
def test_every_filter_says_what_it_filters(qtbot: Any, ctx: Any, table: str) -> None:
    i18n.set_language("fr")
    try:
        page = ListPage(ctx, table, table)
        qtbot.addWidget(page)
        buddies = {label.buddy(): label.text() for label in page.findChildren(QLabel)
                   if label.buddy() is not None}
        seen: list[str] = []
        for box in page.filter_boxes.values():
            said = buddies.get(box, "") + box.itemText(0)
            assert said != "Tous" and said not in seen, (table, said)
            seen.append(said)
    finally:
        i18n.set_language("en")


def test_the_missions_filters_are_named(qtbot: Any, ctx: Any) -> None:
    i18n.set_language("fr")
    try:
        page = ListPage(ctx, "missions", "Missions")
        qtbot.addWidget(page)
        texts = {label.text() for label in page.findChildren(QLabel) if label.buddy()}
    finally:
        i18n.set_language("en")
    assert {"Statut :", "Sens :"} <= texts or {"Statut :", "Direction :"} <= texts, texts
