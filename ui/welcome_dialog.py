"""The first thing a new user sees: name the municipality, pick a language, start.

The database file already exists when this shows (it is created at once, in
the user's data folder); the dialog says where it lives and that it is
backed up, because the officer's successor will one day need to find it.
Choosing a language re-translates the dialog at once, so a Dutch-speaking
user does not have to read French to find "Nederlands".
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QFont, QPalette
from PySide6.QtWidgets import (
    QApplication,
    QCommandLinkButton,
    QDialog,
    QFormLayout,
    QGroupBox,
    QLabel,
    QLineEdit,
    QMessageBox,
    QVBoxLayout,
    QWidget,
)

from core import demo, i18n, settings
from core.errors import UserError
from core.i18n import _, ngettext
from core.spec import TABLE_ORDER
from ui.settings_dialog import CountryCombo, LanguageCombo, hint_label

if TYPE_CHECKING:
    from ui.context import Context

ERROR_COLOUR = QColor("#b3261e")


class WelcomeDialog(QDialog):
    name: QLineEdit
    error: QLabel
    country: CountryCombo
    language: LanguageCombo

    def __init__(self, ctx: Context, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.demo = False
        self.setMinimumWidth(600)
        layout = QVBoxLayout(self)
        layout.setSpacing(12)
        layout.setContentsMargins(24, 20, 24, 20)
        layout.addWidget(self._heading())
        layout.addLayout(self._form())
        layout.addWidget(self._file_box())
        self.empty_button = QCommandLinkButton()
        self.demo_button = QCommandLinkButton()
        for button, wants_demo in ((self.empty_button, False), (self.demo_button, True)):
            button.setAutoDefault(False)  # Enter in the name field must not choose for the user
            button.clicked.connect(lambda _checked=False, d=wants_demo: self._choose(d))
            layout.addWidget(button)
        self.language.set_code(i18n.current_language())
        self.language.currentIndexChanged.connect(self._language_changed)
        self._retranslate()

    def _heading(self) -> QWidget:
        box = QWidget()
        column = QVBoxLayout(box)
        column.setContentsMargins(0, 0, 0, 0)
        self.title = QLabel()
        font = QFont(self.title.font())
        font.setPointSizeF(font.pointSizeF() * 1.6)
        font.setBold(True)
        self.title.setFont(font)
        self.intro = QLabel()
        self.intro.setWordWrap(True)
        column.addWidget(self.title)
        column.addWidget(self.intro)
        return box

    def _form(self) -> QFormLayout:
        form = QFormLayout()
        self.name = QLineEdit()
        self.name.textChanged.connect(lambda: self.error.hide())
        self.error = QLabel()
        palette = self.error.palette()
        palette.setColor(QPalette.ColorRole.WindowText, ERROR_COLOUR)
        self.error.setPalette(palette)
        self.error.hide()
        self.country = CountryCombo()
        self.language = LanguageCombo()
        self.labels = [QLabel() for _i in range(3)]
        for label, field in zip(self.labels, (self.name, self.country, self.language), strict=True):
            label.setBuddy(field)
            form.addRow(label, field)
            if field is self.name:
                form.addRow("", self.error)
        return form

    def _file_box(self) -> QGroupBox:
        self.file_box = QGroupBox()
        column = QVBoxLayout(self.file_box)
        self.path = QLineEdit(str(self.ctx.db_path))
        self.path.setReadOnly(True)
        self.path.setCursorPosition(0)
        self.file_hint = hint_label("")
        column.addWidget(self.path)
        column.addWidget(self.file_hint)
        return self.file_box

    def _retranslate(self) -> None:
        """Every text of the dialog, in the language in use."""
        self.setWindowTitle(_("Welcome"))
        self.title.setText(_("Welcome to Ici & Là-bas"))
        self.intro.setText(
            _(
                "This application keeps the memory of your municipality's international "
                "partnerships. Three questions, and you can begin."
            )
        )
        for label, text in zip(
            self.labels, (_("&Municipality:"), _("&Country:"), _("&Language:")), strict=True
        ):
            label.setText(text)
        self.name.setPlaceholderText(_("For example: Anderlecht"))
        self.error.setText(_("Please enter the name of your municipality."))
        self.country.fill()
        self.file_box.setTitle(_("Your file"))
        self.file_hint.setText(
            _(
                "Everything you enter is saved in this file as you go. A verified backup copy "
                "is made automatically every day."
            )
        )
        self.empty_button.setText(_("Start with an empty database"))
        self.empty_button.setDescription(
            _(
                "Enter your own partnerships, contacts and missions, or import them from a "
                "spreadsheet."
            )
        )
        self.demo_button.setText(_("Load the demonstration data"))
        self.demo_button.setDescription(
            _("Discover the application with example partnerships, missions and budgets.")
        )

    def _language_changed(self) -> None:
        i18n.set_language(self.language.code())
        self._retranslate()

    def _choose(self, wants_demo: bool) -> None:
        if not self.name.text().strip():
            self.error.show()
            self.adjustSize()  # room for the message, without squeezing the rest
            self.name.setFocus()
            return
        self.demo = wants_demo
        self.accept()

    def result_values(self) -> dict[str, Any]:
        """The settings to store, and ``demo``: whether the demonstration data is wanted."""
        return {
            "municipality_name": self.name.text().strip(),
            "municipality_country": self.country.code(),
            "language": self.language.code(),
            "demo": self.demo,
        }


def run_welcome(parent: QWidget | None, ctx: Context) -> bool:
    """Show the welcome; store its answers. False when the user closed it (the app then quits).

    The name is stored before the demo is filled: the demo names its own
    municipality only when none is stored yet.
    """
    dialog = WelcomeDialog(ctx, parent)
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return False
    values = dialog.result_values()
    wants_demo = bool(values.pop("demo"))
    settings.put_many(ctx.db, values)
    ctx.changed("settings")
    if wants_demo:
        _fill_demo(parent, ctx)
    return True


def _fill_demo(parent: QWidget | None, ctx: Context) -> None:
    """The demo takes well under a second: done here, under a wait cursor."""
    QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
    try:
        counts = demo.fill(ctx.db, today=ctx.today)
    except UserError as error:
        QMessageBox.warning(parent, _("Demonstration data"), str(error))
        return
    finally:
        QApplication.restoreOverrideCursor()
    for table in TABLE_ORDER:
        ctx.changed(table)
    total = sum(counts.values())
    ctx.events.notify.emit(
        ngettext(
            "Demo data added: {count} record.", "Demo data added: {count} records.", total
        ).format(count=total),
        None,
    )
