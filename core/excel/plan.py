"""What an import would do, row by row, before anything is written.

The sheet whose header is recognised is chosen, its columns mapped, and
every row read: created, updated, skipped as a duplicate, or rejected with
its reason (row, column, value). Blank lines, repeated headers and total
rows are passed over. The wizard shows this plan; ``apply`` writes it.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from core import records
from core.errors import UserError, ValidationError
from core.excel import cells, columns
from core.excel.keys import Lookups
from core.i18n import _
from core.parse import normalise_key
from core.spec import SPECS

if TYPE_CHECKING:
    from sqlite_utils import Database

    from core.excel.read import Sheet

TOTAL_WORDS = ("total", "totaal", "totaux", "sous total", "subtotal", "somme", "som")
# Import fields that name a linked record rather than hold a value.
REFERENCES = {"organisation", "partner", "funder", "partnership", "full_name", "id"}


@dataclass
class PlannedRow:
    row: int  # as the spreadsheet program numbers it
    action: str  # create, update, skip, reject
    values: dict[str, Any] = field(default_factory=dict)
    existing_id: int | None = None
    reason: str = ""
    cells: list[Any] = field(default_factory=list)
    checked: dict[str, Any] = field(default_factory=dict)  # SQL columns, as records.to_row made


@dataclass
class ImportPlan:
    kind: str
    path: Path
    sheet: str
    header_row: int
    headers: list[str]
    mapping: dict[int, str]
    rows: list[PlannedRow]
    new_organisations: dict[str, tuple[str, str | None, str]] = field(default_factory=dict)

    @property
    def table(self) -> str:
        return columns.KINDS[self.kind]

    @property
    def unmatched(self) -> list[str]:
        return [h for n, h in enumerate(self.headers) if h and n not in self.mapping]

    def count(self, action: str) -> int:
        return sum(1 for row in self.rows if row.action == action)


def _score(kind: str, row: list[Any], extra: dict[str, str]) -> int:
    return len(columns.map_columns(kind, row, extra))


def find_header(kind: str, sheets: list[Sheet], sheet_name: str | None,
                extra: dict[str, str]) -> tuple[Sheet, int]:
    """The sheet and row whose header names the most fields (at least two)."""
    candidates = [s for s in sheets if sheet_name is None or s.name == sheet_name]
    if sheet_name is not None and not candidates:
        raise UserError(_("There is no sheet named «{sheet}»; the sheets are: {names}.").format(
            sheet=sheet_name, names=", ".join(s.name for s in sheets)))
    best: tuple[int, Sheet | None, int] = (1, None, -1)
    for sheet in candidates:
        for index, row in enumerate(sheet.rows[:30]):
            score = _score(kind, row, extra)
            if score > best[0]:
                best = (score, sheet, index)
    if best[1] is None:
        raise UserError(_("No sheet has a header row that can be recognised for {kind}; "
                          "name the columns (for example «Nom», «Pays», «Montant»).").format(
                              kind=_(SPECS[columns.KINDS[kind]].label).lower()))
    return best[1], best[2]


def _skippable(texts: list[str], header_keys: list[str]) -> bool:
    """A blank line, the header repeated on a new page, or a total row (cells as text)."""
    if not any(texts):
        return True
    if normalise_key(texts[0]) == header_keys[0] and [normalise_key(t) for t in texts] == (
            header_keys):
        return True
    first = next(t for t in texts if t)
    return normalise_key(first).startswith(TOTAL_WORDS)


def build_plan(db: Database, kind: str, path: Path, sheets: list[Sheet], *,
               sheet_name: str | None = None, extra: dict[str, str] | None = None,
               on_duplicate: str = "skip") -> ImportPlan:
    extra = extra or {}
    sheet, header_index = find_header(kind, sheets, sheet_name, extra)
    header = sheet.rows[header_index]
    mapping = columns.map_columns(kind, header, extra)
    plan = ImportPlan(kind, Path(path), sheet.name, header_index + 1,
                      [cells.text(h) for h in header], mapping, [])
    lookups = Lookups(db, kind, plan.new_organisations)
    header_keys = [normalise_key(h) for h in plan.headers]  # once, not per row
    if not sheet.rows[header_index + 1:]:
        raise UserError(_("{path}: the sheet «{sheet}» has no data row.").format(
            path=path, sheet=sheet.name))
    for offset, row in enumerate(sheet.rows[header_index + 1:], start=header_index + 2):
        texts = [cells.text(c) for c in row]  # once per row: the checks below all read them
        if _skippable(texts, header_keys):
            continue
        plan.rows.append(_plan_row(plan, lookups, offset, row, texts, on_duplicate))
    if not plan.rows:
        raise UserError(_("{path}: the sheet «{sheet}» has no data row.").format(
            path=path, sheet=sheet.name))
    return plan


def _plan_row(plan: ImportPlan, lookups: Lookups, number: int, row: list[Any],
              texts: list[str], on_duplicate: str) -> PlannedRow:
    planned = PlannedRow(number, "create", cells=list(row))
    try:
        raw = _read_cells(plan, number, row, texts)
        planned.values = lookups.resolve(raw)
        planned.checked = records.to_row(SPECS[plan.table], lookups.checkable(planned.values))
    except _RowError as error:
        planned.action, planned.reason = "reject", str(error)
        return planned
    except ValidationError as error:
        planned.action, planned.reason = "reject", _reason(plan, number, error.field, None,
                                                            str(error))
        return planned
    except UserError as error:
        planned.action, planned.reason = "reject", str(error)
        return planned
    existing = lookups.duplicate_of(planned.values, raw.get("id"))
    if existing == "file":
        planned.action, planned.reason = "skip", _("same as an earlier row of the file")
    elif existing is not None:
        planned.existing_id = int(existing)
        planned.action = "update" if on_duplicate == "update" else "skip"
        planned.reason = _("already in the database")
    return planned


class _RowError(Exception):
    pass


def _header_of(plan: ImportPlan, field_name: str | None) -> str:
    for column, mapped in plan.mapping.items():
        if mapped == field_name:
            return plan.headers[column]
    return field_name or ""


def _reason(plan: ImportPlan, row: int, field_name: str | None, value: object,
            message: str) -> str:
    column = _header_of(plan, field_name)
    if value is None or str(value) in message:  # the parser's message quotes it already
        return _("row {row}, column {column}: {message}").format(row=row, column=column,
                                                                 message=message)
    return _("row {row}, column {column}: «{value}»: {message}").format(
        row=row, column=column, value=value, message=message)


def _read_cells(plan: ImportPlan, number: int, row: list[Any],
                texts: list[str]) -> dict[str, Any]:
    """Field -> value for every non-empty mapped cell; the first unreadable cell stops."""
    raw: dict[str, Any] = {}
    for column, field_name in plan.mapping.items():
        if column >= len(row) or texts[column] == "":
            continue
        value = row[column]
        if field_name in REFERENCES:
            raw[field_name] = texts[column]
            continue
        try:
            raw[field_name] = cells.convert(plan.table, field_name, value)
        except cells.CellError as error:
            raise _RowError(_reason(plan, number, field_name, value, str(error))) from None
    return raw

