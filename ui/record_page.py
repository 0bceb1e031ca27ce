"""What the partnership page and the mission page share: a long scrolling page for one record.

A title bar that stays in view (name, status, Edit, Delete), the page body
in a scroll area, and a cheap refresh: a change announced on
``ctx.events.data_changed`` reloads the page once, at the next turn of the
event loop, and only when it is on screen (a hidden page reloads when shown).
"""

from __future__ import annotations

from itertools import pairwise
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QFont, QResizeEvent, QShowEvent
from PySide6.QtWidgets import (
    QBoxLayout,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLayout,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from core import records
from core.errors import NotFound
from core.i18n import _
from ui.sections import Badge, Section

if TYPE_CHECKING:
    from ui.context import Context


def widgets_of(layout: QLayout) -> list[QWidget | None]:
    """The widgets of a layout, in order."""
    items = (layout.itemAt(index) for index in range(layout.count()))
    return [item.widget() if item is not None else None for item in items]


TITLE_MIN_WIDTH = 320  # pixels the title keeps beside the buttons before they move below


class TitleLabel(QLabel):
    """A record's name as the page title: two lines at most, the whole name in the tooltip.

    A name pasted whole (300 characters, from an old file or an import) must not push
    the page's content under a title that fills the screen.
    """

    LINES = 2

    def __init__(self) -> None:
        super().__init__()
        self.full = ""

    def setText(self, text: str) -> None:
        self.full = text
        self._elide()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._elide()

    def _elide(self) -> None:
        """As much of the name as two lines of this width hold (a word may wrap early)."""
        metrics = self.fontMetrics()
        room = max(self.width(), 200) * self.LINES - metrics.averageCharWidth() * 8
        shown = metrics.elidedText(self.full, Qt.TextElideMode.ElideRight, room)
        if shown != self.text():
            super().setText(shown)
        self.setToolTip(self.full if shown != self.full else "")

class RecordPage(QWidget):
    """Base of a record page; subclasses fill ``content`` and implement ``load``."""

    open_record = Signal(str, int)
    closed = Signal()

    TABLE = ""
    WATCHED: frozenset[str] = frozenset()

    def __init__(self, ctx: Context, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.record_id: int | None = None
        self._stale = False
        self._pending = False
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.setSpacing(0)
        outer.addWidget(self._title_bar())
        self.scroll_area = QScrollArea()
        self.scroll_area.setWidgetResizable(True)
        self.scroll_area.setFrameShape(QFrame.Shape.NoFrame)
        self.inner = QWidget()
        self.inner.setObjectName("recordPage")
        self.content = QVBoxLayout(self.inner)
        self.content.setContentsMargins(16, 12, 16, 16)
        self.content.setSpacing(12)
        self.scroll_area.setWidget(self.inner)
        outer.addWidget(self.scroll_area, 1)
        ctx.events.data_changed.connect(self._on_data_changed)

    def _title_bar(self) -> QWidget:
        bar = QWidget()
        bar.setObjectName("recordTitleBar")
        bar.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        bar.setStyleSheet("QWidget#recordTitleBar { border-bottom: 1px solid palette(mid); }")
        # Title and buttons side by side; the buttons go under the title when the window
        # is too narrow for both (see _fit_title_bar), rather than being cut off.
        self.title_row = row = QBoxLayout(QBoxLayout.Direction.LeftToRight, bar)
        row.setContentsMargins(16, 10, 16, 10)
        head = QHBoxLayout()
        self.title = TitleLabel()
        self.title.setTextFormat(Qt.TextFormat.PlainText)
        self.title.setWordWrap(True)
        self.title.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        font = self.title.font()
        font.setPointSizeF(font.pointSizeF() * 1.6)
        font.setWeight(QFont.Weight.Bold)
        self.title.setFont(font)
        head.addWidget(self.title, 1)
        self.badge = Badge()
        head.addWidget(self.badge, 0, Qt.AlignmentFlag.AlignVCenter)
        head.addSpacing(12)
        row.addLayout(head, 1)
        self.bar_buttons = QHBoxLayout()
        self.bar_buttons.setSpacing(6)
        row.addLayout(self.bar_buttons)
        row.setAlignment(self.bar_buttons, Qt.AlignmentFlag.AlignRight)
        self.title_bar = bar
        self.edit_button = self.add_bar_button(_("&Edit…"), self.edit_self)
        self.delete_button = self.add_bar_button(_("&Delete…"), self.delete_self)
        return bar

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._fit_title_bar()

    def _fit_title_bar(self) -> None:
        """Buttons beside the title when there is room for both, else on a line below."""
        buttons = self.bar_buttons.sizeHint().width()
        room = self.width() - 32 - self.badge.sizeHint().width() - 12
        wide = room - buttons >= TITLE_MIN_WIDTH
        wanted = QBoxLayout.Direction.LeftToRight if wide else QBoxLayout.Direction.TopToBottom
        if self.title_row.direction() != wanted:
            self.title_row.setDirection(wanted)

    def add_bar_button(self, text: str, slot: Any) -> QPushButton:
        button = QPushButton(text)
        button.clicked.connect(lambda: slot())
        self.bar_buttons.addWidget(button)
        return button

    def add_section(self, section: Section) -> Section:
        self.content.addWidget(section)
        return section

    def set_tab_order(self) -> None:
        """Top to bottom as the page reads: the title bar, then each section's buttons and table."""
        chain = widgets_of(self.bar_buttons)
        for section in widgets_of(self.content):
            if isinstance(section, Section):
                chain += [*widgets_of(section.buttons), getattr(section, "table", None)]
        widgets = [widget for widget in chain if widget is not None]
        for first, second in pairwise(widgets):
            QWidget.setTabOrder(first, second)

    # --- showing ------------------------------------------------------------

    def show_record(self, record_id: int) -> None:
        self.record_id = record_id
        self.refresh()
        self.scroll_area.verticalScrollBar().setValue(0)

    def refresh(self) -> None:
        self._pending = self._stale = False
        if self.record_id is None:
            return
        try:
            self.load(self.record_id)
        except NotFound:  # deleted elsewhere: nothing left to show
            self.record_id = None
            self.closed.emit()

    def load(self, record_id: int) -> None:
        raise NotImplementedError

    def _on_data_changed(self, table: str) -> None:
        if self.record_id is None or (self.WATCHED and table not in self.WATCHED):
            return
        if not self.isVisible():
            self._stale = True
        elif not self._pending:
            self._pending = True
            QTimer.singleShot(0, self.refresh)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._stale:
            self.refresh()

    # --- acting -------------------------------------------------------------

    def edit(
        self, table: str, record_id: int | None = None, defaults: dict[str, Any] | None = None
    ) -> int | None:
        """Open the form of any record; the page reloads when something was saved."""
        from ui.forms.record_dialog import edit_record

        saved = edit_record(self, self.ctx, table, record_id, defaults)
        if saved is not None:
            self._on_data_changed(table)
        return saved

    def edit_self(self) -> None:
        if self.record_id is not None:
            self.edit(self.TABLE, self.record_id)

    def delete_self(self) -> None:
        from ui.forms.record_dialog import confirm_delete

        if self.record_id is None:
            return
        if confirm_delete(self, self.ctx, self.TABLE, self.record_id) is not None:
            self.record_id = None
            self.closed.emit()

    def remove_with_undo(self, table: str, row_id: int, message: str) -> None:
        """Move a link row to the trash and offer to bring it back."""
        trash_id = records.delete(self.ctx.db, table, row_id)

        def undo() -> None:
            records.restore(self.ctx.db, trash_id)
            self.ctx.changed(table)

        self.ctx.changed(table)
        self.ctx.events.notify.emit(message, undo)
