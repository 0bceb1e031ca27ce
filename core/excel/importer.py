"""Import in three steps: read the file, plan every row, write the plan in one transaction.

The command line and the wizard share these functions: the wizard shows
the plan and lets the user correct the column mapping (remembered for the
next file with the same headers) before ``apply``.
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path
from typing import TYPE_CHECKING

from core import settings
from core.errors import UserError
from core.excel import columns, duplicates
from core.excel.plan import ImportPlan, build_plan
from core.i18n import _, ngettext
from core.parse import normalise_key

if TYPE_CHECKING:
    from collections.abc import Callable

    from sqlite_utils import Database


def prepare(db: Database, kind: str, path: Path, *, sheet: str | None = None,
            mapping: dict[str, str] | None = None, on_duplicate: str = "skip",
            progress: Callable[[int, int], None] | None = None,
            cancelled: Callable[[], bool] | None = None) -> ImportPlan:
    """Read ``path`` and say what importing it would do; nothing is written."""
    from core.excel.read import read_workbook

    if kind not in columns.KINDS:
        raise UserError(_("Unknown kind of import: {kind} (one of: {kinds}).").format(
            kind=kind, kinds=", ".join(columns.KINDS)))
    _check_fields(kind, mapping or {})
    sheets = read_workbook(Path(path), progress=progress, cancelled=cancelled)
    extra = dict(mapping or {})
    plan = build_plan(db, kind, path, sheets, sheet_name=sheet, extra=extra,
                      on_duplicate=on_duplicate)
    remembered = remembered_mapping(db, kind, plan.headers)
    if remembered and not mapping:  # the user's earlier corrections for these headers
        plan = build_plan(db, kind, path, sheets, sheet_name=sheet, extra=remembered,
                          on_duplicate=on_duplicate)
    return plan


def _check_fields(kind: str, mapping: dict[str, str]) -> None:
    known = columns.fields(kind)
    for header, field in mapping.items():
        if field and field not in known:
            raise UserError(_("«{header}={field}»: {field} is not a field of {kind}; the "
                              "fields are: {fields}.").format(
                                  header=header, field=field, kind=kind,
                                  fields=", ".join(known)))


def _signature(kind: str, headers: list[str]) -> str:
    text = "|".join(normalise_key(h) for h in headers)
    return f"import_mapping:{kind}:{hashlib.sha1(text.encode()).hexdigest()[:16]}"


def remember_mapping(db: Database, kind: str, headers: list[str],
                     mapping: dict[str, str]) -> None:
    """Keep the user's corrections for the next file with the same headers."""
    settings.put(db, _signature(kind, headers), json.dumps(mapping, ensure_ascii=False))


def remembered_mapping(db: Database, kind: str, headers: list[str]) -> dict[str, str]:
    stored = settings.get(db, _signature(kind, headers))
    return json.loads(stored) if stored else {}


def summary(plan: ImportPlan) -> list[str]:
    """What the plan does, in lines for the terminal or the wizard."""
    lines = [
        _("{file}, sheet «{sheet}», header on row {row}.").format(
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
    if plan.unmatched:
        lines.append(_("Columns not imported: {names}").format(names=", ".join(plan.unmatched)))
    lines += [f"  {row.reason}" for row in plan.rows if row.action == "reject"]
    lines += [f"  {line}" for line in passed_lines(plan)]
    lines += [f"  {line}" for line in duplicates.notes(plan)]
    return lines


def passed_lines(plan: ImportPlan) -> list[str]:
    """One line per row passed over, with its number and why."""
    return [_("row {row}: passed over, {reason}").format(row=p.row, reason=p.reason)
            for p in plan.passed]
