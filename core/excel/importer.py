"""Import in three steps: read the file, plan every row, write the plan in one transaction.

The command line and the wizard share these functions: the wizard shows
the plan and lets the user correct the column mapping and say what unknown
words mean (both remembered for the next file of that kind) before ``apply``.
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING

from core.errors import UserError
from core.excel import columns, duplicates, explain
from core.excel.options import ImportOptions
from core.excel.plan import ImportPlan, build_plan
from core.i18n import _, ngettext

if TYPE_CHECKING:
    from collections.abc import Callable

    from sqlite_utils import Database


def prepare(db: Database, kind: str, path: Path, *, sheet: str | None = None,
            mapping: dict[str, str] | None = None, on_duplicate: str = "skip",
            progress: Callable[[int, int], None] | None = None,
            cancelled: Callable[[], bool] | None = None,
            options: ImportOptions | None = None) -> ImportPlan:
    """Read ``path`` and say what importing it would do; nothing is written.

    Matches and word meanings the user confirmed before apply by themselves;
    ``mapping`` and ``options`` (--map, --set, --value, --keep-unmatched) come on top.
    """
    from core.excel.read import read_workbook

    if kind not in columns.KINDS:
        raise UserError(_("Unknown kind of import: {kind} (one of: {kinds}).").format(
            kind=kind, kinds=", ".join(columns.KINDS)))
    options = options or ImportOptions()
    if mapping:
        options = replace(options, mapping={**options.mapping, **mapping})
    _check_fields(kind, options.mapping)
    sheets = read_workbook(Path(path), progress=progress, cancelled=cancelled)
    return build_plan(db, kind, path, sheets, sheet_name=sheet, on_duplicate=on_duplicate,
                      options=options)


def _check_fields(kind: str, mapping: dict[str, str]) -> None:
    known = columns.fields(kind)
    for header, field in mapping.items():
        if field and field not in known:
            raise UserError(_("«{header}={field}»: {field} is not a field of {kind}; the "
                              "fields are: {fields}.").format(
                                  header=header, field=field, kind=kind,
                                  fields=", ".join(known)))


def summary(plan: ImportPlan, *, hints: bool = True) -> list[str]:
    """What the plan does, in lines for the terminal or the wizard (``hints=False``: no
    command-line options suggested, the wizard has asked its questions already)."""
    text_file = plan.path.suffix.lower() in (".csv", ".txt")  # one table, no sheets
    lines = [
        _("{file}, header on row {row}.").format(file=plan.path.name, row=plan.header_row)
        if text_file else _("{file}, sheet «{sheet}», header on row {row}.").format(
            file=plan.path.name, sheet=plan.sheet, row=plan.header_row),
        ngettext("{n} row under the header, each counted below:",
                 "{n} rows under the header, each counted below:",
                 plan.rows_read).format(n=plan.rows_read),
        ngettext("{n} record to create", "{n} records to create",
                 plan.count("create")).format(n=plan.count("create")),
        ngettext("{n} record to update", "{n} records to update",
                 plan.count("update")).format(n=plan.count("update")),
        ngettext("{n} duplicate skipped", "{n} duplicates skipped",
                 plan.count("skip")).format(n=plan.count("skip")),
        ngettext("{n} row rejected", "{n} rows rejected",
                 plan.count("reject")).format(n=plan.count("reject")),
        ngettext("{n} row passed over", "{n} rows passed over",
                 len(plan.passed)).format(n=len(plan.passed)),
    ]
    if plan.new_organisations:
        lines.append(ngettext("{n} new organisation", "{n} new organisations",
                              len(plan.new_organisations)).format(
                                  n=len(plan.new_organisations)))
    lines += explain.option_lines(plan, hints=hints)
    lines += [f"  {line}" for line in explain.rejected_lines(plan)]
    lines += [f"  {line}" for line in passed_lines(plan)]
    lines += [f"  {line}" for line in duplicates.notes(plan)]
    lines += [f"  {line}" for line in explain.foreign_number_lines(plan)]
    return lines


def passed_lines(plan: ImportPlan) -> list[str]:
    """One line per row passed over, with its number and why."""
    return [_("row {row}: passed over, {reason}").format(row=p.row, reason=p.reason)
            for p in plan.passed]
