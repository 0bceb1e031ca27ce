"""``export apd|cic|iati``: the command line's way to the declarations, checked once.

``export apd YYYY OUT.xlsx`` and ``export cic YYYY OUT.xlsx`` take the year
where the other exports take the file, so the arguments are sorted out
here, each mistake in one line, before anything is read or written.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from core.errors import UserError
from core.i18n import _

if TYPE_CHECKING:
    from sqlite_utils import Database

KINDS = ("apd", "cic", "iati")


def parse_year(text: object) -> int:
    """A calendar year the data can hold, or one clear line."""
    value = str(text).strip()
    if not (value.isdigit() and len(value) == 4 and 1900 <= int(value) <= 2200):
        raise UserError(_("«{value}» is not a year (YYYY).").format(value=value))
    return int(value)


def require_year_with_data(db: Database, year: int, today: date) -> int:
    """A year that has passed or is under way and holds money: there is something to declare."""
    if year > today.year:
        raise UserError(_("{year} has not begun: nothing can be declared for it yet.").format(
            year=year))
    found = db.execute(
        "SELECT 1 FROM transactions WHERE deleted_at IS NULL AND date BETWEEN ? AND ? "
        "UNION ALL SELECT 1 FROM budget_lines WHERE deleted_at IS NULL AND year = ? LIMIT 1",
        [f"{year:04d}-01-01", f"{year:04d}-12-31", year]).fetchone()
    if found is None:
        raise UserError(_("No transaction and no budget in {year}: nothing to declare.").format(
            year=year))
    return year


def _year_and_file(db: Database, kind: str, first: Path, second: Path | None,
                   today: date) -> tuple[int, Path]:
    if second is None:
        raise UserError(_("export {kind} needs a year and a file: export {kind} YYYY OUT.xlsx")
                        .format(kind=kind))
    return require_year_with_data(db, parse_year(first), today), second


def run(db: Database, kind: str, first: Path, second: Path | None, *, today: date,
        year: int | None = None, partnership: int | None = None) -> str:
    """Write the declaration ``kind``; the line that tells what was written."""
    if kind == "apd":
        from core.declarations.apd import export_apd

        apd_year, out = _year_and_file(db, kind, first, second, today)
        declared = export_apd(db, out, apd_year)
        return _("e-APD {year}: {count} rows, {total} declared, written to {path}.").format(
            year=apd_year, count=len(declared.rows), total=_money(declared.total), path=out)
    if kind == "cic":
        from core.declarations.cic import export_cic

        cic_year, out = _year_and_file(db, kind, first, second, today)
        count, total = export_cic(db, out, cic_year, partnership)
        return _("CIC/GIS report {year}: {count} expenses, {total}, written to {path}.").format(
            year=cic_year, count=count, total=_money(total), path=out)
    from core.declarations.iati import export_iati

    if second is not None:
        raise UserError(_("export iati takes one file: export iati OUT.xml [--year YYYY]"))
    if year is not None:
        require_year_with_data(db, parse_year(year), today)
    count = export_iati(db, first, year=year, today=today)
    return _("IATI file: {count} activities written to {path}.").format(count=count, path=first)


def _money(cents: int) -> str:
    from core import fmt
    from core.money import from_cents

    return fmt.money(from_cents(cents))
