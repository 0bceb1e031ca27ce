"""A date field that may stay empty, typed the French way or picked on a calendar.

QDateEdit always holds a date, but many dates here are unknown for a while
(an agreement not signed yet). People type "6/3/2023" or "6 mars 2023":
``core.parse.parse_date`` reads it, the field then shows it as
``core.fmt.date`` writes it, and ``value()`` gives the ISO string or None.
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QDate, QLocale, QPoint, Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QCalendarWidget, QFrame, QLineEdit, QToolButton, QVBoxLayout, QWidget

from core import fmt
from core.errors import ValidationError
from core.i18n import _, current_language
from core.parse import parse_date
from ui.forms.base import Editor

if TYPE_CHECKING:
    from core.spec import Field


class CalendarPopup(QFrame):
    """A month calendar that closes as soon as a day is chosen (or on Esc / a click away)."""

    picked = Signal(object)  # datetime.date

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent, Qt.WindowType.Popup)
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.calendar = QCalendarWidget(self)
        self.calendar.setLocale(QLocale(current_language()))
        self.calendar.setFirstDayOfWeek(Qt.DayOfWeek.Monday)
        self.calendar.setGridVisible(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(2, 2, 2, 2)
        layout.addWidget(self.calendar)
        self.calendar.clicked.connect(self._pick)
        self.calendar.activated.connect(self._pick)

    def open_at(self, where: QPoint, day: dt.date) -> None:
        self.calendar.setSelectedDate(QDate(day.year, day.month, day.day))
        self.move(where)
        self.show()
        self.calendar.setFocus()

    def _pick(self, day: QDate) -> None:
        self.hide()
        self.picked.emit(dt.date(day.year(), day.month(), day.day()))


class DateEdit(Editor):
    """Typed or picked date; ``value()`` is "YYYY-MM-DD" or None."""

    def __init__(self, field: Field, today: dt.date, parent: QWidget | None = None) -> None:
        super().__init__(field, parent)
        self.today = today
        self.edit = self.wrap(QLineEdit())
        self.edit.setPlaceholderText(_("e.g. 6/3/2023"))
        self.edit.setToolTip(_("Type the date, or press Alt+Down for a calendar."))
        self.button = self._calendar_button()
        self.row.addWidget(self.button)
        self.popup: CalendarPopup | None = None
        self.edit.textEdited.connect(self.changed)
        self.edit.editingFinished.connect(self._tidy)
        opener = QShortcut(QKeySequence("Alt+Down"), self.edit)
        opener.setContext(Qt.ShortcutContext.WidgetShortcut)
        opener.activated.connect(self.open_calendar)

    def _calendar_button(self) -> QToolButton:
        button = QToolButton()
        button.setText("▾")
        button.setToolTip(_("Choose on a calendar"))
        button.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # Alt+Down does it from the keyboard
        button.clicked.connect(self.open_calendar)
        return button

    def open_calendar(self) -> None:
        if self.popup is None:
            self.popup = CalendarPopup(self)
            self.popup.picked.connect(self._picked)
        try:
            start = self._parsed() or self.today
        except ValidationError:
            start = self.today
        self.popup.open_at(self.edit.mapToGlobal(QPoint(0, self.edit.height())), start)

    def _picked(self, day: dt.date) -> None:
        self.edit.setText(fmt.date(day))
        self.edit.setFocus()
        self.changed.emit()

    def _parsed(self) -> dt.date | None:
        text = self.edit.text().strip()
        return parse_date(text) if text else None

    def _tidy(self) -> None:
        """Show a readable date the way the rest of the app writes it."""
        try:
            day = self._parsed()
        except ValidationError:
            return  # left as typed; the dialog says what is wrong when saving
        if day is not None:
            self.edit.setText(fmt.date(day))

    def value(self) -> str | None:
        try:
            day = self._parsed()
        except ValidationError as error:
            raise self.error(str(error)) from None
        return day.isoformat() if day else None

    def set_value(self, value: Any) -> None:
        self.edit.setText(fmt.date(value) if value else "")
