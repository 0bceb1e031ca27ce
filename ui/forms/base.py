"""The one shape every field editor has: ``value()``, ``set_value(v)``, ``changed``.

The record dialog handles all editors alike through this base. An editor
whose text cannot be read raises ``core.errors.ValidationError`` naming its
field, just as ``core.records`` does, so both kinds of error reach the user
the same way: in red, beside the field.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, TypeVar

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QHBoxLayout, QWidget

from core.errors import ValidationError

if TYPE_CHECKING:
    from core.spec import Field

W = TypeVar("W", bound=QWidget)
NONE_TEXT = "—"  # the "nothing chosen" entry of optional combos; not a word, not translated


class Editor(QWidget):
    """A widget that edits the value of one spec field (or a group, see ``names``)."""

    changed = Signal()

    def __init__(self, field: Field, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.field = field
        self.row = QHBoxLayout(self)
        self.row.setContentsMargins(0, 0, 0, 0)

    @property
    def names(self) -> tuple[str, ...]:
        """The spec fields this editor fills; ``value()`` is a dict when there are several."""
        return (self.field.name,)

    def wrap(self, widget: W, stretch: int = 1) -> W:
        """Add ``widget`` to the editor and let it take the focus for the editor."""
        self.row.addWidget(widget, stretch)
        if self.focusProxy() is None:
            self.setFocusProxy(widget)
        return widget

    def error(self, message: str, name: str | None = None) -> ValidationError:
        return ValidationError(message, name or self.field.name)

    def value(self) -> Any:
        raise NotImplementedError

    def set_value(self, value: Any) -> None:
        raise NotImplementedError
