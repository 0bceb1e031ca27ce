"""Search results highlight what was found instead of wrapping it in [brackets]."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QLabel

from core import records
from ui.search_page import SearchPage


def snippets(page: SearchPage) -> list[QLabel]:
    tree, found = page.tree, []
    for n in range(tree.topLevelItemCount()):
        group = tree.topLevelItem(n)
        for c in range(group.childCount()):
            widget = tree.itemWidget(group.child(c), 1)
            if isinstance(widget, QLabel):
                found.append(widget)
    return found


def test_matches_are_highlighted_not_bracketed(qtbot: Any, ctx: Any) -> None:
    page = SearchPage(ctx)
    qtbot.addWidget(page)
    page.search("Marsassoum")
    labels = snippets(page)
    assert labels
    assert not any("[Marsassoum]" in label.text() for label in labels)
    assert any('background: #fff1a8; font-weight: 600;">Marsassoum</span>' in label.text()
               for label in labels)
    group = page.tree.topLevelItem(0)
    assert "Marsassoum" in group.child(0).toolTip(1) or "Marsassoum" in group.child(0).text(0)


def test_what_people_typed_is_shown_as_text(qtbot: Any, ctx: Any) -> None:
    records.create(ctx.db, "organisations",
                   {"name": "Zorgnet", "notes": "Budget <b>eau</b> & Zorgnet ok"})
    page = SearchPage(ctx)
    qtbot.addWidget(page)
    page.search("Zorgnet")
    texts = [label.text() for label in snippets(page)]
    assert any("&lt;b&gt;eau&lt;/b&gt; &amp;" in text for text in texts), texts
