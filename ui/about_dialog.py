"""Help › About: which version this is and where everything is, for the person and their helper.

When something goes wrong, the first questions are "which version?" and
"where is the file?". This dialog answers both, with the paths selectable
for copying and a button to open each folder, and carries the licences of
the fonts the app ships (their licences ask for it).
"""

from __future__ import annotations

import contextlib
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QDesktopServices, QFont
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from core import about
from core.i18n import _

if TYPE_CHECKING:
    from ui.context import Context


def open_folder(folder: Path) -> None:
    """Show ``folder`` in the system's file manager (Explorer, Finder), creating it if need be."""
    # The backup folder exists only after the first backup; if it cannot be made, the file
    # manager says what is wrong better than we could.
    with contextlib.suppress(OSError):
        folder.mkdir(parents=True, exist_ok=True)
    QDesktopServices.openUrl(QUrl.fromLocalFile(str(folder)))


class AboutDialog(QDialog):
    def __init__(self, ctx: Context, parent: QWidget | None = None) -> None:
        super().__init__(parent, objectName="aboutDialog")
        self.facts = about.facts(ctx.db_path, ctx.backup_dir)
        self.setWindowTitle(_("About Ici & Là-bas"))
        self.resize(720, 620)
        layout = QVBoxLayout(self)
        layout.addWidget(self._heading())
        layout.addWidget(self._places())
        layout.addWidget(self._licences(), 1)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    def _heading(self) -> QWidget:
        title = QLabel(_("Ici & Là-bas, version {version}").format(version=self.facts.version),
                       objectName="aboutTitle")
        font = QFont(title.font())
        font.setPointSizeF(font.pointSizeF() * 1.4)
        font.setBold(True)
        title.setFont(font)
        text = QLabel(_("Keeps the memory of your municipality's international partnerships: "
                        "partners, contacts, missions, budgets, deadlines and minutes."),
                      wordWrap=True)
        box = QWidget()
        column = QVBoxLayout(box)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(title)
        column.addWidget(text)
        return box

    def _places(self) -> QWidget:
        group = QGroupBox(_("Where your files are"))
        form = QFormLayout(group)
        facts = self.facts
        form.addRow(_("Database file"), self._path(facts.database, "database"))
        form.addRow(_("Data folder"), self._path(facts.data_folder, "dataFolder"))
        form.addRow(_("Backup folder"), self._path(facts.backup_folder, "backupFolder"))
        form.addRow(_("Log file"), self._path(facts.log_file, "logFile"))
        self.open_data = QPushButton(_("Open the &data folder"))
        self.open_data.clicked.connect(lambda: open_folder(facts.data_folder))
        self.open_backups = QPushButton(_("Open the &backup folder"))
        self.open_backups.clicked.connect(lambda: open_folder(facts.backup_folder))
        row = QHBoxLayout()
        row.addWidget(self.open_data)
        row.addWidget(self.open_backups)
        row.addStretch(1)
        form.addRow(row)
        return group

    def _path(self, path: Path, name: str) -> QLabel:
        label = QLabel(str(path), objectName=name, wordWrap=True)
        label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        return label

    def _licences(self) -> QWidget:
        group = QGroupBox(_("Licences of the bundled fonts"))
        # The licence texts are legal texts: shown as their authors wrote them, untranslated.
        text = "\n\n".join(f"── {name} ──\n\n{body.strip()}"
                           for name, body in self.facts.font_licences)
        self.licences = QPlainTextEdit(text, readOnly=True, objectName="fontLicences")
        self.licences.setLineWrapMode(QPlainTextEdit.LineWrapMode.WidgetWidth)
        column = QVBoxLayout(group)
        column.addWidget(self.licences)
        return group
