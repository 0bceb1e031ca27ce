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
    language(lang)
    assert labels(qtbot) == expected
    file_name = QFileDialog()
    qtbot.addWidget(file_name)
    file_name.setOption(QFileDialog.Option.DontUseNativeDialog)
    assert "File name" not in file_name.labelText(QFileDialog.DialogLabel.FileName)


def test_english_stays_english(qtbot: Any, language: Any) -> None:
    language("en")
    assert labels(qtbot) == ("&Look in:", "Files of &type:", "Folder")
