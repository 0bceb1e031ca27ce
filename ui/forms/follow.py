"""Fields that follow others in a form: a partnership's projects, a kind's categories.

Kept apart from the dialog so that the dialog stays about building, loading
and saving; these rules only narrow what an editor offers.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from core.errors import ValidationError
from core.spec import EXPENSE_CATEGORIES, INCOME_CATEGORIES, SPECS
from ui.forms.combos import RefEdit
from ui.forms.widgets import ChoiceEdit

if TYPE_CHECKING:
    from ui.forms.base import Editor


def follow(editor: Editor, editors: list[Editor], category_row: Any, money: bool) -> None:
    """Narrow the other editors after ``editor`` changed."""
    name = editor.field.name
    if name == "partnership_id":
        scope_to_partnership(editor, editors)
    elif name == "kind" and money and category_row is not None:
        categories_of_kind(editor, category_row.editor)


def scope_to_partnership(editor: Editor, editors: list[Editor]) -> None:
    """Offer only the projects, missions and budget lines of the chosen partnership."""
    try:
        partnership_id = editor.value()
    except ValidationError:
        return
    for other in editors:
        if isinstance(other, RefEdit) and any(
            f.name == "partnership_id" for f in SPECS[other.table].fields
        ):
            other.restrict("partnership_id", partnership_id)


def categories_of_kind(editor: Editor, category: Editor) -> None:
    allowed = list(INCOME_CATEGORIES if editor.value() == "income" else EXPENSE_CATEGORIES)
    if isinstance(category, ChoiceEdit):
        category.set_allowed(allowed if "other" in allowed else [*allowed, "other"])
