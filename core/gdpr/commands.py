"""The ``gdpr`` commands' work and what they say, so that ``main.py`` only wires them.

Each function takes the open database and returns the lines to print; a
problem the user can act on (an unknown contact) is a ``UserError``, raised
before anything is written.
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from core import fmt, records
from core.errors import UserError
from core.gdpr import copies, forget, review
from core.i18n import _, ngettext
from core.spec import SPECS

if TYPE_CHECKING:
    from pathlib import Path

    from sqlite_utils import Database


def contact_number(text: str) -> int:
    """The contact number typed on the command line, or one clear error."""
    if not text.strip().isdigit():
        raise UserError(_("«{value}» is not a contact number.").format(value=text))
    return int(text)


def access(db: Database, contact_id: int, out: Path) -> list[str]:
    from core.gdpr.access_book import export_access

    portable = export_access(db, contact_id, out)
    return [_("Everything held about contact no. {id} written to {path} and {json}; the "
              "export is logged.").format(id=contact_id, path=out, json=portable)]


def describe(db: Database, plan: forget.Plan) -> list[str]:
    """What the anonymisation empties, rewrites and keeps: the dry run and the confirmation."""
    spec = SPECS["contacts"]
    lines = [_("Contact no. {id} «{name}» becomes «{pseudonym}».").format(
        id=plan.contact_id, name=records.title(db, "contacts", plan.contact_id),
        pseudonym=plan.pseudonym)]
    emptied = ", ".join(_(spec.field(name).label).lower() for name in plan.emptied)
    lines.append(_("Emptied: {fields}.").format(fields=emptied or _("nothing else")))
    missions, links = plan.kept["mission_participants"], plan.kept["partnership_contacts"]
    lines.append(_("Kept: {missions} and {links} (with their role), the transactions and the "
                   "minutes; the legal basis and its date.").format(
        missions=ngettext("{n} mission participation", "{n} mission participations",
                          missions).format(n=missions),
        links=ngettext("{n} partnership link", "{n} partnership links", links).format(n=links)))
    lines.append(ngettext(
        "Their name, e-mail or phone is replaced by «{pseudonym}» in {n} other text:",
        "Their name, e-mail or phone is replaced by «{pseudonym}» in {n} other texts:",
        len(plan.mentions)).format(pseudonym=plan.pseudonym, n=len(plan.mentions)))
    lines += [f"  {_mention_label(db, m)}" for m in plan.mentions]
    if not plan.family_name_alone:
        lines.append(_("Their family name alone is left where it stands: another contact "
                       "bears it."))
    return lines


def _mention_label(db: Database, mention: forget.Mention) -> str:
    spec = SPECS.get(mention.table)
    if spec is None:
        return f"{mention.table} #{mention.rowid}"
    return f"{_(spec.label)} #{mention.rowid} «{records.title(db, mention.table, mention.rowid)}»"


def forget_contact(db: Database, db_path: Path, backup_dir: Path, contact_id: int, *,
                   yes: bool, remove_backups: bool) -> list[str]:
    """Say what would be done, or do it; the earlier backups are named, or removed."""
    plan = forget.plan(db, contact_id)
    if plan.already and not (yes and remove_backups):
        raise UserError(_("Contact no. {id} is already anonymised.").format(id=contact_id))
    if not yes:
        return [*describe(db, plan), _("Nothing was changed; run again with --yes to do it.")]
    lines = [] if plan.already else _do_forget(db, plan)
    held = copies.held_copies(db_path, backup_dir)
    if held and remove_backups:
        removed, fresh = copies.remove_copies(db, db_path, backup_dir, [contact_id])
        lines.append(ngettext("{n} earlier backup removed; a new one was made: {path}.",
                              "{n} earlier backups removed; a new one was made: {path}.",
                              removed).format(n=removed, path=fresh))
    elif held:
        lines.append(ngettext(
            "{n} earlier backup in {folder} still holds their data until it rotates out; "
            "«gdpr forget {id} --yes --remove-backups» removes it.",
            "{n} earlier backups in {folder} still hold their data until they rotate out; "
            "«gdpr forget {id} --yes --remove-backups» removes them.", len(held)).format(
                n=len(held), folder=backup_dir, id=contact_id))
    return lines


def _do_forget(db: Database, plan: forget.Plan) -> list[str]:
    result = forget.forget(db, plan.contact_id)
    lines = [_("Contact no. {id} is now «{pseudonym}»; {n} texts rewritten; the old values "
               "are wiped from the file.").format(id=plan.contact_id, pseudonym=plan.pseudonym,
                                                  n=result.rewritten)]
    if not result.log_cleared:
        lines.append(_("Another program is reading the file: its write-ahead log will be "
                       "emptied when the file is closed."))
    return lines


def review_lines(db: Database, today: dt.date, years: int | None) -> list[str]:
    years = review.review_years(db) if years is None else years
    idle = review.idle_contacts(db, today, years)
    lines = [f"{i.contact_id}\t{i.name}\t{fmt.date(i.last_activity)}\t{i.reason}" for i in idle]
    lines.append(ngettext("{n} contact without activity for {years} years or more.",
                          "{n} contacts without activity for {years} years or more.",
                          len(idle)).format(n=len(idle), years=years))
    return lines


def register(db: Database, out: Path, backup_dir: Path) -> list[str]:
    from core.gdpr.register import write_register

    countries = write_register(db, out, backup_dir)
    return [ngettext("Register written to {path} ({n} third country).",
                     "Register written to {path} ({n} third countries).",
                     countries).format(path=out, n=countries)]
