"""A partnership and what hangs on it: its people, and its whole story in date order.

The story is what a successor reads first: when it started, what was
signed, who went where, what was decided, what is still due.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from core import records

if TYPE_CHECKING:
    from sqlite_utils import Database

Row = dict[str, Any]


def link_contact(
    db: Database,
    partnership_id: int,
    contact_id: int,
    role: str = "other",
    notes: str | None = None,
) -> int:
    return records.create(
        db,
        "partnership_contacts",
        {
            "partnership_id": partnership_id,
            "contact_id": contact_id,
            "role": role,
            "notes": notes,
        },
    )


def contacts_of(db: Database, partnership_id: int) -> list[Row]:
    """The people linked to a partnership with their role in it, and their organisation."""
    return list(
        db.query(
            "SELECT pc.id AS link_id, pc.role AS partnership_role, c.id, c.first_name, "
            "c.last_name, "
            "c.role, c.email, c.phone, o.name AS organisation_name FROM partnership_contacts pc "
            "JOIN contacts c ON c.id = pc.contact_id "
            "LEFT JOIN organisations o ON o.id = c.organisation_id "
            "WHERE pc.partnership_id = ? AND pc.deleted_at IS NULL AND c.deleted_at IS NULL "
            "ORDER BY pc.role, c.last_name COLLATE NOCASE",
            [partnership_id],
        )
    )


def history(db: Database, partnership_id: int) -> list[Row]:
    """Every dated event of a partnership, oldest first: a list of {date, kind, id, title}."""
    p = records.get(db, "partnerships", partnership_id)
    events: list[Row] = []
    for field, kind in (
        ("start_date", "partnership_start"),
        ("agreement_signed_date", "agreement_signed"),
        ("agreement_expiry_date", "agreement_expiry"),
        ("end_date", "partnership_end"),
    ):
        if p[field]:
            events.append(
                {"date": p[field], "kind": kind, "id": partnership_id, "title": p["name"]}
            )
    events += db.query(
        "SELECT start_date AS date, 'project' AS kind, id, title FROM projects "
        "WHERE partnership_id = :p AND deleted_at IS NULL AND start_date IS NOT NULL "
        "UNION ALL SELECT start_date, 'mission', id, title FROM missions "
        "WHERE partnership_id = :p AND deleted_at IS NULL AND start_date IS NOT NULL "
        "UNION ALL SELECT j.date, 'journal_entry', j.id, j.title FROM journal_entries j "
        "JOIN journal_entry_partnerships l ON l.journal_entry_id = j.id "
        "WHERE l.partnership_id = :p AND l.deleted_at IS NULL AND j.deleted_at IS NULL "
        "UNION ALL SELECT due_date, 'deadline', id, title FROM deadlines "
        "WHERE partnership_id = :p AND deleted_at IS NULL",
        {"p": partnership_id},
    )
    return sorted(events, key=lambda e: (e["date"], e["kind"], e["id"]))
