"""Missions and the people who travel: contacts or free names, each with a category."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from core import records

if TYPE_CHECKING:
    from sqlite_utils import Database

Row = dict[str, Any]


def add_participant(
    db: Database,
    mission_id: int,
    *,
    contact_id: int | None = None,
    name: str | None = None,
    category: str = "staff",
    notes: str | None = None,
) -> int:
    return records.create(
        db,
        "mission_participants",
        {
            "mission_id": mission_id,
            "contact_id": contact_id,
            "name": name,
            "category": category,
            "notes": notes,
        },
    )


def participants(db: Database, mission_id: int) -> list[Row]:
    """Participants with a display name: the contact's name, else the free name."""
    return list(
        db.query(
            "SELECT mp.id, mp.contact_id, mp.category, mp.notes, "
            "coalesce(nullif(trim(c.first_name || ' ' || c.last_name), ''), mp.name) AS name, "
            "c.role AS role, o.name AS organisation_name FROM mission_participants mp "
            "LEFT JOIN contacts c ON c.id = mp.contact_id "
            "LEFT JOIN organisations o ON o.id = c.organisation_id "
            "WHERE mp.mission_id = ? AND mp.deleted_at IS NULL ORDER BY mp.category, name",
            [mission_id],
        )
    )


def transactions_of(db: Database, mission_id: int) -> list[Row]:
    return list(
        db.query(
            "SELECT id, date, kind, category, label, amount_cents, currency, rate, "
            "amount_eur_cents FROM transactions WHERE mission_id = ? AND deleted_at IS NULL "
            "ORDER BY date, id",
            [mission_id],
        )
    )


def of_partnership(db: Database, partnership_id: int) -> list[Row]:
    """A partnership's missions, oldest first, with how many people took part in each."""
    return list(
        db.query(
            "SELECT m.id, m.title, m.direction, m.destination_city, m.destination_country, "
            "m.start_date, m.end_date, m.status, (SELECT count(*) FROM mission_participants mp "
            "WHERE mp.mission_id = m.id AND mp.deleted_at IS NULL) AS participants "
            "FROM missions m WHERE m.partnership_id = ? AND m.deleted_at IS NULL "
            "ORDER BY m.start_date IS NULL, m.start_date, m.id",
            [partnership_id],
        )
    )


def of_year(db: Database, year: int) -> list[Row]:
    """The missions under way at some point of ``year``, with their partnership's name
    and how many people took part: for the council's workbook and the annual report."""
    return list(
        db.query(
            "SELECT m.id, m.partnership_id, p.name AS partnership, m.title, m.direction, "
            "m.destination_city, m.destination_country, m.start_date, m.end_date, m.status, "
            "count(mp.id) AS participants FROM missions m "
            "JOIN partnerships p ON p.id = m.partnership_id "
            "LEFT JOIN mission_participants mp ON mp.mission_id = m.id AND mp.deleted_at IS NULL "
            "WHERE m.deleted_at IS NULL AND m.start_date <= :last "
            "AND coalesce(m.end_date, m.start_date) >= :first "
            "GROUP BY m.id ORDER BY m.start_date, m.id",
            {"first": f"{year:04d}-01-01", "last": f"{year:04d}-12-31"},
        )
    )


def summary_texts(row: Row) -> list[str]:
    """A row of ``of_partnership`` as the partnership page and sheet show it: dates, title,
    direction, destination, status, number of participants."""
    from core import fmt
    from core.spec import MISSION_DIRECTIONS, MISSION_STATUSES

    return [
        fmt.period(row["start_date"], row["end_date"]),
        row["title"],
        fmt.choice(MISSION_DIRECTIONS, row["direction"]),
        fmt.place(row["destination_city"], row["destination_country"]),
        fmt.choice(MISSION_STATUSES, row["status"]),
        fmt.number(row["participants"]),
    ]


def deadlines_of(db: Database, mission_id: int) -> list[Row]:
    """The deadlines linked to a mission (visas, bookings, report), open ones first."""
    return list(
        db.query(
            "SELECT id, title, due_date, kind, done, done_date, notes FROM deadlines "
            "WHERE mission_id = ? AND deleted_at IS NULL ORDER BY done, due_date, id",
            [mission_id],
        )
    )
