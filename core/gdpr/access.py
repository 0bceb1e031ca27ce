"""Everything the file holds about one person (GDPR art. 15), gathered in one place.

A person who asks is owed every field of their record, the organisations
and partnerships they are linked to and in what role, the missions they
took part in, the minutes, deadlines and transactions that name them
(found through the search index, as a user would find them), and when
their data was exported. ``core.gdpr.access_book`` writes it for them to read.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from core import records
from core.gdpr import log
from core.gdpr.mentions import name_matcher
from core.migrations import SEARCH_CODES

if TYPE_CHECKING:
    from sqlite_utils import Database

Row = dict[str, Any]
# The free-text columns of each searched table, as they are shown to the person.
NAMED_IN = {
    "journal_entries": ("title", "attendees", "context", "decisions", "actions"),
    "deadlines": ("title", "notes"),
    "transactions": ("label", "counterparty", "reference", "notes"),
}


# The records whose text may name a person, found through the search index.
MENTIONED_IN = ("journal_entries", "deadlines", "transactions")


def gather(db: Database, contact_id: int, *,
           mentioned_in: tuple[str, ...] = MENTIONED_IN) -> dict[str, Any]:
    """What the file holds about ``contact_id`` (in the trash too), as plain data.

    ``mentioned_in``: the kinds of record searched for their name; the contact's page
    shows only the journal, and a common family name can be in thousands of payments.
    """
    contact = records.get(db, "contacts", contact_id, deleted=True)
    return {
        "contact": contact,
        "organisation": _organisation(db, contact.get("organisation_id")),
        "partnerships": _partnerships(db, contact_id),
        "missions": _missions(db, contact),
        **{table: _named_in(db, table, contact) for table in mentioned_in},
        "personal_data_log": log.entries_for(db, contact_id),
    }


def _organisation(db: Database, organisation_id: int | None) -> Row | None:
    if organisation_id is None:
        return None
    rows = list(db.query("SELECT id, name, kind, country, city FROM organisations WHERE id = ?",
                         [organisation_id]))
    return rows[0] if rows else None


def _partnerships(db: Database, contact_id: int) -> list[Row]:
    return list(db.query(
        "SELECT p.id AS partnership_id, p.name AS partnership, p.country, l.role, l.notes, "
        "l.created_at AS linked_at FROM partnership_contacts l "
        "JOIN partnerships p ON p.id = l.partnership_id "
        "WHERE l.contact_id = ? AND l.deleted_at IS NULL ORDER BY p.name", [contact_id]))


def _missions(db: Database, contact: Row) -> list[Row]:
    """Missions they took part in: as the contact, or under a free name that is theirs."""
    rows = list(db.query(
        "SELECT m.id AS mission_id, m.title AS mission, p.name AS partnership, m.direction, "
        "m.destination_city, m.destination_country, m.start_date, m.end_date, m.status, "
        "mp.category, mp.notes, mp.contact_id, mp.name "
        "FROM mission_participants mp JOIN missions m ON m.id = mp.mission_id "
        "JOIN partnerships p ON p.id = m.partnership_id "
        "WHERE mp.deleted_at IS NULL AND m.deleted_at IS NULL "
        "AND (mp.contact_id = ? OR (mp.contact_id IS NULL AND mp.name IS NOT NULL)) "
        "ORDER BY m.start_date, m.id", [contact["id"]]))
    named = name_matcher(contact)
    return [{k: v for k, v in row.items() if k not in ("contact_id", "name")} for row in rows
            if row["contact_id"] == contact["id"] or named.finds(row["name"])]


def fts_phrases(contact: Row) -> str | None:
    """The full name both ways as FTS5 phrases, or None for a record without a name."""
    first = (contact.get("first_name") or "").replace('"', " ").strip()
    last = (contact.get("last_name") or "").replace('"', " ").strip()
    names = {" ".join(p for p in (first, last) if p), " ".join(p for p in (last, first) if p)}
    names.discard("")
    return " OR ".join(f'"{name}"' for name in sorted(names)) or None


def _named_in(db: Database, table: str, contact: Row) -> list[Row]:
    """Records of ``table`` whose indexed text names the person, with the passages that do."""
    phrases = fts_phrases(contact)
    if phrases is None:
        return []
    ids = [row[0] for row in db.execute(
        "SELECT rowid / 16 FROM search_index WHERE search_index MATCH ? AND rowid % 16 = ?",
        [f"kind:{table} AND ({phrases})", SEARCH_CODES[table]])]
    found = []
    for record_id in sorted(ids):
        record = records.get(db, table, record_id)
        record["partnership"] = _partnership_names(db, table, record)
        found.append(record)
    return sorted(found, key=lambda r: (str(r.get("date") or r.get("due_date") or ""), r["id"]))


def _partnership_names(db: Database, table: str, record: Row) -> str:
    if table == "journal_entries":
        sql = ("SELECT group_concat(p.name, ', ') FROM journal_entry_partnerships l JOIN "
               "partnerships p ON p.id = l.partnership_id WHERE l.journal_entry_id = ? "
               "AND l.deleted_at IS NULL")
        return str(db.execute(sql, [record["id"]]).fetchone()[0] or "")
    partnership_id = record.get("partnership_id")
    return records.title(db, "partnerships", partnership_id) if partnership_id else ""
