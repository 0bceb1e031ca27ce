"""Writing an import plan, all of it or none of it, and undoing a whole import later.

Each import is a batch: what it created and, for an update, each record's
values before. A batch can be undone while none of its records changed
since and nothing else was attached to them.
"""

from __future__ import annotations

import hashlib
import json
from typing import TYPE_CHECKING, Any

from core import records
from core.errors import UserError
from core.excel import extras
from core.excel.keys import NEW, organisations_to_create
from core.i18n import _, ngettext
from core.spec import SPECS, children_of

if TYPE_CHECKING:
    from sqlite_utils import Database

    from core.excel.plan import ImportPlan, PlannedRow


def apply(db: Database, plan: ImportPlan, *, strict: bool = False) -> int:
    """Write every row that passed, in one transaction; returns the batch id."""
    rejected = plan.count("reject")
    if strict and rejected:
        raise UserError(ngettext(
            "{n} row was rejected; nothing was imported (--strict).",
            "{n} rows were rejected; nothing was imported (--strict).", rejected).format(
                n=rejected))
    with db.atomic():
        batch = int(db.execute(
            "INSERT INTO import_batches (kind, file_name, sheet, imported_at, created, updated, "
            "skipped, rejected) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            [plan.kind, plan.path.name, plan.sheet, records.now(), plan.count("create"),
             plan.count("update"), plan.count("skip"), rejected]).lastrowid or 0)
        organisations = _create_organisations(db, plan, batch)
        new = [_linked_row(plan.table, row, organisations)
               for row in plan.rows if row.action == "create"]
        _note_created(db, batch, plan.table, records.insert_checked(db, plan.table, new))
        for row in plan.rows:
            if row.action == "update" and row.existing_id is not None:
                _update(db, batch, plan.table, row.existing_id,
                        _linked(row.values, organisations))
        if plan.table == "partnerships":  # their transactions and missions will ask why
            extras.remember_rejected(db, plan)
    return batch


def _note_created(db: Database, batch: int, table: str, ids: list[int]) -> None:
    """Remember the new records with what they hold, read back in one query."""
    if not ids:
        return
    cursor = db.execute(f"SELECT * FROM {table} WHERE id BETWEEN ? AND ? ORDER BY id",
                        [ids[0], ids[-1]])
    db.conn.executemany(
        "INSERT INTO import_changes (batch_id, table_name, record_id, action, stamp) "
        "VALUES (?, ?, ?, 'created', ?)",
        [(batch, table, row[0], _digest(row)) for row in cursor])


def _create_organisations(db: Database, plan: ImportPlan, batch: int) -> dict[str, int]:
    """The organisations the rows name and the database lacks, made in one statement."""
    found = plan.new_organisations
    ids = records.create_many(db, "organisations", [
        {"name": name, "country": country, "kind": kind} for name, country, kind in
        found.values()])
    _note_created(db, batch, "organisations", ids)
    return {NEW + key: org_id for key, org_id in zip(found, ids, strict=True)}


def _linked_row(table: str, row: PlannedRow, organisations: dict[str, int]) -> dict[str, Any]:
    """The row validated while planning, linked to the organisations just created."""
    new = organisations_to_create(row.values)
    if not new:
        return row.checked
    checked = dict(row.checked)
    for name in new:
        checked[SPECS[table].field(name).sql] = organisations[row.values[name]]
    return checked


def _linked(values: dict[str, Any], organisations: dict[str, int]) -> dict[str, Any]:
    return {k: organisations.get(v, v) if isinstance(v, str) and v.startswith(NEW) else v
            for k, v in values.items()}


def _update(db: Database, batch: int, table: str, record_id: int,
            values: dict[str, Any]) -> None:
    """Fill the existing record with the file's non-empty values; keep what it was."""
    before = records.get(db, table, record_id)
    records.update(db, table, record_id, {k: v for k, v in values.items() if v not in
                                          (None, "", [])})
    _note(db, batch, table, record_id, "updated", json.dumps(before, default=str))


def _current(db: Database, table: str, record_id: int) -> Any:
    """The record's row as it is now, or None; a change of any field changes its digest
    (timestamps are too coarse)."""
    return db.execute(f"SELECT * FROM {table} WHERE id = ?", [record_id]).fetchone()


def _unchanged(stamp: str | None, row: Any) -> bool:
    """Whether ``row`` is as the import left it; imports made before version 2 of the
    fingerprint stored the legacy one."""
    if row is None:
        return stamp is None
    return stamp in (_digest(row), _legacy_digest(row))


def _digest(row: Any) -> str:
    # repr() of a row of str, int, float and None is exact and made in C: a sixth of
    # the time json.dumps took, for every record of a large import.
    return "2:" + hashlib.sha1(repr(tuple(row)).encode()).hexdigest()


def _legacy_digest(row: Any) -> str:
    return hashlib.sha1(json.dumps(list(row), default=str).encode()).hexdigest()


def _note(db: Database, batch: int, table: str, record_id: int, action: str,
          before: str | None = None) -> None:
    row = _current(db, table, record_id)
    stamp = None if row is None else _digest(row)
    db.execute("INSERT INTO import_changes (batch_id, table_name, record_id, action, "
               "before_json, stamp) VALUES (?, ?, ?, ?, ?, ?)",
               [batch, table, record_id, action, before, stamp])


def batches(db: Database) -> list[dict[str, Any]]:
    return list(db.query("SELECT * FROM import_batches ORDER BY id DESC"))


def undo(db: Database, batch: int) -> None:
    """Take a whole import back, or refuse with the reason and change nothing."""
    with db.atomic():
        changes = list(db.query("SELECT * FROM import_changes WHERE batch_id = ? "
                                "ORDER BY id DESC", [batch]))
        found = db.execute("SELECT undone_at FROM import_batches WHERE id = ?",
                           [batch]).fetchone()
        if found is None or found[0] is not None:
            raise UserError(_("This import was already undone."))
        # Records of the batch may point at each other: an updated contact at a new
        # organisation; undone in reverse order, those links go first.
        touched = {(c["table_name"], c["record_id"]) for c in changes}
        for change in changes:
            _check_unchanged(db, change, touched)
        for change in changes:
            _take_back(db, change)
        db.execute("UPDATE import_batches SET undone_at = ? WHERE id = ?",
                   [records.now(), batch])


def _check_unchanged(db: Database, change: dict[str, Any],
                     touched: set[tuple[str, int]]) -> None:
    table, record_id = change["table_name"], change["record_id"]
    if not _unchanged(change["stamp"], _current(db, table, record_id)):
        raise UserError(_("«{title}» was changed since the import; the import cannot be "
                          "undone.").format(title=records.title(db, table, record_id)))
    if change["action"] != "created":
        return
    for child, fld in children_of(table):
        for (other,) in db.execute(f"SELECT id FROM {child} WHERE {fld.sql} = ?",
                                   [record_id]):
            if (child, other) not in touched:
                raise UserError(_("«{title}» is used by records added since the import; the "
                                  "import cannot be undone.").format(
                                      title=records.title(db, table, record_id)))


def _take_back(db: Database, change: dict[str, Any]) -> None:
    table, record_id = change["table_name"], change["record_id"]
    if change["action"] == "created":
        db.execute(f"DELETE FROM {table} WHERE id = ?", [record_id])
        return
    before = json.loads(change["before_json"])
    values = {f.name: before.get(f.name) for f in SPECS[table].fields}
    records.update(db, table, record_id, values)
