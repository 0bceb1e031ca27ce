"""The yearly «e-APD declaration» deadline: French communes only, once a year, can be turned off."""

from __future__ import annotations

import datetime as dt

from sqlite_utils import Database

from core import records, settings
from core.declarations.deadline import add_yearly_deadline

SPRING = dt.date(2026, 2, 10)


def deadlines(db: Database) -> list[tuple[str, str]]:
    return [(r["title"], r["due_date"]) for r in records.list_records(db, "deadlines")]


def test_a_french_commune_gets_it_once_a_year(db: Database) -> None:
    settings.put(db, "municipality_country", "FR")
    assert add_yearly_deadline(db, SPRING) is not None
    assert deadlines(db) == [("e-APD declaration 2025", "2026-05-31")]
    assert add_yearly_deadline(db, SPRING + dt.timedelta(days=30)) is None
    records.delete(db, "deadlines", records.list_records(db, "deadlines")[0]["id"])
    assert add_yearly_deadline(db, SPRING) is None and deadlines(db) == []  # deleted stays so
    assert add_yearly_deadline(db, dt.date(2027, 1, 3)) is not None
    assert deadlines(db) == [("e-APD declaration 2026", "2027-05-31")]


def test_not_for_a_belgian_commune_nor_when_turned_off(db: Database) -> None:
    settings.put(db, "municipality_country", "BE")
    assert add_yearly_deadline(db, SPRING) is None
    settings.put_many(db, {"municipality_country": "FR", "apd_deadline": "0"})
    assert add_yearly_deadline(db, SPRING) is None
    assert deadlines(db) == []
