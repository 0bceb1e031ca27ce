"""The two questions the forms ask: lose unsaved changes? move to the trash?

Both are phrased for someone who is not a computer person, name what will
happen on their buttons (no bare Yes/No), and default to the harmless
answer, so that an Enter pressed too fast loses nothing.
"""

from __future__ import annotations

from PySide6.QtWidgets import QMessageBox, QWidget

from core.i18n import _


def ask_discard(parent: QWidget) -> bool:
    """True when the user chooses to lose the changes; Keep editing is the default."""
    box = QMessageBox(
        QMessageBox.Icon.Question, _("Unsaved changes"), _("Discard the changes?"), parent=parent
    )
    discard = box.addButton(_("&Discard"), QMessageBox.ButtonRole.DestructiveRole)
    keep = box.addButton(_("&Keep editing"), QMessageBox.ButtonRole.RejectRole)
    box.setDefaultButton(keep)
    box.setEscapeButton(keep)
    box.exec()
    return box.clickedButton() is discard


def ask_delete(parent: QWidget | None, title: str, impact: str) -> bool:
    """True when the user confirms; Cancel is the default, for an Enter pressed too fast."""
    box = QMessageBox(
        QMessageBox.Icon.Warning,
        _("Move to the trash"),
        _("Move «{title}» to the trash?").format(title=title),
        parent=parent,
    )
    box.setInformativeText(impact + "\n" + _("It can be restored from the trash."))
    delete = box.addButton(_("&Move to the trash"), QMessageBox.ButtonRole.DestructiveRole)
    cancel = box.addButton(_("&Cancel"), QMessageBox.ButtonRole.RejectRole)
    box.setDefaultButton(cancel)
    box.setEscapeButton(cancel)
    box.exec()
    return box.clickedButton() is delete
