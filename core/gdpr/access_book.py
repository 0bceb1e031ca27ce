"""The access export as the person receives it: one workbook to read, one JSON file to reuse.

The workbook has a sheet per kind of data (their record, partnerships,
missions, minutes, deadlines, transactions, past exports), in the language
of the app; the JSON file beside it holds the same data with ISO dates and
codes (portability, art. 20). The export itself is then logged.
"""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import TYPE_CHECKING, Any

from core import fmt, settings
from core import spec as S
from core.excel.exportsheet import Column, Table, write_table
from core.excel.write import Book, Money
from core.files import write_atomically
from core.gdpr import log
from core.gdpr.access import NAMED_IN, gather
from core.i18n import _

if TYPE_CHECKING:
    from sqlite_utils import Database

Row = dict[str, Any]


def export_access(db: Database, contact_id: int, out: Path) -> Path:
    """Write ``out`` (.xlsx) and the JSON beside it, log the export; returns the JSON's path."""
    out = Path(out)
    data = gather(db, contact_id)
    portable = out.with_suffix(".json")
    with Book(out, settings.get(db, "municipality_name")) as book:
        for table in _tables(data):
            write_table(book, table)
    text = json.dumps(data, ensure_ascii=False, indent=1, default=str)
    def write_json(temporary: Path) -> None:
        temporary.write_text(text, encoding="utf-8")

    write_atomically(portable, write_json)
    log.record(db, log.ACCESS, out.name, [contact_id])
    return portable


def _date(value: Any) -> Any:
    try:
        return dt.date.fromisoformat(str(value)[:10]) if value else None
    except ValueError:
        return value


def _tables(data: dict[str, Any]) -> list[Table]:
    return [
        _person(data),
        Table(_("Partnerships"), [Column(_("Partnership")), Column(_("Country")),
                                  Column(_("Role")), Column(_("Notes"), "wrap"),
                                  Column(_("Linked since"), "date")],
              [[r["partnership"], fmt.country_name(r["country"]),
                fmt.choice(S.PARTNERSHIP_ROLES, r["role"]), r["notes"], _date(r["linked_at"])]
               for r in data["partnerships"]]),
        Table(_("Missions"), [Column(_("Mission")), Column(_("Partnership")),
                              Column(_("Destination")), Column(_("Start"), "date"),
                              Column(_("End"), "date"), Column(_("Category")),
                              Column(_("Notes"), "wrap")],
              [[r["mission"], r["partnership"],
                fmt.place(r["destination_city"], r["destination_country"]),
                _date(r["start_date"]), _date(r["end_date"]),
                fmt.choice(S.PARTICIPANT_CATEGORIES, r["category"]), r["notes"]]
               for r in data["missions"]]),
        _named(_("Journal"), "journal_entries", data),
        _named(_("Deadlines"), "deadlines", data),
        _named(_("Transactions"), "transactions", data),
        Table(_("Exports"), [Column(_("Date"), "datetime"), Column(_("Action")),
                             Column(_("File or list")), Column(_("Contacts in it"), "int")],
              [[_when(r["logged_at"]), _(log.ACTIONS.get(r["action"], r["action"])), r["what"],
                r["contacts"]] for r in data["personal_data_log"]]),
    ]


def _when(stamp: str) -> Any:
    try:
        return dt.datetime.fromisoformat(stamp.replace("Z", "+00:00")).replace(tzinfo=None)
    except ValueError:
        return stamp


def _person(data: dict[str, Any]) -> Table:
    contact, organisation = data["contact"], data["organisation"]
    rows: list[list[Any]] = []
    for f in S.SPECS["contacts"].fields:
        value = contact.get(f.name)
        if f.name == "organisation_id":
            value = organisation["name"] if organisation else None
        elif f.type == "choice":
            value = fmt.choice(f.choices, value)
        elif f.type == "country":
            value = fmt.country_name(value)
        elif f.type == "date":
            value = _date(value)
        rows.append([_(f.label), value])
    rows += [[_("Recorded on"), _date(contact["created_at"])],
             [_("Last changed on"), _date(contact["updated_at"])],
             [_("Last exported on"), _date(_last_export(data))]]
    return Table(_("Person"), [Column(_("Field")), Column(_("Value"), "wrap")], rows)


def _last_export(data: dict[str, Any]) -> str | None:
    stamps = [r["logged_at"] for r in data["personal_data_log"]
              if r["action"] in (log.ACCESS, log.EXPORT)]
    return max(stamps) if stamps else None


def _named(title: str, table: str, data: dict[str, Any]) -> Table:
    """Records whose text names the person: date, title, partnership and the passages."""
    spec = S.SPECS[table]
    money = table == "transactions"
    columns = [Column(_("Date"), "date"), Column(_("Partnership")),
               *([Column(_("Amount"), "money")] if money else []),
               *(Column(_(spec.field(name).label), "wrap") for name in NAMED_IN[table])]
    rows = []
    for record in data[table]:
        amount = [Money(record["amount"], record["currency"])] if money else []
        rows.append([_date(record.get("date") or record.get("due_date")), record["partnership"],
                     *amount, *(record.get(name) for name in NAMED_IN[table])])
    return Table(title, columns, rows)
