"""Create, read, update, list, trash, restore and purge any record of ``spec``.

The domain modules (contacts, missions, …) are thin on purpose: the rules
every record shares live here once. Values go in and come out as plain
Python (``Decimal`` money, ISO date strings, lists of SDG numbers).
"""

from __future__ import annotations

import json
import re
from datetime import UTC, date, datetime
from decimal import Decimal
from functools import cache
from typing import TYPE_CHECKING, Any

from core import fmt, money
from core import search as search_module
from core.errors import NotFound, ValidationError
from core.i18n import _
from core.spec import (
    AT_LEAST_ONE,
    CATEGORIES,
    COMMON_FIELDS,
    EXPENSE_CATEGORIES,
    INCOME_CATEGORIES,
    MONEY_KINDS,
    SPECS,
    Field,
    Spec,
    children_of,
    max_length,
)

if TYPE_CHECKING:
    from collections.abc import Callable, Iterable

    from sqlite_utils import Database

Record = dict[str, Any]
_CURRENCY = re.compile(r"[A-Z]{3}")
_COUNTRY = re.compile(r"[A-Z]{2}")
_DAC = re.compile(r"\d{5}")


def now() -> str:
    return datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def spec_of(table: str) -> Spec:
    try:
        return SPECS[table]
    except KeyError:
        raise ValidationError(_("Unknown kind of record: {kind}").format(kind=table)) from None


# --- values in --------------------------------------------------------------


def _bad(f: Field, value: object) -> ValidationError:
    return ValidationError(
        _("{field}: «{value}» is not valid.").format(field=_(f.label), value=value), f.name
    )


def _text(f: Field, value: object) -> object:
    if value is None:
        return f.default
    text = (value if type(value) is str else str(value)).strip()
    if len(text) > 200 and len(text) > max_length(f):
        raise ValidationError(_("{field}: at most {limit} characters (here {count}).").format(
            field=_(f.label), limit=fmt.number(max_length(f)), count=fmt.number(len(text))), f.name)
    return text if text else f.default


def _date(f: Field, value: object) -> object:
    if value is None or value == "":
        return None
    if type(value) is str and len(value) == 10:  # the usual case: already ISO
        try:
            return date.fromisoformat(value).isoformat()
        except ValueError:
            raise _bad(f, value) from None
    if isinstance(value, datetime):
        return value.date().isoformat()
    if isinstance(value, date):
        return value.isoformat()
    try:
        return date.fromisoformat(str(value)).isoformat()
    except ValueError:
        raise _bad(f, value) from None


def _int(f: Field, value: object) -> object:
    if value is None or value == "":
        return None
    try:
        number = int(str(value))
    except ValueError:
        raise _bad(f, value) from None
    if f.type == "year" and not 1900 <= number <= 2200:
        raise _bad(f, value)
    return number


def _bool(f: Field, value: object) -> object:
    if value is None or value == "":
        return 1 if f.default else 0
    if isinstance(value, str):
        return 0 if value.strip().lower() in ("0", "false", "no", "non", "nee") else 1
    return 1 if value else 0


def _money(f: Field, value: object) -> object:
    if value is None or value == "":
        return None
    cents = money.to_cents(value)  # type: ignore[arg-type]
    if abs(cents) >= money.MAX_CENTS:
        raise ValidationError(_("{field}: «{value}» is too large.").format(
            field=_(f.label), value=value), f.name)
    return cents


def _rate(f: Field, value: object) -> object:
    if value is None or value == "":
        return None
    try:  # a Decimal or a plain decimal string, as the API and the dump give it
        rate = Decimal(value) if isinstance(value, Decimal | str | int) else None
    except ArithmeticError:
        rate = None
    if rate is None or not rate.is_finite() or rate <= 0:
        rate = money.parse_rate(value)
    return _decimal_text(rate)


def _decimal_text(value: Decimal) -> str:
    text = format(value, "f")
    return text.rstrip("0").rstrip(".") if "." in text else text


def _pattern(pattern: re.Pattern[str], upper: bool) -> Callable[[Field, object], object]:
    def convert(f: Field, value: object) -> object:
        if value is None or value == "":
            return f.default
        text = str(value).strip()
        text = text.upper() if upper else text
        if not pattern.fullmatch(text):
            raise _bad(f, value)
        return text

    return convert


def _choice(f: Field, value: object) -> object:
    if value is None or value == "":
        return f.default
    if value not in f.choices:
        raise _bad(f, value)
    return value


def _ref(f: Field, value: object) -> object:
    if value is None or value == "":
        return None
    try:
        return int(value)  # type: ignore[call-overload, no-any-return]
    except (TypeError, ValueError):
        raise _bad(f, value) from None


