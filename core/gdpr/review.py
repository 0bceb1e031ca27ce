"""The retention review: contacts with no activity for N years, and why they are listed.

Personal data is kept no longer than needed (GDPR art. 5(1)(e)). Activity
is what shows the commune still works with a person: a mission they took
part in, a journal entry that names them, a change to their links to
partnerships or missions, an edit of their record. Dates in the future (a
planned mission) count as today.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from core import fmt, settings
from core.gdpr import log
from core.gdpr.access import fts_phrases
from core.i18n import _
from core.migrations import SEARCH_CODES

if TYPE_CHECKING:
    from sqlite_utils import Database

DEFAULT_YEARS = 5
_LAST_MISSION = (
    "SELECT {what} FROM mission_participants mp JOIN missions m ON m.id = mp.mission_id "
    "WHERE mp.contact_id = c.id AND mp.deleted_at IS NULL AND m.deleted_at IS NULL "
    "ORDER BY coalesce(m.end_date, m.start_date) DESC LIMIT 1"
)
_LINKS = (
    "SELECT max(max(substr(updated_at, 1, 10), coalesce(substr(deleted_at, 1, 10), ''))) "
    "FROM (SELECT updated_at, deleted_at FROM partnership_contacts WHERE contact_id = c.id "
    "UNION ALL SELECT updated_at, deleted_at FROM mission_participants WHERE contact_id = c.id)"
)


@dataclass(frozen=True)
class Idle:
    contact_id: int
    name: str
    last_activity: str  # ISO date
    reason: str  # translated: what the last activity was


def review_years(db: Database) -> int:
    """The setting (years without activity before a contact is listed), 5 unless changed."""
    try:
        return max(0, int(settings.get(db, "gdpr_review_years") or DEFAULT_YEARS))
    except ValueError:
        return DEFAULT_YEARS


def cutoff(today: dt.date, years: int) -> dt.date:
    """``today`` ``years`` years back (29 February becomes the 28th)."""
    year = today.year - years
    try:
        return today.replace(year=year)
    except ValueError:
        return today.replace(year=year, day=28)


def idle_contacts(db: Database, today: dt.date, years: int) -> list[Idle]:
    """Live contacts, not anonymised, whose last activity is ``years`` or more years old."""
    limit, now = cutoff(today, years).isoformat(), today.isoformat()
    idle = []
    for row in _activity(db):
        last, reason = _last(row, now)
        if last > limit:
            continue
        named = _last_journal_entry(db, row)
        if named is not None and min(named[0], now) > last:
            last, reason = min(named[0], now), ("journal", named)
            if last > limit:
                continue
        idle.append(Idle(row["id"], row["name"], last, _reason(reason)))
    return sorted(idle, key=lambda i: (i.last_activity, i.name.casefold(), i.contact_id))


def _activity(db: Database) -> list[dict[str, Any]]:
    return list(db.query(
        "SELECT c.id, trim(c.first_name || ' ' || c.last_name) AS name, c.first_name, "
        "c.last_name, substr(c.updated_at, 1, 10) AS edited, "
        f"({_LAST_MISSION.format(what='coalesce(m.end_date, m.start_date)')}) AS mission_date, "
        f"({_LAST_MISSION.format(what='m.title')}) AS mission_title, "
        f"({_LINKS}) AS linked "
        "FROM contacts c WHERE c.deleted_at IS NULL "
        f"AND c.id NOT IN ({log.ANONYMISED_IDS}) ORDER BY c.id"))


def _last(row: dict[str, Any], today: str) -> tuple[str, tuple[str, Any]]:
    """The latest of the contact's dated activities (future dates count as today)."""
    candidates = [(row["edited"], ("edit", None))]
    if row["mission_date"]:
        candidates.append((row["mission_date"], ("mission", row["mission_title"])))
    if row["linked"]:
        candidates.append((row["linked"], ("link", None)))
    date, reason = max(candidates, key=lambda c: c[0])
    return min(date, today), (reason[0], (date, reason[1]))


def _last_journal_entry(db: Database, row: dict[str, Any]) -> tuple[str, str] | None:
    """(date, title) of the latest journal entry naming the contact, found by the index."""
    phrases = fts_phrases(row)
    if phrases is None:
        return None
    found = db.execute(
        "SELECT j.date, j.title FROM search_index s JOIN journal_entries j "
        "ON j.id = s.rowid / 16 WHERE search_index MATCH ? AND s.rowid % 16 = ? "
        "AND j.deleted_at IS NULL ORDER BY j.date DESC LIMIT 1",
        [f"kind:journal_entries AND ({phrases})", SEARCH_CODES["journal_entries"]]).fetchone()
    return (found[0], found[1]) if found else None


def _reason(reason: tuple[str, Any]) -> str:
    kind, (date, title) = reason
    when = fmt.date(date)
    if kind == "mission":
        return _("last mission: «{title}», {date}").format(title=title, date=when)
    if kind == "journal":
        return _("last named in the journal: «{title}», {date}").format(title=title, date=when)
    if kind == "link":
        return _("last change to their links: {date}").format(date=when)
    return _("no mission, journal entry or link since; record last changed on {date}").format(
        date=when)
