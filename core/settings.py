"""Settings stored in the database itself, so that they travel with the file.

The municipality's name and logo print on every report; a successor who
receives the file receives them too.
"""

from __future__ import annotations

from sqlite_utils import Database

# Every setting the application knows, with its default.
DEFAULTS: dict[str, str] = {
    "municipality_name": "",
    "municipality_country": "BE",
    "language": "fr",
    "logo_path": "",
    "backup_dir": "",
    "backup_keep_daily": "7",
    "backup_keep_weekly": "4",
    "backup_keep_monthly": "12",
    "last_backup_at": "",
}


def get(db: Database, key: str) -> str:
    row = db.execute("SELECT value FROM settings WHERE key = ?", [key]).fetchone()
    return str(row[0]) if row else DEFAULTS.get(key, "")


def put(db: Database, key: str, value: str) -> None:
    db.execute(
        "INSERT INTO settings (key, value) VALUES (?, ?) "
        "ON CONFLICT(key) DO UPDATE SET value = excluded.value",
        [key, str(value)],
    )


def all_settings(db: Database) -> dict[str, str]:
    stored = {row["key"]: row["value"] for row in db.query("SELECT key, value FROM settings")}
    return {**DEFAULTS, **stored}


def stored_settings(db: Database) -> dict[str, str]:
    """Only what was set in this file (what a dump carries)."""
    return {
        row["key"]: row["value"] for row in db.query("SELECT key, value FROM settings ORDER BY key")
    }
