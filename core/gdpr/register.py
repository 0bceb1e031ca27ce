"""The record of processing activities (GDPR art. 30): "management of international partnerships".

A public authority must keep one; an officer without a lawyer at hand gets
it pre-filled from the file itself (who is controller, which legal bases
are recorded for how many contacts, to which countries outside the EU/EEA
the data goes) and from the settings, ready to complete and sign.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from core import fmt, settings
from core.excel.exportsheet import Column, Table, write_table
from core.excel.write import Book
from core.gdpr import log
from core.gdpr.review import review_years
from core.i18n import _
from core.spec import LEGAL_BASES

if TYPE_CHECKING:
    from sqlite_utils import Database

# The European Union and the rest of the European Economic Area: not third countries.
EEA = frozenset((
    "AT", "BE", "BG", "HR", "CY", "CZ", "DK", "EE", "FI", "FR", "DE", "GR", "IE", "IT", "LV",
    "LT", "LU", "MT", "NL", "PL", "PT", "RO", "SK", "SI", "ES", "SE", "IS", "LI", "NO",
))
_HELD = f"c.deleted_at IS NULL AND c.id NOT IN ({log.ANONYMISED_IDS})"


def legal_bases(db: Database) -> list[tuple[str | None, int]]:
    """(legal basis or None, contacts) for the contacts that hold personal data."""
    return [(row[0], row[1]) for row in db.execute(
        f"SELECT c.legal_basis, count(*) FROM contacts c WHERE {_HELD} "
        "GROUP BY c.legal_basis ORDER BY count(*) DESC, c.legal_basis")]


def third_countries(db: Database) -> list[tuple[str, int]]:
    """(code, contacts) outside the EU/EEA: the contact's country, else its organisation's."""
    rows = db.execute(
        "SELECT coalesce(c.country, o.country) AS country, count(*) FROM contacts c "
        f"LEFT JOIN organisations o ON o.id = c.organisation_id WHERE {_HELD} "
        "AND coalesce(c.country, o.country) IS NOT NULL GROUP BY 1 ORDER BY 2 DESC, 1")
    return [(code, count) for code, count in rows if code.upper() not in EEA]


def write_register(db: Database, out: Path, backup_dir: Path | None = None) -> int:
    """Write the register to ``out``; returns the number of third countries listed."""
    countries = third_countries(db)
    with Book(Path(out), settings.get(db, "municipality_name")) as book:
        write_table(book, Table(_("Register"), [Column(_("Heading")), Column(_("Entry"), "wrap")],
                                _entries(db, countries, backup_dir), max_width=40))
        write_table(book, Table(_("Third countries"), [
            Column(_("Country")), Column(_("Code")), Column(_("Contacts"), "int", total=True)],
            [[fmt.country_name(code), code, count] for code, count in countries]))
        write_table(book, Table(_("Legal bases"), [
            Column(_("Legal basis")), Column(_("Contacts"), "int", total=True)],
            [[_basis(basis), count] for basis, count in legal_bases(db)]))
    return len(countries)


def _basis(basis: str | None) -> str:
    return fmt.choice(LEGAL_BASES, basis) if basis else _("No legal basis recorded")


def _entries(db: Database, countries: list[tuple[str, int]],
             backup_dir: Path | None) -> list[list[Any]]:
    name = settings.get(db, "municipality_name").strip() or _("(the municipality: set its name)")
    dpo = settings.get(db, "dpo_contact").strip() or _("(not recorded: add it in the settings)")
    bases = "\n".join(f"{_basis(b)}: {n}" for b, n in legal_bases(db))
    abroad = "\n".join(f"{fmt.country_name(c)} ({c}): {n}" for c, n in countries)
    return [
        [_("Processing"), _("Management of international partnerships")],
        [_("Controller"), name],
        [_("Data protection officer"), dpo],
        [_("Purposes"), _(
            "Running the municipality's partnerships with local authorities abroad: keeping in "
            "touch with partners, organising missions and visits, minutes of meetings, "
            "applying for and reporting on grants, accounting for the money spent.")],
        [_("Legal bases (contacts)"), bases or _("No contact yet")],
        [_("Categories of people"), _(
            "Elected officials and staff of the municipality and of partner authorities; "
            "members of associations and twinning committees; citizens and young people "
            "taking part in missions; experts; staff of funders and support networks.")],
        [_("Categories of data"), _(
            "Name, organisation, role, e-mail, phone, languages, country, notes; legal basis; "
            "participation in missions; mentions in minutes; payments made to them.")],
        [_("Recipients"), _(
            "The municipal council (reports), funders (grant reports, with the participants "
            "of missions), partner authorities (mission programmes). Exports are logged.")],
        [_("Transfers to third countries"), abroad or _("None")],
        [_("Retention"), _(
            "Reviewed when a contact has had no activity for {years} years; then anonymised, "
            "keeping the links that accounts and minutes need.").format(years=review_years(db))],
        [_("Security measures"), _security(db, backup_dir)],
    ]


def _security(db: Database, backup_dir: Path | None) -> str:
    where = str(backup_dir) if backup_dir else _("the backup folder")
    keep = settings.backup_keep(db)
    return _(
        "A local database file on the municipality's computer, opened by one copy of the "
        "application at a time (lock file); automatic verified backups in {folder}, one a "
        "day kept for {daily} days, one a week for {weekly} weeks, one a month for {monthly} "
        "months; anonymisation wipes deleted data from the file; every export of personal "
        "data is logged.").format(folder=where, **keep)
