"""Organisations found by name: the dedupe rule of DESIGN.

Two organisations are the same when their names match case-, accent- and
punctuation-insensitively and the countries match or one is empty.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from core import records
from core.parse import normalise_key

if TYPE_CHECKING:
    from sqlite_utils import Database


def find_by_name(db: Database, name: str, country: str | None = None) -> int | None:
    """The id of the live organisation with this name (and compatible country), if any."""
    key = normalise_key(name)
    if not key:
        return None
    for row in db.query(
        "SELECT id, name, country FROM organisations WHERE deleted_at IS NULL ORDER BY id"
    ):
        if normalise_key(row["name"]) != key:
            continue
        if not country or not row["country"] or row["country"] == country:
            return int(row["id"])
    return None


def find_or_create(
    db: Database, name: str, country: str | None = None, kind: str = "other"
) -> tuple[int, bool]:
    """Returns (id, created)."""
    found = find_by_name(db, name, country)
    if found is not None:
        return found, False
    return records.create(
        db, "organisations", {"name": name, "country": country, "kind": kind}
    ), True
