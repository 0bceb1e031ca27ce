"""The settings the yearly declarations print: the commune's identifiers and its DPO.

SIREN and INSEE code (France), KBO/BCE number (Belgium), the IATI
organisation identifier every IATI activity starts with, the data
protection officer's contact (read by the GDPR register too), and whether
the yearly e-APD deadline is added. Shaped like the other settings boxes:
``load()`` from the stored values, ``values()`` to store.
"""

from __future__ import annotations

from PySide6.QtWidgets import QCheckBox, QFormLayout, QGroupBox, QLabel, QLineEdit, QWidget

from core.i18n import _

# setting -> (label, placeholder)
FIELDS = {
    "municipality_siren": (lambda: _("SI&REN (France):"), "216 205 108"),
    "municipality_insee": (lambda: _("INSEE co&de (France):"), "62765"),
    "municipality_kbo": (lambda: _("&KBO/BCE number (Belgium):"), "0207.123.456"),
    "iati_org_id": (lambda: _("&IATI organisation identifier:"), "BE-BCE_KBO-0207123456"),
    "dpo_contact": (lambda: _("Data &protection officer:"), ""),
}


class DeclarationsBox(QGroupBox):
    """The «Declarations» group of the settings dialog."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(_("Declarations"), parent)
        form = QFormLayout(self)
        self.edits: dict[str, QLineEdit] = {}
        for key, (label, placeholder) in FIELDS.items():
            edit = QLineEdit()
            edit.setPlaceholderText(placeholder or _("name, e-mail, phone"))
            text = QLabel(label())
            text.setBuddy(edit)
            form.addRow(text, edit)
            self.edits[key] = edit
        self.apd_deadline = QCheckBox(_("«e-APD declaration» &deadline each 31 May"))
        self.apd_deadline.setToolTip(
            _("Added each year, due 31 May, when the municipality is in France."))
        form.addRow("", self.apd_deadline)

    def load(self, values: dict[str, str]) -> None:
        for key, edit in self.edits.items():
            edit.setText(values.get(key, ""))
        self.apd_deadline.setChecked(values.get("apd_deadline", "1") != "0")

    def values(self) -> dict[str, str]:
        stored = {key: " ".join(edit.text().split()) for key, edit in self.edits.items()}
        stored["apd_deadline"] = "1" if self.apd_deadline.isChecked() else "0"
        return stored
