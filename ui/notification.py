"""A slim bar under the top bar: "moved to the trash — Undo", then it goes away by itself."""

from __future__ import annotations

from collections.abc import Callable
from typing import NamedTuple

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton

from core.i18n import _


class BarAction(NamedTuple):
    """A button other than Undo in the bar ("Open" after a file is saved); not on Ctrl+Z."""

    label: str
    run: Callable[[], object]


class UndoAction(NamedTuple):
    """An undo whose button says what it takes back («Undo the import of 12 contacts»)."""

    label: str
    run: Callable[[], object]


class NotificationBar(QFrame):
    SHOWN_MS = 12000

    def __init__(self) -> None:
        super().__init__(objectName="notification")
        self.label = QLabel()
        self.undo_button = QPushButton(_("&Undo"))
        self.undo_button.clicked.connect(self._clicked)
        close = QPushButton("×", objectName="flat")
        close.setToolTip(_("Close"))
        close.clicked.connect(self.hide)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(16, 6, 8, 6)
        layout.addWidget(self.label, 1)
        layout.addWidget(self.undo_button)
        layout.addWidget(close)
        self._undo_action: Callable[[], object] | None = None
        self._other_action: BarAction | None = None
        self._timer = QTimer(self, singleShot=True, interval=self.SHOWN_MS)
        self._timer.timeout.connect(self.hide)
        self.hide()

    def show_message(
        self, message: str, undo: Callable[[], object] | BarAction | UndoAction | None = None
    ) -> None:
        """Show ``message`` with an Undo button (a callable, or an UndoAction that names what
        it undoes) or another button (a BarAction)."""
        self.label.setText(message)
        self._other_action = undo if isinstance(undo, BarAction) else None
        if isinstance(undo, UndoAction):
            self._undo_action = undo.run
        else:
            self._undo_action = None if isinstance(undo, BarAction) else undo
        named = isinstance(undo, BarAction | UndoAction)
        self.undo_button.setText(undo.label if named else _("&Undo"))  # type: ignore[union-attr]
        self.undo_button.setVisible(undo is not None)
        self.show()
        self._timer.start()

    def _clicked(self) -> None:
        if self._other_action is not None:
            action, self._other_action = self._other_action, None
            self.hide()
            action.run()
        else:
            self.undo()

    def undo(self) -> None:
        """Take back the last deletion or import shown in the bar (also Ctrl+Z)."""
        if not self.isVisible() or self._undo_action is None:
            return
        action, self._undo_action = self._undo_action, None
        self.hide()
        if action is not None:
            action()