def _sdgs(f: Field, value: object) -> object:
    if value is None or value == "" or value == []:
        return None
    items = value.replace(";", ",").split(",") if isinstance(value, str) else value
    try:
        numbers = sorted({int(str(item).strip()) for item in items  # type: ignore[attr-defined]
                          if str(item).strip()})
    except ValueError:
        raise _bad(f, value) from None
    if any(not 1 <= n <= 17 for n in numbers):
        raise _bad(f, value)
    return ",".join(map(str, numbers)) or None


_dac_pattern = _pattern(_DAC, upper=False)


def _dac(f: Field, value: object) -> object:
    """Five digits that are a code of the OECD DAC sector list shipped with the app."""
    from core.declarations.data import dac_sectors

    code = _dac_pattern(f, value)
    if code is not None and code not in dac_sectors():
        raise _bad(f, value)
    return code


CONVERTERS: dict[str, Callable[[Field, object], object]] = {
    "text": _text,
    "date": _date,
    "int": _int,
    "year": _int,
    "bool": _bool,
    "money": _money,
    "rate": _rate,
    "currency": _pattern(_CURRENCY, upper=True),
    "country": _pattern(_COUNTRY, upper=True),
    "dac": _dac,
    "choice": _choice,
    "ref": _ref,
    "sdgs": _sdgs,
}


@cache
def _plan(table: str) -> tuple[frozenset[str], tuple[tuple[Field, Any, str, str, Any], ...]]:
    """The fields a record may have and, for each, its converter, name, SQL column and
    what an absent value becomes (worked out once: most fields of a record are empty)."""
    spec = SPECS[table]
    allowed = frozenset({*(f.name for f in spec.fields), *COMMON_FIELDS})
    return allowed, tuple((f, CONVERTERS[f.type], f.name, f.sql, CONVERTERS[f.type](f, None))
                          for f in spec.fields)


def to_row(spec: Spec, values: Record) -> Record:
    """Validate a whole record's values and return its SQL columns."""
    allowed, plan = _plan(spec.table)
    if not values.keys() <= allowed:
        unknown = ", ".join(sorted(set(values) - allowed))
        raise ValidationError(_("Unknown field: {field}").format(field=unknown))
    row: Record = {}
    get = values.get
    for f, convert, name, sql, absent in plan:
        value = get(name)
        value = absent if value is None else convert(f, value)
        if value is None and f.required:
            raise ValidationError(_("{field} is required.").format(field=_(f.label)), f.name)
        row[sql] = value
    _check_together(spec, row)
    if spec.money:
        _fill_eur(row)
    return row


# Fields whose values must be in order, and the message when they are not.
_DATE_ORDER = (
    ("start_date", "end_date"),
    ("agreement_signed_date", "agreement_expiry_date"),
)


@cache
def _columns_of(table: str, names: tuple[str, ...]) -> tuple[str, ...]:
    return tuple(spec_of(table).field(name).sql for name in names)


def _check_together(spec: Spec, row: Record) -> None:
    """Rules across fields: a name of some kind, an end after its start, a fitting category."""
    names = AT_LEAST_ONE.get(spec.table)
    if names and not any(map(row.get, _columns_of(spec.table, names))):
        labels = [_(spec.field(name).label) for name in names]
        raise ValidationError(_("Give at least one of: {fields}.").format(
            fields=", ".join(labels)), names[-1])
    for first, last in _DATE_ORDER:
        if row.get(first) and row.get(last) and row[last] < row[first]:
            raise ValidationError(_("{last} cannot come before {first}.").format(
                last=_(spec.field(last).label), first=_(spec.field(first).label)), last)
    category, kind = row.get("category"), row.get("kind")
    if spec.money and category and category != "other":
        allowed = EXPENSE_CATEGORIES if kind == "expense" else INCOME_CATEGORIES
        if category not in allowed:
            raise ValidationError(_("The category «{category}» does not fit a {kind}.").format(
                category=_(CATEGORIES[str(category)]).lower(),
                kind=_(MONEY_KINDS[str(kind)]).lower()), "category")


def _fill_eur(row: Record) -> None:
    rate = Decimal(row["rate"]) if row["rate"] is not None else None
    used, eur = money.eur_cents(row["amount_cents"], row["currency"], rate, row["amount_eur_cents"])
    if abs(eur) >= money.MAX_CENTS:  # a tiny rate: the euros would not fit the file
        raise ValidationError(_("The amount in euros is too large: check the rate."), "rate")
    row["rate"] = _decimal_text(used) if used is not None else None
    row["amount_eur_cents"] = eur


