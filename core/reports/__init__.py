"""PDF documents that leave the town hall: mission summary, partnership sheet, annual report.

Each module builds a :class:`core.reports.document.Report` from the database;
:func:`make_report` is the one entry point the command line and the app use.
"""

from __future__ import annotations

from importlib import import_module
from pathlib import Path
from typing import TYPE_CHECKING

from core.errors import UserError
from core.i18n import _

if TYPE_CHECKING:
    from sqlite_utils import Database

# kind -> module holding ``write(db, key, out)``; key is a record number, or a year
REPORTS = {"mission": "core.reports.mission", "partnership": "core.reports.partnership",
           "annual": "core.reports.annual"}


def make_report(db: Database, kind: str, key: int, out: Path) -> Path:
    """Write the ``kind`` document for ``key`` (a mission or partnership number, a year)."""
    if kind not in REPORTS:
        raise UserError(_("Unknown report: {kind} (one of: {kinds}).").format(
            kind=kind, kinds=", ".join(REPORTS)))
    import_module(REPORTS[kind]).write(db, key, Path(out))
    return Path(out)
