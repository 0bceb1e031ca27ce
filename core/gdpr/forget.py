"""Anonymise a contact (GDPR art. 17) so that nothing in the file still names them.

The record stays, renamed "Contact anonymisé n° ID", with its links to
missions, partnerships and transactions: accounts and minutes must be kept,
and counts and totals do not move. Every identifying field is emptied; where
free text anywhere in the file (minutes, missions, transactions, the trash,
the import history, the log) names the person, the name, e-mail or phone is
replaced by that same label. Then the old bytes are wiped from the file
itself: SQLite keeps deleted content in free pages and in the write-ahead
log unless told otherwise, so the index is merged, the file vacuumed with
``secure_delete`` on and the log truncated.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from core import records
from core.gdpr import log
from core.gdpr.mentions import Matcher, fold, matcher
from core.i18n import N_, _
from core.spec import SPECS

if TYPE_CHECKING:
    from sqlite_utils import Database

Row = dict[str, Any]
PSEUDONYM = N_("Anonymised contact no. {id}")
# Kept: how the person was held (not who they are); everything else of the record is emptied.
KEPT_FIELDS = ("legal_basis", "legal_basis_date")
# Tables whose text is never rewritten: settings are the commune's own, the index is rebuilt.
_UNTOUCHED = ("settings", "search_index", "sqlite_sequence", "import_changes")


@dataclass(frozen=True)
class Mention:
    """One record whose free text names the person, and which of its columns do."""

    table: str
    rowid: int
    columns: tuple[str, ...]


@dataclass
class Plan:
    """What ``forget`` would do, for the confirmation and the dry run."""

    contact_id: int
    pseudonym: str
    emptied: list[str]  # fields (spec names) that hold a value and will be emptied
    mentions: list[Mention]
    kept: dict[str, int]  # links kept: missions, partnerships, transactions of those missions
    family_name_alone: bool  # False when another contact bears the same family name
    already: bool = False
    matcher: Matcher = field(default_factory=lambda: Matcher(()))


def pseudonym(contact_id: int) -> str:
    return _(PSEUDONYM).format(id=contact_id)


def _contact(db: Database, contact_id: int) -> Row:
    return records.get(db, "contacts", contact_id, deleted=True)


def _shares_family_name(db: Database, contact: Row) -> bool:
    wanted = fold((contact["last_name"] or "").strip())
    others = db.execute(
        f"SELECT last_name FROM contacts WHERE id <> ? AND id NOT IN ({log.ANONYMISED_IDS})",
        [contact["id"]])
    return any(fold((name or "").strip()) == wanted for (name,) in others)


def plan(db: Database, contact_id: int) -> Plan:
    """Look, change nothing: what the anonymisation of ``contact_id`` empties, replaces, keeps."""
    contact = _contact(db, contact_id)
    alone = not _shares_family_name(db, contact)
    found = matcher(contact, family_name_alone=alone)
    emptied = [f.name for f in SPECS["contacts"].fields
               if f.name not in KEPT_FIELDS and contact.get(f.name) not in (None, "")]
    mentions = [m for m in _mentions(db, found)
                if not (m.table == "contacts" and m.rowid == contact_id)]
    return Plan(contact_id, pseudonym(contact_id), emptied, mentions,
                kept_links(db, contact_id), alone, log.is_anonymised(db, contact_id), found)


def kept_links(db: Database, contact_id: int) -> dict[str, int]:
    """The links that stay after anonymisation (live ones), by kind."""
    one = db.execute
    return {
        "mission_participants": one(
            "SELECT count(*) FROM mission_participants WHERE contact_id = ? "
            "AND deleted_at IS NULL", [contact_id]).fetchone()[0],
        "partnership_contacts": one(
            "SELECT count(*) FROM partnership_contacts WHERE contact_id = ? "
            "AND deleted_at IS NULL", [contact_id]).fetchone()[0],
    }


def _text_columns(db: Database) -> dict[str, list[str]]:
    """Every table with rows and its TEXT columns, but the ones ``_UNTOUCHED`` names."""
    tables = [name for (name,) in db.execute(
        "SELECT name FROM sqlite_master WHERE type = 'table' AND sql NOT LIKE '%VIRTUAL%' "
        "AND sql NOT LIKE '%WITHOUT ROWID%' AND name NOT LIKE 'search_index_%' "
        "AND name NOT LIKE 'sqlite_%' ORDER BY name")]
    found = {}
    for table in tables:
        if table in _UNTOUCHED:
            continue
        columns = [r[1] for r in db.execute(f"PRAGMA table_info({table})")
                   if (r[2] or "").upper() == "TEXT"]
        if columns:
            found[table] = columns
    return found


def _mentions(db: Database, found: Matcher) -> list[Mention]:
    """Every row of the file whose text names the person (its own record aside)."""
    db.conn.create_function("gdpr_names", 1, lambda v: 1 if found.finds(v) else 0,
                            deterministic=True)
    mentions = []
    for table, columns in _text_columns(db).items():
        test = " OR ".join(f"gdpr_names({c})" for c in columns)
        select = ", ".join(f"gdpr_names({c})" for c in columns)
        for row in db.execute(f"SELECT rowid, {select} FROM {table} WHERE {test}"):
            hits = tuple(c for c, hit in zip(columns, row[1:], strict=True) if hit)
            mentions.append(Mention(table, row[0], hits))
    mentions += [Mention("import_changes", rowid, ("before_json",))
                 for rowid in _import_changes_naming(db, found)]
    return mentions


def _import_changes_naming(db: Database, found: Matcher) -> list[int]:
    """Import history rows whose saved values name the person (JSON escapes accents)."""
    return [rowid for rowid, text in db.execute(
        "SELECT rowid, before_json FROM import_changes WHERE before_json IS NOT NULL")
        if any(found.finds(v) for v in _strings(json.loads(text)))]


def _strings(value: Any) -> list[str]:
    if isinstance(value, dict):
        return [s for v in value.values() for s in _strings(v)]
    if isinstance(value, list):
        return [s for v in value for s in _strings(v)]
    return [value] if isinstance(value, str) else []


# --- doing it -------------------------------------------------------------------


@dataclass(frozen=True)
class Result:
    plans: list[Plan]
    rewritten: int  # records whose free text named the people
    log_cleared: bool  # the write-ahead log is empty (False: another connection reads)


def forget(db: Database, contact_id: int) -> Result:
    """Anonymise ``contact_id`` and wipe the old values from the file; see the module."""
    return forget_many(db, [contact_id])


def forget_many(db: Database, contact_ids: list[int]) -> Result:
    """Anonymise several contacts in one transaction, then wipe the file once."""
    from core.errors import UserError

    previous = int(db.execute("PRAGMA secure_delete").fetchone()[0])
    db.execute("PRAGMA secure_delete = ON")
    plans, rewritten = [], 0
    try:
        with db.atomic():
            for contact_id in contact_ids:  # each plan sees the ones anonymised before it
                found = plan(db, contact_id)
                if found.already:
                    raise UserError(_("Contact no. {id} is already anonymised.").format(
                        id=contact_id))
                _empty_record(db, found)
                rewritten += _rewrite_mentions(db, found)
                log.record(db, log.ANONYMISE, "", [contact_id])
                plans.append(found)
            # Merging the index drops the terms of the deleted rows, not only their rowids.
            db.execute("INSERT INTO search_index (search_index) VALUES ('optimize')")
        cleared = wipe_free_space(db)
    finally:
        db.execute(f"PRAGMA secure_delete = {previous}")
    return Result(plans, rewritten, cleared)


def _empty_record(db: Database, found: Plan) -> None:
    """The record renamed and emptied; its links lose their notes, keep their role."""
    values: Row = {}
    for f in SPECS["contacts"].fields:
        if f.name not in KEPT_FIELDS:
            values[f.sql] = f.default
    values.update(first_name="", last_name=found.pseudonym, updated_at=records.now())
    sets = ", ".join(f"{column} = ?" for column in values)
    db.execute(f"UPDATE contacts SET {sets} WHERE id = ?", [*values.values(), found.contact_id])
    db.execute("UPDATE mission_participants SET name = NULL, notes = NULL WHERE contact_id = ?",
               [found.contact_id])
    db.execute("UPDATE partnership_contacts SET notes = NULL WHERE contact_id = ?",
               [found.contact_id])
    db.execute("UPDATE import_changes SET before_json = '{}' WHERE table_name = 'contacts' "
               "AND record_id = ? AND before_json IS NOT NULL", [found.contact_id])


def _rewrite_mentions(db: Database, found: Plan) -> int:
    """Replace the name, e-mail and phone in every text that still holds them."""
    rewritten = 0
    for mention in found.mentions:
        if mention.table == "contacts" and mention.rowid == found.contact_id:
            continue
        columns = ", ".join(mention.columns)
        row = db.execute(f"SELECT {columns} FROM {mention.table} WHERE rowid = ?",
                         [mention.rowid]).fetchone()
        if row is None:
            continue
        new = [_rewrite(mention, value, found) for value in row]
        sets = ", ".join(f"{c} = ?" for c in mention.columns)
        db.execute(f"UPDATE {mention.table} SET {sets} WHERE rowid = ?", [*new, mention.rowid])
        rewritten += 1
    return rewritten


def _rewrite(mention: Mention, value: Any, found: Plan) -> Any:
    if not isinstance(value, str):
        return value
    if mention.table == "import_changes":
        return json.dumps(_replaced(json.loads(value), found), default=str)
    return found.matcher.replace(value, found.pseudonym)


def _replaced(value: Any, found: Plan) -> Any:
    if isinstance(value, dict):
        return {k: _replaced(v, found) for k, v in value.items()}
    if isinstance(value, list):
        return [_replaced(v, found) for v in value]
    return found.matcher.replace(value, found.pseudonym) if isinstance(value, str) else value


def wipe_free_space(db: Database) -> bool:
    """Rewrite the file without its free pages, then empty the write-ahead log.

    VACUUM in WAL mode writes the new pages to the log; the checkpoint copies
    them over every page of the file, cuts the file to its new size and
    truncates the log. False when another connection's read kept the log.
    """
    db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    db.execute("VACUUM")
    busy = db.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchone()[0]
    return int(busy) == 0