# --- values out -------------------------------------------------------------


def from_row(spec: Spec, row: Record) -> Record:
    """The Python values of a record read from SQL."""
    record: Record = {name: row[name] for name in COMMON_FIELDS}
    for f in spec.fields:
        value = row[f.sql]
        if value is not None:
            if f.type == "money":
                value = money.from_cents(value)
            elif f.type == "rate":
                value = Decimal(value)
            elif f.type == "sdgs":
                value = [int(n) for n in value.split(",")]
            elif f.type == "bool":
                value = bool(value)
        record[f.name] = value
    return record


def _columns(spec: Spec) -> str:
    return ", ".join(["id", "created_at", "updated_at"] + [f.sql for f in spec.fields])


# --- reading ----------------------------------------------------------------


def get(db: Database, table: str, record_id: int, *, deleted: bool = False) -> Record:
    spec = spec_of(table)
    rows = list(
        db.query(f"SELECT {_columns(spec)}, deleted_at FROM {table} WHERE id = ?", [record_id])
    )
    if not rows or (rows[0]["deleted_at"] is not None and not deleted):
        raise NotFound(
            _("No {kind} with number {id}.").format(kind=_(spec.label).lower(), id=record_id)
        )
    return from_row(spec, rows[0])


def _where(spec: Spec, filters: Record | None, search: str | None) -> tuple[str, list[Any]]:
    clauses, params = ["deleted_at IS NULL"], []
    for name, value in (filters or {}).items():
        column = spec.field(name).sql
        if value is None:
            clauses.append(f"{column} IS NULL")
        else:
            clauses.append(f"{column} = ?")
            params.append(value)
    indexed = search_module.matching(spec.table, "id", search)
    if indexed is not None:
        clauses.append(indexed[0])
        params += indexed[1]
    elif search_module.fts_query(search or ""):
        texts = [f.sql for f in spec.fields if f.type == "text"]
        for word in (search or "").split():
            clauses.append("(" + " OR ".join(f"{c} LIKE ?" for c in texts) + ")")
            params.extend([f"%{word}%"] * len(texts))
    return " AND ".join(clauses), params


def _order(spec: Spec, order_by: str | None) -> str:
    if not order_by:
        return spec.order_sql
    descending = order_by.startswith("-")
    f = spec.field(order_by.lstrip("-"))
    nocase = " COLLATE NOCASE" if f.type == "text" else ""
    return f"{f.sql}{nocase} {'DESC' if descending else 'ASC'}, id"


def list_records(
    db: Database,
    table: str,
    *,
    filters: Record | None = None,
    search: str | None = None,
    order_by: str | None = None,
    limit: int | None = None,
    offset: int = 0,
) -> list[Record]:
    """Live records, filtered by exact field values and by text, sorted and paged in SQL."""
    spec = spec_of(table)
    where, params = _where(spec, filters, search)
    sql = f"SELECT {_columns(spec)} FROM {table} WHERE {where} ORDER BY {_order(spec, order_by)}"
    if limit is not None:
        sql += " LIMIT ? OFFSET ?"
        params += [limit, offset]
    return [from_row(spec, row) for row in db.query(sql, params)]


def count(
    db: Database, table: str, *, filters: Record | None = None, search: str | None = None
) -> int:
    spec = spec_of(table)
    where, params = _where(spec, filters, search)
    return int(db.execute(f"SELECT count(*) FROM {table} WHERE {where}", params).fetchone()[0])


def title(db: Database, table: str, record_id: int) -> str:
    spec = spec_of(table)
    row = db.execute(f"SELECT {spec.title_sql} FROM {table} WHERE id = ?", [record_id]).fetchone()
    return str(row[0]) if row else ""


# --- writing ----------------------------------------------------------------


def _check_parents(db: Database, spec: Spec, row: Record) -> None:
    for f in spec.parents:
        parent_id = row[f.sql]
        if parent_id is None:
            continue
        found = db.execute(f"SELECT deleted_at FROM {f.ref} WHERE id = ?", [parent_id]).fetchone()
        if found is None or found[0] is not None:
            raise ValidationError(
                _("{field}: number {id} does not exist.").format(field=_(f.label), id=parent_id),
                f.name,
            )


def _inherit_budget_line(db: Database, spec: Spec, row: Record) -> None:
    """A transaction booked on a budget line takes its category and funder when it has none.

    Stored, not joined at read time: the yearly totals are kept by triggers.
    """
    if spec.table != "transactions" or row.get("budget_line_id") is None:
        return
    line = db.execute(
        "SELECT kind, category, funder_organisation_id FROM budget_lines WHERE id = ?",
        [row["budget_line_id"]],
    ).fetchone()
    if line is None or line[0] != row["kind"]:
        return
    if row["category"] is None:
        row["category"] = line[1]
    if row["organisation_id"] is None:
        row["organisation_id"] = line[2]


