"""What a row gets beyond its mapped cells, and why a row's partnership may be missing.

``--set`` values fill a field the sheet lacks; with ``--keep-unmatched`` the
columns that match no field go into the record's notes ("N° mandat :
2023-118") instead of being lost; a finance extract's two amount columns
("Montant dépense", "Montant recette") become the amount and its kind.
When a partnership row was rejected by an earlier import, the rows that
refer to it say so, rather than "does not exist".
"""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, Any

from core import settings
from core.errors import UserError
from core.excel import cells, columns
from core.i18n import _
from core.parse import normalise_key

if TYPE_CHECKING:
    from sqlite_utils import Database

    from core.excel.options import ImportOptions
    from core.excel.plan import ImportPlan

# Records without a notes field keep the other columns in their nearest free text.
NOTES_FIELD = {"partnerships": "summary", "missions": "follow_up"}
REJECTED_PARTNERSHIPS = "import_rejected:partnerships"


def notes_field(table: str) -> str:
    return NOTES_FIELD.get(table, "notes")


def fixed_values(kind: str, fixed: dict[str, str], references: set[str],
                 chosen: cells.Chosen | None = None) -> dict[str, Any]:
    """The --set values, read once for the whole sheet; a bad one stops with its option."""
    values: dict[str, Any] = {}
    table = columns.KINDS[kind]
    for name, typed in fixed.items():
        try:
            values[name] = typed if name in references else cells.convert(table, name, typed,
                                                                           chosen)
        except cells.CellError as error:
            raise UserError(_("--set {field}={value}: {message}").format(
                field=name, value=typed, message=error)) from None
    return values


def kept_columns(headers: list[str], mapping: dict[int, str]) -> list[int]:
    return [n for n, h in enumerate(headers) if h and n not in mapping]


def complete(plan: ImportPlan, raw: dict[str, Any], texts: list[str]) -> None:
    """Two amount columns made one, then --set values, then unmatched columns as notes."""
    if "expense_amount" in raw or "income_amount" in raw:
        _one_amount(raw)
    for name, value in plan.fixed.items():
        raw.setdefault(name, value)
    target = notes_field(plan.table)
    if target != "notes" and "notes" in raw:  # a "Notes" column of a record without notes
        raw[target] = "\n".join(filter(None, [raw.get(target), raw.pop("notes")]))
    if plan.kept:
        lines = [f"{plan.headers[n]} : {texts[n]}" for n in plan.kept
                 if n < len(texts) and texts[n]]
        if lines:
            raw[target] = "\n".join(filter(None, [raw.get(target), *lines]))


def _one_amount(raw: dict[str, Any]) -> None:
    expense, income = raw.pop("expense_amount", None), raw.pop("income_amount", None)
    if expense and income and expense[0] and income[0]:
        raise UserError(_("the row has both an expense and an income amount"))
    if expense and (expense[0] or not income):
        raw.setdefault("amount", expense)
        raw.setdefault("kind", "expense")
    elif income:
        raw.setdefault("amount", income)
        raw.setdefault("kind", "income")


# --- partnerships rejected by an earlier import ------------------------------------


def remember_rejected(db: Database, plan: ImportPlan) -> None:
    """After a partnerships import: which names were rejected, on which row of which sheet."""
    column = next((n for n, f in plan.mapping.items() if f == "name"), None)
    known = rejected_partnerships(db)
    for row in plan.rows:
        name = cells.text(row.cells[column]) if column is not None and column < len(
            row.cells) else ""
        if not normalise_key(name):
            continue
        if row.action == "reject":
            known[normalise_key(name)] = {"file": plan.path.name, "sheet": plan.sheet,
                                          "row": row.row}
        else:
            known.pop(normalise_key(name), None)
    settings.put(db, REJECTED_PARTNERSHIPS, json.dumps(known, ensure_ascii=False))


def rejected_partnerships(db: Database) -> dict[str, dict[str, Any]]:
    stored = settings.get(db, REJECTED_PARTNERSHIPS)
    return json.loads(stored) if stored else {}


def missing_partnership(plan: ImportPlan, raw: dict[str, Any]) -> str | None:
    """Why a row's partnership is missing, when an earlier import rejected it."""
    name = raw.get("partnership")
    found = plan.rejected.get(normalise_key(name)) if isinstance(name, str) else None
    if found is None:
        return None
    if found["file"] == plan.path.name:
        return _("the partnership «{name}» is not in the database because row {row} of the "
                 "partnerships sheet «{sheet}» was rejected").format(
                     name=name, row=found["row"], sheet=found["sheet"])
    return _("the partnership «{name}» is not in the database because row {row} of the "
             "partnerships sheet «{sheet}» of {file} was rejected").format(
                 name=name, row=found["row"], sheet=found["sheet"], file=found["file"])


def configure(db: Database, plan: ImportPlan, options: ImportOptions,
              references: set[str]) -> None:
    """Once per sheet: the --set values read, words' meanings, the columns kept as notes."""
    from core.excel import options as user

    user.check_fields(plan.kind, list(options.fixed), "--set")
    plan.chosen = user.remembered_values(db, plan.kind)
    for name, meanings in user.chosen_values(plan.table, plan.headers, plan.mapping,
                                             options.values).items():
        plan.chosen.setdefault(name, {}).update(meanings)
    plan.fixed = fixed_values(plan.kind, options.fixed, references, plan.chosen)
    plan.kept = kept_columns(plan.headers, plan.mapping) if options.keep_unmatched else []
    if plan.table in ("transactions", "missions", "budget_lines"):
        plan.rejected = rejected_partnerships(db)
