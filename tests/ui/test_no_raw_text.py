"""No text a user sees is written in ui/ outside the translation layer.

An AST scan: a string literal with letters, given straight to a Qt call
that shows text (a label, a button, a title, a tooltip...), is a text that
French and Dutch users would see in English.
"""

from __future__ import annotations

import ast
from pathlib import Path

from tests.conftest import ROOT

TEXT_CALLS = {
    "QLabel", "QPushButton", "QCheckBox", "QRadioButton", "QGroupBox", "QAction",
    "setText", "setWindowTitle", "setPlaceholderText", "setToolTip", "setStatusTip",
    "addItem", "addItems", "setHeaderLabels", "addMenu", "addAction", "setTitle",
    "showMessage", "information", "warning", "critical", "question", "about",
    "setInformativeText", "setLabelText", "addTab", "setItemText",
}
# Literals that are not words: symbols, separators, punctuation.
ALLOWED = {"×", "—", "–", "…", "·", "€", "Ici & Là-bas", ":", " ", ""}


def _called_name(node: ast.Call) -> str:
    function = node.func
    if isinstance(function, ast.Attribute):
        return function.attr
    return function.id if isinstance(function, ast.Name) else ""


def raw_texts(path: Path) -> list[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    found = []
    for node in ast.walk(tree):
        if not isinstance(node, ast.Call) or _called_name(node) not in TEXT_CALLS:
            continue
        for arg in node.args:
            if (isinstance(arg, ast.Constant) and isinstance(arg.value, str)
                    and arg.value.strip() not in ALLOWED
                    and any(ch.isalpha() for ch in arg.value)):
                found.append(f"{path.relative_to(ROOT)}:{node.lineno}: {arg.value!r}")
    return found


def test_every_shown_text_goes_through_gettext() -> None:
    problems = [p for path in sorted((ROOT / "ui").rglob("*.py")) for p in raw_texts(path)]
    assert problems == []