def create(db: Database, table: str, values: Record) -> int:
    """Insert one record; ``id``/``created_at``/``updated_at`` are kept when given (load)."""
    spec = spec_of(table)
    row = to_row(spec, values)
    stamp = now()
    row["created_at"] = values.get("created_at") or stamp
    row["updated_at"] = values.get("updated_at") or stamp
    if values.get("id") is not None:
        row["id"] = int(values["id"])
    with db.atomic():
        _check_parents(db, spec, row)
        _inherit_budget_line(db, spec, row)
        columns = list(row)
        cursor = db.execute(
            f"INSERT INTO {table} ({', '.join(columns)}) VALUES ({', '.join('?' * len(columns))})",
            [row[c] for c in columns],
        )
    return int(cursor.lastrowid or row.get("id", 0))


def create_many(db: Database, table: str, values: list[Record]) -> list[int]:
    """Insert many records as ``create`` would, in one statement; returns their ids."""
    if not values:
        return []
    spec = spec_of(table)
    return insert_checked(db, table, [to_row(spec, v) for v in values])


def insert_checked(db: Database, table: str, rows: list[Record]) -> list[int]:
    """Insert rows that ``to_row`` already made (an import validates while planning)."""
    if not rows:
        return []
    spec = spec_of(table)
    stamp = now()
    with db.atomic():
        _check_parents_once(db, spec, rows)
        for row in rows:
            _inherit_budget_line(db, spec, row)
        first = int(db.execute(f"SELECT coalesce(max(id), 0) + 1 FROM {table}").fetchone()[0])
        # Columns empty in every row are left out: a narrower statement inserts a tenth
        # faster, and a nullable column's default is always NULL (a schema test holds it).
        filled = [c for c in rows[0] if any(row[c] is not None for row in rows)]
        columns = ["id", "created_at", "updated_at", *filled]
        with search_module.indexed_at_the_end(db, table, first, first + len(rows) - 1):
            db.conn.executemany(
                f"INSERT INTO {table} ({', '.join(columns)}) "
                f"VALUES ({', '.join('?' * len(columns))})",
                [[first + n, stamp, stamp, *(row[c] for c in filled)]
                 for n, row in enumerate(rows)],
            )
    return list(range(first, first + len(rows)))


def _check_parents_once(db: Database, spec: Spec, rows: list[Record]) -> None:
    """``_check_parents`` for many rows: each distinct parent is looked up once."""
    for f in spec.parents:
        wanted = {row[f.sql] for row in rows if row[f.sql] is not None}
        if not wanted:
            continue
        live = {r[0] for r in db.execute(
            f"SELECT id FROM {f.ref} WHERE deleted_at IS NULL AND id IN "
            "(SELECT value FROM json_each(?))", [json.dumps(sorted(wanted))])}
        for missing in sorted(wanted - live):
            raise ValidationError(
                _("{field}: number {id} does not exist.").format(field=_(f.label), id=missing),
                f.name,
            )


def update(db: Database, table: str, record_id: int, values: Record) -> None:
    """Change some fields; the others keep their values."""
    spec = spec_of(table)
    with db.atomic():
        merged = get(db, table, record_id)
        if (
            spec.money
            and "amount_eur" not in values
            and {"amount", "currency", "rate"} & set(values)
        ):
            merged["amount_eur"] = None  # recomputed from the new amount, currency or rate
            if "currency" in values and "rate" not in values:
                merged["rate"] = None
        merged.update(values)
        for name in COMMON_FIELDS:
            merged.pop(name, None)
        row = to_row(spec, merged)
        _check_parents(db, spec, row)
        _inherit_budget_line(db, spec, row)
        row["updated_at"] = now()
        sets = ", ".join(f"{c} = ?" for c in row)
        db.execute(f"UPDATE {table} SET {sets} WHERE id = ?", [*row.values(), record_id])


# --- trash ------------------------------------------------------------------


def _ids_json(ids: Iterable[int]) -> str:
    return json.dumps(list(ids))


