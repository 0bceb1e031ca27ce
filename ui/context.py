"""What every screen receives in its constructor: the open database and the change signal.

No singletons and no global main window (Anki's lesson): ``main.py`` builds
one ``Context`` and passes it down. After a write, a screen calls
``ctx.changed(table)`` and every page showing that table refreshes.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal

if TYPE_CHECKING:
    from pathlib import Path

    from sqlite_utils import Database


class Events(QObject):
    """Announces which kind of record changed, so that screens refresh."""

    data_changed = Signal(str)
    notify = Signal(str, object)  # message, optional undo callable


@dataclass
class Context:
    db: Database
    db_path: Path
    backup_dir: Path
    events: Events = field(default_factory=Events)
    today_override: date | None = None  # tests and screenshots pin the date

    @property
    def today(self) -> date:
        return self.today_override or date.today()

    def changed(self, table: str) -> None:
        self.events.data_changed.emit(table)

    def backup_folder(self) -> Path:
        """The backup folder as the settings say now (one may be chosen after opening)."""
        from core import settings

        return settings.backup_dir(self.db, self.backup_dir)
