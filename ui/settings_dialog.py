"""The settings a municipality sets once: name, country, logo, language, where backups go.

Shaped like Picard's option pages: ``load()`` fills the widgets from
``core.settings``, ``save()`` writes them back in one transaction, so the
dialog holds no state of its own. The settings live in the database file,
so a successor who receives the file receives them too.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QPalette, QPixmap
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from core import fmt, settings
from core.i18n import LANGUAGES, _
from core.parse import normalise_key
from ui.files import ask_open_path
from ui.settings_declarations import DeclarationsBox

if TYPE_CHECKING:
    from ui.context import Context

# Each language in its own name, so that anyone can find theirs.
LANGUAGE_NAMES = {"fr": "Français", "nl": "Nederlands", "en": "English"}
LOGO_SIZE = (160, 90)


class CountryCombo(QComboBox):
    """The usual countries of our municipalities first, then every country by name."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setMaxVisibleItems(20)
        self.fill()

    def fill(self) -> None:
        """(Re)write the names in the language in use, keeping the selection."""
        selected = self.code()
        self.clear()
        for code in settings.MUNICIPALITY_COUNTRIES:
            self.addItem(fmt.country_name(code), code)
        self.insertSeparator(self.count())
        others = [c for c in settings.country_codes() if c not in settings.MUNICIPALITY_COUNTRIES]
        for code in sorted(others, key=lambda c: normalise_key(fmt.country_name(c))):
            self.addItem(fmt.country_name(code), code)
        self.set_code(selected or settings.DEFAULTS["municipality_country"])

    def code(self) -> str:
        return str(self.currentData() or "")

    def set_code(self, code: str) -> None:
        index = self.findData(code.upper())
        if index < 0 and code:  # a code Babel does not name: keep it rather than lose it
            self.addItem(code.upper(), code.upper())
            index = self.count() - 1
        self.setCurrentIndex(max(index, 0))


class LanguageCombo(QComboBox):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        for lang in LANGUAGES:
            self.addItem(LANGUAGE_NAMES[lang], lang)

    def code(self) -> str:
        return str(self.currentData())

    def set_code(self, lang: str) -> None:
        self.setCurrentIndex(max(self.findData(lang), 0))


