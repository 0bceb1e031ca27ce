"""The log of what was done with personal data: when, what, and which contacts.

A person who asks what the commune holds about them is also told when their
data left the file (art. 15: the recipients). Every access export, every
export of contacts and every anonymisation leaves one entry here, with the
contacts' numbers only: an entry never repeats a name, an e-mail or a phone.
The dump carries the log as ``personal_data_log``.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from core.i18n import N_, _

if TYPE_CHECKING:
    from collections.abc import Iterable

    from sqlite_utils import Database

Row = dict[str, Any]
DUMP_KEY = "personal_data_log"

ACCESS, EXPORT, ANONYMISE, BACKUPS_REMOVED = "access", "export", "anonymise", "backups_removed"
ACTIONS = {
    ACCESS: N_("Access export"),
    EXPORT: N_("Export of contacts"),
    ANONYMISE: N_("Anonymisation"),
    BACKUPS_REMOVED: N_("Backups removed"),
}
# Exports whose rows name contacts, and the column that says which.
EXPORTED_CONTACTS = {
    "contacts": "t.id",
    "partnership_contacts": "t.contact_id",
    "mission_participants": "t.contact_id",
}


def record(db: Database, action: str, what: str, contact_ids: Iterable[int],
           *, when: str | None = None) -> int:
    """Add one entry naming ``contact_ids`` (numbers only); returns its number."""
    from core.records import now

    with db.atomic():
        log_id = int(db.execute(
            "INSERT INTO personal_data_log (logged_at, action, what) VALUES (?, ?, ?)",
            [when or now(), action, what]).lastrowid or 0)
        db.conn.executemany(
            "INSERT OR IGNORE INTO personal_data_log_contacts (log_id, contact_id) "
            "VALUES (?, ?)", [(log_id, int(c)) for c in set(contact_ids) if c is not None])
    return log_id


def record_export(db: Database, table: str, what: str, source: str = "",
                  where: str = "t.deleted_at IS NULL", params: list[Any] | None = None) -> None:
    """Log an export of ``table`` when its rows name contacts (``source`` aliased "t")."""
    column = EXPORTED_CONTACTS.get(table)
    if column is None:
        return
    ids = [row[0] for row in db.execute(
        f"SELECT DISTINCT {column} FROM {source or table + ' t'} WHERE {where}", params or [])]
    record(db, EXPORT, what, ids)


def entries_for(db: Database, contact_id: int) -> list[Row]:
    """A contact's entries, newest first: when, what was done, how many contacts with them."""
    return list(db.query(
        "SELECT l.id, l.logged_at, l.action, l.what, "
        "(SELECT count(*) FROM personal_data_log_contacts c WHERE c.log_id = l.id) AS contacts "
        "FROM personal_data_log l JOIN personal_data_log_contacts k ON k.log_id = l.id "
        "WHERE k.contact_id = ? ORDER BY l.logged_at DESC, l.id DESC", [contact_id]))


def last_export(db: Database, contact_id: int) -> str | None:
    """When the contact's data last left the file (an access or other export), or None."""
    row = db.execute(
        "SELECT max(l.logged_at) FROM personal_data_log l JOIN personal_data_log_contacts k "
        "ON k.log_id = l.id WHERE k.contact_id = ? AND l.action IN (?, ?)",
        [contact_id, ACCESS, EXPORT]).fetchone()
    return row[0] if row else None


ANONYMISED_IDS = (
    "SELECT k.contact_id FROM personal_data_log_contacts k "
    f"JOIN personal_data_log l ON l.id = k.log_id WHERE l.action = '{ANONYMISE}'"
)
"""SQL: the numbers of the contacts that were anonymised (they hold no personal data)."""


def is_anonymised(db: Database, contact_id: int) -> bool:
    return db.execute(f"SELECT 1 FROM ({ANONYMISED_IDS}) WHERE contact_id = ?",
                      [contact_id]).fetchone() is not None


# --- the dump -------------------------------------------------------------------


def dump_entries(db: Database) -> list[Row]:
    """Every entry, oldest first, with its contacts' numbers (the dump's ``personal_data_log``)."""
    entries = []
    for row in db.query("SELECT id, logged_at, action, what FROM personal_data_log ORDER BY id"):
        ids = [r[0] for r in db.execute(
            "SELECT contact_id FROM personal_data_log_contacts WHERE log_id = ? "
            "ORDER BY contact_id", [row["id"]])]
        entries.append({**row, "contact_ids": ids})
    return entries


def load_entries(db: Database, entries: list[Any]) -> int:
    """Read back what ``dump_entries`` wrote (inside the load's transaction)."""
    for entry in entries:
        if not isinstance(entry, dict) or type(entry.get("id")) is not int:
            raise ValueError(_("{where}: a record needs a whole-number «id».").format(
                where=DUMP_KEY))
        db.execute("INSERT INTO personal_data_log (id, logged_at, action, what) "
                   "VALUES (?, ?, ?, ?)",
                   [entry["id"], str(entry.get("logged_at") or ""),
                    str(entry.get("action") or ""), str(entry.get("what") or "")])
        db.conn.executemany(
            "INSERT OR IGNORE INTO personal_data_log_contacts (log_id, contact_id) VALUES (?, ?)",
            [(entry["id"], int(c)) for c in entry.get("contact_ids") or []])
    return len(entries)
