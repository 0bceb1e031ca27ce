"""The few words of Qt's own dialogs that Qt's French and Dutch catalogues lack.

Qt 6.11 renamed some texts of its file dialog («&Look in:», «Files of
&type:») and its file icons («Folder»); qtbase_fr/qtbase_nl still hold the
old ones, so a French save dialog said «Look in:». This translator answers
those texts from our own catalogue (so they are translated like every
other word of the app, in the language in use) and leaves every other
text to Qt's translator.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QTranslator

from core.i18n import N_, _

# (Qt's context, Qt's source text) -> our text (N_), for what Qt's catalogues miss.
GAPS = {
    ("QFileDialog", "&Look in:"): N_("&Look in:"),
    ("QFileDialog", "Files of &type:"): N_("Files of &type:"),
    ("QAbstractFileIconProvider", "Folder"): N_("Folder"),
    ("QFileIconProvider", "Folder"): N_("Folder"),
    ("QAbstractFileIconProvider", "File"): N_("File"),
    ("QAbstractFileIconProvider", "Drive"): N_("Drive"),
    ("QAbstractFileIconProvider", "Unknown"): N_("Unknown"),
    ("QFileSystemModel", "Computer"): N_("Computer"),
}


class QtGaps(QTranslator):
    """Answers only the texts in ``GAPS``; for any other, no answer (a null string, not an
    empty one, which Qt would show) so that Qt's own translator speaks."""

    def translate(self, context: str, source: str, disambiguation: str | None = None,
                  n: int = -1) -> str:
        key = GAPS.get((context, source))
        return _(key) if key else None  # type: ignore[return-value]  # null: ask the next

    def isEmpty(self) -> bool:  # Qt asks before using a translator
        return False


def install(app: QCoreApplication) -> None:
    """Once per application; the language is read at each lookup, so it follows changes."""
    if getattr(app, "_qt_gaps", None) is None:
        translator = QtGaps(app)
        app.installTranslator(translator)
        app._qt_gaps = translator  # type: ignore[attr-defined]
