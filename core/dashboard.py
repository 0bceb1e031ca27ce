"""What the officer sees first: what is alive, what comes next, what is late.

Each function is one indexed query, cheap on a file with a million
transactions; ``today`` is a parameter so that tests and the demo agree.
"""

from __future__ import annotations

from datetime import date, timedelta
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from sqlite_utils import Database

Row = dict[str, Any]


def active_partnerships(db: Database) -> list[Row]:
    return list(
        db.query(
            "SELECT p.id, p.name, p.country, p.status, p.agreement_expiry_date, "
            "o.name AS partner_name FROM partnerships p "
            "LEFT JOIN organisations o ON o.id = p.partner_organisation_id "
            "WHERE p.deleted_at IS NULL AND p.status = 'active' ORDER BY p.name COLLATE NOCASE"
        )
    )


def next_missions(db: Database, today: date, limit: int = 8) -> list[Row]:
    """Planned or confirmed missions that have not ended yet, soonest first."""
    return list(
        db.query(
            "SELECT m.id, m.title, m.direction, m.destination_city, m.destination_country, "
            "m.start_date, m.end_date, m.status, p.name AS partnership_name, "
            "(SELECT count(*) FROM mission_participants mp WHERE mp.mission_id = m.id "
            " AND mp.deleted_at IS NULL) AS participants "
            "FROM missions m JOIN partnerships p ON p.id = m.partnership_id "
            "WHERE m.deleted_at IS NULL AND m.status IN ('planned', 'confirmed') "
            "AND coalesce(m.end_date, m.start_date) >= ? "
            "ORDER BY m.start_date LIMIT ?",
            [today.isoformat(), limit],
        )
    )


_DEADLINE_SELECT = (
    "SELECT d.id, d.title, d.due_date, d.kind, d.partnership_id, "
    "p.name AS partnership_name FROM deadlines d "
    "LEFT JOIN partnerships p ON p.id = d.partnership_id "
    "WHERE d.deleted_at IS NULL AND d.done = 0 "
)


def overdue_deadlines(db: Database, today: date, limit: int = 50) -> list[Row]:
    return list(
        db.query(
            _DEADLINE_SELECT + "AND d.due_date < ? ORDER BY d.due_date LIMIT ?",
            [today.isoformat(), limit],
        )
    )


def coming_deadlines(db: Database, today: date, days: int = 60, limit: int = 50) -> list[Row]:
    until = today + timedelta(days=days)
    return list(
        db.query(
            _DEADLINE_SELECT + "AND d.due_date BETWEEN ? AND ? ORDER BY d.due_date LIMIT ?",
            [today.isoformat(), until.isoformat(), limit],
        )
    )


def agreements_to_renew(db: Database, today: date, days: int = 180) -> list[Row]:
    until = today + timedelta(days=days)
    return list(
        db.query(
            "SELECT id, name, agreement_expiry_date FROM partnerships WHERE deleted_at IS NULL "
            "AND status IN ('active', 'exploratory') AND agreement_expiry_date <= ? "
            "ORDER BY agreement_expiry_date",
            [until.isoformat()],
        )
    )


def deadline_counts(db: Database, today: date, days: int = 60) -> tuple[int, int]:
    """How many open deadlines are overdue, and how many fall in the next ``days`` days.

    The lists above stop at ``limit``; the summary figures must not.
    """
    until = today + timedelta(days=days)
    row = db.execute(
        "SELECT coalesce(sum(due_date < :today), 0), "
        "coalesce(sum(due_date BETWEEN :today AND :until), 0) FROM deadlines "
        "WHERE deleted_at IS NULL AND done = 0 AND due_date <= :until",
        {"today": today.isoformat(), "until": until.isoformat()},
    ).fetchone()
    return int(row[0]), int(row[1])
