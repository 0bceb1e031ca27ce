"""Qt's own file dialog speaks the person's language, «Look in:» included.

Qt 6.11's French and Dutch catalogues miss a few texts of its file dialog;
the window showed «Look in:» and «Files of type:» in English beside French
buttons. Read from a real (non-native) dialog, as it appears on screen.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QFileDialog

from ui.app import use_language


@pytest.fixture
def language(qapp: Any) -> Iterator[Any]:
    yield use_language
    use_language("en")


def labels(qtbot: Any) -> tuple[str, str, str]:
    dialog = QFileDialog()
    qtbot.addWidget(dialog)
    dialog.setOption(QFileDialog.Option.DontUseNativeDialog)
    dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
    return (dialog.labelText(QFileDialog.DialogLabel.LookIn),
            dialog.labelText(QFileDialog.DialogLabel.FileType),
            QCoreApplication.translate("QAbstractFileIconProvider", "Folder"))


@pytest.mark.parametrize(("lang", "expected"), [
    ("fr", ("&Voir dans :", "&Type de fichiers :", "Dossier")),
    ("nl", ("&Zoeken in:", "Bestands&type:", "Map")),
])
def test_the_file_dialog_has_no_english_left(qtbot: Any, language: Any, lang: str,
                                             expected: tuple[str, str, str]) -> None:
    language("nl" if lang == "fr" else "fr")  # the order languages were chosen in must not
    language(lang)  # matter: our translator never hides Qt's own words
    assert labels(qtbot) == expected
    dialog = QFileDialog()
    qtbot.addWidget(dialog)
    dialog.setOption(QFileDialog.Option.DontUseNativeDialog)
    dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
    others = [dialog.labelText(label) for label in (
        QFileDialog.DialogLabel.FileName, QFileDialog.DialogLabel.Accept,
        QFileDialog.DialogLabel.Reject)]
    assert all(others) and not {"&File name:", "File &name:", "&Save", "Cancel"} & set(others)


def test_english_stays_english(qtbot: Any, language: Any) -> None:
    language("en")
    assert labels(qtbot) == ("&Look in:", "Files of &type:", "Folder")


FIRST_START = """
from PySide6.QtWidgets import QApplication, QFileDialog
app = QApplication([])
from ui.app import use_language
use_language({lang!r})
dialog = QFileDialog()
dialog.setOption(QFileDialog.Option.DontUseNativeDialog)
dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
print("|".join(dialog.labelText(label) for label in QFileDialog.DialogLabel))
"""


@pytest.mark.parametrize("lang", ["fr", "nl"])
def test_at_start_up_every_label_of_the_dialog_has_its_words(lang: str) -> None:
    """As the app starts: one language chosen once, in a fresh process."""
    import os
    import subprocess
    import sys

    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    out = subprocess.run([sys.executable, "-c", FIRST_START.format(lang=lang)], env=env,
                         capture_output=True, text=True, check=True, timeout=60).stdout
    texts = out.strip().splitlines()[-1].split("|")
    assert len(texts) == 5 and all(texts), texts
    assert not {"&Look in:", "&File name:", "File &name:", "Files of &type:", "&Save",
                "Cancel"} & set(texts), texts
