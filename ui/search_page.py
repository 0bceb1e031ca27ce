"""Results of the global search, grouped by kind of record, best matches first."""

from __future__ import annotations

import html
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QLabel, QTreeWidget, QTreeWidgetItem, QVBoxLayout, QWidget

from core import search
from core.i18n import _, ngettext
from core.spec import SPECS

if TYPE_CHECKING:
    from ui.context import Context

HIGHLIGHT = "background: #fff1a8; font-weight: 600;"
# Journal-entry-partnership links and the like are not searched on their own.
GROUP_TITLES = {table: spec.label for table, spec in SPECS.items()}


class SearchPage(QWidget):
    open_record = Signal(str, int)

    def __init__(self, ctx: Context, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.text = ""
        self.heading = QLabel(objectName="pageTitle")
        self.tree = QTreeWidget()
        self.tree.setHeaderLabels([_("Found"), _("Context")])
        self.tree.setColumnWidth(0, 360)
        self.tree.setAlternatingRowColors(True)
        self.tree.itemActivated.connect(self._activated)
        self.tree.itemDoubleClicked.connect(self._activated)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 18, 24, 12)
        layout.addWidget(self.heading)
        layout.addWidget(self.tree)

    def search(self, text: str) -> None:
        self.text = text
        found = search.search_all(self.ctx.db, text)
        self.tree.clear()
        total = sum(len(rows) for rows in found.values())
        self.heading.setText(ngettext("{n} result for «{text}»", "{n} results for «{text}»",
                                      total).format(n=total, text=text))
        for table, rows in found.items():
            group = QTreeWidgetItem([f"{_(GROUP_TITLES[table])} ({len(rows)})"])
            font = group.font(0)
            font.setBold(True)
            group.setFont(0, font)
            self.tree.addTopLevelItem(group)
            for row in rows:
                snippet = row["snippet"].replace("\n", " ")
                item = QTreeWidgetItem([row["title"], ""])
                item.setData(0, Qt.ItemDataRole.UserRole, (table, row["id"]))
                item.setToolTip(0, row["title"])
                item.setToolTip(1, plain(snippet))
                group.addChild(item)
                self.tree.setItemWidget(item, 1, highlighted_label(snippet))
            group.setExpanded(True)
        first = self.tree.topLevelItem(0)
        if first is not None and first.childCount():
            self.tree.setCurrentItem(first.child(0))

    def refresh(self) -> None:
        if self.text:
            self.search(self.text)

    def _activated(self, item: QTreeWidgetItem, _column: int = 0) -> None:
        target = item.data(0, Qt.ItemDataRole.UserRole)
        if target:
            self.open_record.emit(*target)


def plain(snippet: str) -> str:
    """The snippet as text, without the match marks."""
    return snippet.replace(search.MARKS[0], "").replace(search.MARKS[1], "")


def highlighted_label(snippet: str) -> QLabel:
    """The snippet with each match highlighted (the text itself escaped: it is the user's)."""
    start, end = search.MARKS
    text = html.escape(snippet).replace(start, f'<span style="{HIGHLIGHT}">').replace(
        end, "</span>")
    label = QLabel(text)
    label.setTextFormat(Qt.TextFormat.RichText)
    label.setObjectName("searchSnippet")
    label.setStyleSheet("background: transparent;")  # the row's selection shows through
    label.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)  # clicks reach the row
    return label
