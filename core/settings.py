"""Settings stored in the database itself, so that they travel with the file.

The municipality's name and logo print on every report; a successor who
receives the file receives them too.
"""

from __future__ import annotations

from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from collections.abc import Mapping

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
    # Identifiers the yearly declarations print (e-APD, CIC/GIS, IATI).
    "municipality_siren": "",  # France: SIREN (9 digits)
    "municipality_insee": "",  # France: INSEE commune code (5 characters)
    "municipality_kbo": "",  # Belgium: KBO/BCE enterprise number
    "iati_org_id": "",  # e.g. FR-SIRET-… or BE-BCE_KBO-…
    "dpo_contact": "",  # the data protection officer: name, e-mail or phone, free text
    "gdpr_review_years": "5",  # the retention review lists contacts idle this many years
    "apd_deadline": "1",  # "0": no yearly e-APD deadline (communes in France)
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


# --- for the welcome and settings dialogs and the automatic backups ----------

# Where our users' municipalities are: offered first, before every country.
MUNICIPALITY_COUNTRIES = ("BE", "FR", "NL", "LU", "CH", "CA")
BACKUP_KEEP_KEYS = {
    "daily": "backup_keep_daily",
    "weekly": "backup_keep_weekly",
    "monthly": "backup_keep_monthly",
}


def put_many(db: Database, values: Mapping[str, str]) -> None:
    """Store several settings at once: all of them or, on failure, none."""
    with db.atomic():
        for key, value in values.items():
            put(db, key, value)


def country_codes() -> list[str]:
    """Every ISO 3166 alpha-2 code a country name is known for (the same list imports read)."""
    from core.parse import _country_codes

    return sorted(_country_codes())


def backup_dir(db: Database, default: Path) -> Path:
    """The folder chosen for backups, or ``default`` (beside the database) when none was."""
    chosen = get(db, "backup_dir").strip()
    return Path(chosen) if chosen else Path(default)


def backup_keep(db: Database) -> dict[str, int]:
    """How many daily, weekly and monthly backups to keep, as ``backup.rotate`` takes them."""
    keep = {}
    for period, key in BACKUP_KEEP_KEYS.items():
        try:
            keep[period] = max(0, int(get(db, key)))
        except ValueError:
            keep[period] = int(DEFAULTS[key])
    return keep


def backup_due(db: Database, now: datetime) -> bool:
    """True unless a backup was already made on ``now``'s day (at most one a day)."""
    try:
        last = datetime.fromisoformat(get(db, "last_backup_at"))
    except ValueError:  # never made, or unreadable
        return True
    return last.date() != now.date()


def peek(path: Path, key: str) -> str:
    """A setting read straight from a file before it is opened (the window's language)."""
    import sqlite3

    from core.db import connect_read_only

    try:
        conn = connect_read_only(path)
        try:
            row = conn.execute("SELECT value FROM settings WHERE key = ?", [key]).fetchone()
        finally:
            conn.close()
    except sqlite3.Error:
        row = None
    return str(row[0]) if row else DEFAULTS.get(key, "")
