"""The yearly e-APD deadline: communes in France declare last year's aid by 31 May.

Added once a year when the file opens (and when the settings change), for a
commune whose country is France, unless the user turned it off in the
settings. A setting remembers the year it was added for, so a deadline the
user deleted or moved is not put back.
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from core import records, settings
from core.i18n import _

if TYPE_CHECKING:
    from sqlite_utils import Database

DUE = (5, 31)  # the campaign runs from 15 April to 31 May
ADDED_KEY = "apd_deadline_added"  # the last year the deadline was added for


def wanted(db: Database) -> bool:
    return (settings.get(db, "municipality_country") == "FR"
            and settings.get(db, "apd_deadline") != "0")


def add_yearly_deadline(db: Database, today: dt.date) -> int | None:
    """Add this year's «e-APD declaration» deadline if it is due and not yet added; its id."""
    if not wanted(db) or settings.get(db, ADDED_KEY) == str(today.year):
        return None
    with db.atomic():
        deadline_id = records.create(db, "deadlines", {
            "title": _("e-APD declaration {year}").format(year=today.year - 1),
            "due_date": dt.date(today.year, *DUE).isoformat(),
            "kind": "other",
            "notes": _("Campaign from 15 April to 31 May: declare the official development "
                       "assistance of {year} (Reports › Declarations › e-APD worksheet).")
            .format(year=today.year - 1),
        })
        settings.put(db, ADDED_KEY, str(today.year))
    return deadline_id