def _cascade(db: Database, table: str, ids: list[int], stamp: str, trash_id: int) -> int:
    """Move ``ids`` of ``table`` and every live record depending on them to one trash entry."""
    if not ids:
        return 0
    moved = db.execute(
        f"UPDATE {table} SET deleted_at = ?, trash_id = ? "
        "WHERE id IN (SELECT value FROM json_each(?)) AND deleted_at IS NULL",
        [stamp, trash_id, _ids_json(ids)],
    ).rowcount
    for child, f in children_of(table):
        child_ids = [
            row[0]
            for row in db.execute(
                f"SELECT id FROM {child} WHERE {f.sql} IN (SELECT value FROM json_each(?)) "
                "AND deleted_at IS NULL",
                [_ids_json(ids)],
            )
        ]
        moved += _cascade(db, child, child_ids, stamp, trash_id)
    return moved


def delete_impact(db: Database, table: str, record_id: int) -> dict[str, int]:
    """How many records of each kind would go to the trash with this one."""
    reached: dict[str, set[int]] = {}

    def walk(tab: str, ids: list[int]) -> None:
        fresh = [i for i in ids if i not in reached.setdefault(tab, set())]
        if not fresh:
            return
        reached[tab].update(fresh)
        for child, f in children_of(tab):
            walk(
                child,
                [
                    row[0]
                    for row in db.execute(
                        f"SELECT id FROM {child} WHERE {f.sql} IN (SELECT value FROM json_each(?)) "
                        "AND deleted_at IS NULL",
                        [_ids_json(fresh)],
                    )
                ],
            )

    get(db, table, record_id)
    walk(table, [record_id])
    return {tab: len(ids) for tab, ids in reached.items() if ids}


def delete(db: Database, table: str, record_id: int) -> int:
    """Move a record, and everything that depends on it, to the trash; returns the trash id."""
    with db.atomic():
        get(db, table, record_id)
        stamp = now()
        label = title(db, table, record_id)
        trash_id = int(
            db.execute(
                "INSERT INTO trash (table_name, record_id, label, deleted_at) VALUES (?, ?, ?, ?)",
                [table, record_id, label, stamp],
            ).lastrowid
            or 0
        )
        moved = _cascade(db, table, [record_id], stamp, trash_id)
        db.execute("UPDATE trash SET record_count = ? WHERE id = ?", [moved, trash_id])
    return trash_id


def trash_entries(db: Database) -> list[Record]:
    return list(
        db.query(
            "SELECT id, table_name, record_id, label, deleted_at, record_count FROM trash "
            "ORDER BY deleted_at DESC, id DESC"
        )
    )


def _trash_entry(db: Database, trash_id: int) -> Record:
    rows = list(db.query("SELECT * FROM trash WHERE id = ?", [trash_id]))
    if not rows:
        raise NotFound(_("This item is no longer in the trash."))
    return rows[0]


def restore(db: Database, trash_id: int) -> None:
    """Bring back everything one delete moved to the trash, links included."""
    with db.atomic():
        _trash_entry(db, trash_id)
        for spec in SPECS.values():
            for f in spec.parents:
                blocked = db.execute(
                    f"SELECT p.id FROM {spec.table} t JOIN {f.ref} p ON p.id = t.{f.sql} "
                    "WHERE t.trash_id = ? AND p.deleted_at IS NOT NULL "
                    "AND p.trash_id IS NOT ? LIMIT 1",
                    [trash_id, trash_id],
                ).fetchone()
                if blocked:
                    raise ValidationError(
                        _(
                            "Restore «{parent}» from the trash first: this item belongs to it."
                        ).format(parent=title(db, str(f.ref), blocked[0]))
                    )
        for table in SPECS:
            db.execute(
                f"UPDATE {table} SET deleted_at = NULL, trash_id = NULL WHERE trash_id = ?",
                [trash_id],
            )
        db.execute("DELETE FROM trash WHERE id = ?", [trash_id])


def purge(db: Database, trash_id: int | None = None) -> None:
    """Delete for good one trash entry, or the whole trash when ``trash_id`` is None."""
    with db.atomic():
        if trash_id is not None:
            _trash_entry(db, trash_id)
        selector = "trash_id = ?" if trash_id is not None else "trash_id IS NOT NULL"
        params = [trash_id] if trash_id is not None else []
        for table in reversed(tuple(SPECS)):
            db.execute(f"DELETE FROM {table} WHERE {selector}", params)
        if trash_id is not None:
            db.execute("DELETE FROM trash WHERE id = ?", [trash_id])
        else:
            db.execute("DELETE FROM trash")
        _forget_emptied_entries(db)


def _forget_emptied_entries(db: Database) -> None:
    """Entries whose records went with a purged parent have nothing left to restore."""
    for table in SPECS:
        db.execute(
            f"DELETE FROM trash WHERE table_name = ? AND record_id NOT IN (SELECT id FROM {table})",
            [table],
        )
