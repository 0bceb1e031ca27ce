"""Journal entries: dated notes and minutes, on one partnership or several at once.

A network meeting concerns several partnerships; each follow-up action of
a minute can become a deadline so that it is not forgotten.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from core import records

if TYPE_CHECKING:
    from collections.abc import Iterable

    from sqlite_utils import Database

Row = dict[str, Any]


def create_entry(db: Database, values: Row, partnership_ids: Iterable[int]) -> int:
    with db.atomic():
        entry_id = records.create(db, "journal_entries", values)
        for partnership_id in partnership_ids:
            records.create(
                db,
                "journal_entry_partnerships",
                {"journal_entry_id": entry_id, "partnership_id": partnership_id},
            )
    return entry_id


def partnerships_of(db: Database, entry_id: int) -> list[int]:
    return [
        row[0]
        for row in db.execute(
            "SELECT partnership_id FROM journal_entry_partnerships "
            "WHERE journal_entry_id = ? AND deleted_at IS NULL ORDER BY id",
            [entry_id],
        )
    ]


def entries_of(db: Database, partnership_id: int) -> list[Row]:
    """A partnership's journal, oldest first."""
    return list(
        db.query(
            "SELECT j.id, j.date, j.title, j.kind, j.context, j.decisions, j.actions, j.attendees "
            "FROM journal_entries j JOIN journal_entry_partnerships l ON l.journal_entry_id = j.id "
            "WHERE l.partnership_id = ? AND l.deleted_at IS NULL AND j.deleted_at IS NULL "
            "ORDER BY j.date, j.id",
            [partnership_id],
        )
    )


def action_to_deadline(db: Database, entry_id: int, title: str, due_date: str) -> int:
    """Turn a follow-up action of a minute into a deadline, linked back to it."""
    linked = partnerships_of(db, entry_id)
    return records.create(
        db,
        "deadlines",
        {
            "title": title,
            "due_date": due_date,
            "kind": "follow_up",
            "journal_entry_id": entry_id,
            "partnership_id": linked[0] if linked else None,
        },
    )