class LogoPicker(QWidget):
    """A thumbnail of the logo with Choose and Remove buttons; holds the file's path."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.path = ""
        self.preview = QLabel()
        self.preview.setFixedSize(*LOGO_SIZE)
        self.preview.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.preview.setStyleSheet("QLabel { border: 1px solid palette(mid); }")
        self.choose = QPushButton(_("C&hoose…"))
        self.choose.clicked.connect(self._choose)
        self.remove = QPushButton(_("&Remove"))
        self.remove.clicked.connect(lambda: self.set_path(""))
        buttons = QVBoxLayout()
        buttons.addWidget(self.choose)
        buttons.addWidget(self.remove)
        buttons.addStretch()
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.preview)
        layout.addLayout(buttons)
        layout.addStretch()
        self.set_path("")

    def set_path(self, path: str) -> None:
        self.path = path
        self.remove.setEnabled(bool(path))
        pixmap = QPixmap(path) if path else QPixmap()
        if not pixmap.isNull():
            self.preview.setPixmap(
                pixmap.scaled(
                    *LOGO_SIZE,
                    Qt.AspectRatioMode.KeepAspectRatio,
                    Qt.TransformationMode.SmoothTransformation,
                )
            )
        else:
            self.preview.clear()
            self.preview.setText(_("File not found") if path else _("No logo"))
        self.preview.setToolTip(path)

    def _choose(self) -> None:
        path = ask_open_path(self, _("Choose the municipality's logo"),
                             _("Images (*.png *.jpg *.jpeg)"),
                             Path(self.path).parent if self.path else None)
        if path:
            self.set_path(str(path))


class SettingsDialog(QDialog):
    def __init__(self, ctx: Context, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setWindowTitle(_("Settings"))
        self.setMinimumWidth(560)
        layout = QVBoxLayout(self)
        self.declarations = DeclarationsBox()
        forms = (self._municipality_box(), self._language_box(), self.declarations)
        for box in forms:
            layout.addWidget(box)
        _align_labels([box.layout() for box in forms])
        layout.addWidget(self._backup_box())
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(_("&Save"))
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(_("Cancel"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.load()

    # --- building -----------------------------------------------------------

    def _municipality_box(self) -> QGroupBox:
        box = QGroupBox(_("Municipality"))
        form = QFormLayout(box)
        self.name = QLineEdit()
        self.country = CountryCombo()
        self.logo = LogoPicker()
        _add_row(form, _("&Name:"), self.name)
        _add_row(form, _("C&ountry:"), self.country)
        _add_row(form, _("Lo&go:"), self.logo, buddy=self.logo.choose)
        form.addRow("", hint_label(_("The name and logo are printed on every report.")))
        return box

    def _language_box(self) -> QGroupBox:
        box = QGroupBox(_("Language"))
        form = QFormLayout(box)
        self.language = LanguageCombo()
        _add_row(form, _("&Language:"), self.language)
        form.addRow("", hint_label(_("A new language is applied when the application restarts.")))
        return box

    def _backup_box(self) -> QGroupBox:
        box = QGroupBox(_("Backups"))
        column = QVBoxLayout(box)
        self.backup_dir = QLineEdit()
        self.backup_dir.setReadOnly(True)
        self.folder_button = QPushButton(_("Choose a folder…"))
        self.folder_button.clicked.connect(self._choose_folder)
        folder_label = QLabel(_("Backup &folder:"))
        folder_label.setBuddy(self.folder_button)
        row = QHBoxLayout()
        row.addWidget(self.backup_dir, 1)
        row.addWidget(self.folder_button)
        # At least one daily copy: rotation must never remove the one just made.
        self.keep = {
            period: _spin_box(1 if period == "daily" else 0) for period in settings.BACKUP_KEEP_KEYS
        }
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.FieldsStayAtSizeHint)
        _add_row(form, _("&Daily backups kept:"), self.keep["daily"])
        _add_row(form, _("&Weekly backups kept:"), self.keep["weekly"])
        _add_row(form, _("&Monthly backups kept:"), self.keep["monthly"])
        column.addWidget(folder_label)
        column.addLayout(row)
        column.addLayout(form)
        hint = _(
            "A verified copy of the file is made automatically once a day; the newest copy of "
            "each day, week and month is kept."
        )
        column.addWidget(hint_label(hint))
        return box

    def _choose_folder(self) -> None:
        folder = QFileDialog.getExistingDirectory(
            self, _("Choose the backup folder"), self.backup_dir.text()
        )
        if folder:
            self.backup_dir.setText(str(Path(folder)))

    # --- load and save ------------------------------------------------------

    def load(self) -> None:
        values = settings.all_settings(self.ctx.db)
        self.name.setText(values["municipality_name"])
        self.country.set_code(values["municipality_country"])
        self.logo.set_path(values["logo_path"])
        self.language.set_code(values["language"])
        self.declarations.load(values)
        self.backup_dir.setText(str(settings.backup_dir(self.ctx.db, self.ctx.backup_dir)))
        for period, count in settings.backup_keep(self.ctx.db).items():
            self.keep[period].setValue(count)

    def save(self) -> None:
        folder = self.backup_dir.text().strip()
        values = {
            "municipality_name": self.name.text().strip(),
            "municipality_country": self.country.code(),
            "logo_path": self.logo.path,
            "language": self.language.code(),
            # The default is stored as "" so that it follows the file when it moves.
            "backup_dir": "" if Path(folder) == Path(self.ctx.backup_dir) else folder,
        }
        for period, key in settings.BACKUP_KEEP_KEYS.items():
            values[key] = str(self.keep[period].value())
        values.update(self.declarations.values())
        settings.put_many(self.ctx.db, values)
        self.ctx.changed("settings")
        _yearly_deadlines(self.ctx)

    def accept(self) -> None:
        self.save()
        super().accept()


def _yearly_deadlines(ctx: Context) -> None:
    """A commune that has just become French (or turned the e-APD deadline on) gets it now."""
    from core.declarations.deadline import add_yearly_deadline

    if add_yearly_deadline(ctx.db, ctx.today) is not None:
        ctx.changed("deadlines")


def _add_row(
    form: QFormLayout, text: str, field: QWidget | QHBoxLayout, buddy: QWidget | None = None
) -> None:
    """A form row whose label's mnemonic moves the focus to ``buddy`` (or the field)."""
    label = QLabel(text)
    target = buddy or field
    if isinstance(target, QWidget):
        label.setBuddy(target)
    form.addRow(label, field)


def _align_labels(forms: list[Any]) -> None:
    """Give the label columns of forms stacked one above the other the same width."""
    labels = [
        form.itemAt(row, QFormLayout.ItemRole.LabelRole)
        for form in forms
        for row in range(form.rowCount())
    ]
    widgets = [item.widget() for item in labels if item is not None and item.widget()]
    width = max(w.sizeHint().width() for w in widgets)
    for widget in widgets:
        widget.setMinimumWidth(width)


def hint_label(text: str) -> QLabel:
    label = QLabel(text)
    label.setWordWrap(True)
    palette = label.palette()
    muted = palette.color(QPalette.ColorRole.PlaceholderText)
    palette.setColor(QPalette.ColorRole.WindowText, muted)
    label.setPalette(palette)
    return label


def _spin_box(minimum: int) -> QSpinBox:
    spin = QSpinBox()
    spin.setRange(minimum, 999)
    spin.setMinimumWidth(80)
    return spin
