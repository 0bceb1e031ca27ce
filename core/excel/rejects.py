"""The rows an import rejected, in a workbook with a reason column, to fix and import again."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from core.excel.exportsheet import Column, Table, write_table
from core.excel.write import Book
from core.i18n import _

if TYPE_CHECKING:
    from core.excel.plan import ImportPlan


def write_rejects(plan: ImportPlan, out: Path) -> int:
    """The file's own columns, as they were, then why each row was refused."""
    rejected = [row for row in plan.rows if row.action == "reject"]
    width = len(plan.headers)
    columns = [Column(_("Row")), Column(_("Reason"), "wrap"),
               *(Column(header or "—") for header in plan.headers)]
    rows = ([row.row, row.reason, *(row.cells + [None] * width)[:width]] for row in rejected)
    with Book(Path(out)) as book:
        write_table(book, Table(_("Rejected rows"), columns, rows, entry=True))
    return len(rejected)
