"""Whether an imported row repeats an earlier row of the file or a record already there.

DESIGN's rules: two contacts are the same person when the e-mail matches
*and* the names agree (same family name; first names equal or one empty),
or, where one of them has no e-mail, when first name, family name and
organisation match. The same e-mail with other names is another person (a
town hall's shared address, a couple): both are kept and the summary says
so. Within a file the first row wins. Each duplicate names what it repeats:
"row 7: same as row 3", "row 9: already in the database: contact n° 12 Jean
Dupont". The other kinds compare their natural keys.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from core import records
from core.excel import cells
from core.excel.columns import KINDS
from core.excel.existing import find_existing
from core.excel.keys import LINK_KINDS, KnownContact, Lookups, email_key, names_agree
from core.i18n import _
from core.money import to_cents
from core.parse import normalise_key
from core.spec import SPECS

if TYPE_CHECKING:
    from core.excel.plan import ImportPlan, PlannedRow

# What tells that the record under a number is the row's: any one of these agreeing.
_IDENTITY = {
    "contacts": ("first_name", "last_name", "email"),
    "organisations": ("name",),
    "partnerships": ("name",),
    "missions": ("title",),
    "transactions": ("label", "reference"),
    "budget": ("label",),
}
# A contact of the file as the rules compare it: first name, last name, row number.
_Seen = tuple[str, str, int]


class Duplicates:
    def __init__(self, lookups: Lookups, foreign_numbers: list[int] | None = None) -> None:
        self.lookups = lookups
        # rows whose number is another record's here (see _live), said once in the summary
        self.foreign_numbers = foreign_numbers if foreign_numbers is not None else []
        self.kind = lookups.kind
        self.table = KINDS[lookups.kind]
        self._rows: dict[tuple[Any, ...], int] = {}  # natural key -> first row with it
        self._emails: dict[str, list[_Seen]] = {}  # e-mail -> the file's people with it
        self._empty: bool | None = None

    def mark(self, planned: PlannedRow, raw_id: object, on_duplicate: str) -> None:
        """Make ``planned`` a duplicate (skip or update) of what it repeats, or note why not."""
        earlier = self._earlier_row(planned)
        if earlier is not None:
            planned.action = "skip"
            planned.reason = _("row {row}: same as row {other}").format(
                row=planned.row, other=earlier)
            return
        # A link's number is that of the database it was exported from: another database's
        # participant n° 5 is someone else; the mission and the person say who it is.
        found = None if self.kind in LINK_KINDS else self._live(raw_id, planned)
        found = found or self._existing(planned)
        if found is None:
            return
        planned.existing_id = found
        planned.action = "update" if on_duplicate == "update" else "skip"
        message = (_("row {row}: already in the database, to be updated: {record}")
                   if planned.action == "update" else
                   _("row {row}: already in the database: {record}"))
        planned.reason = message.format(row=planned.row, record=self._record(found))

    # --- within the file ----------------------------------------------------

    def _earlier_row(self, planned: PlannedRow) -> int | None:
        if self.kind == "contacts":
            return self._earlier_contact(planned)
        key = self._key(planned.values)
        earlier = self._rows.get(key)
        if earlier is None:
            self._rows[key] = planned.row
        return earlier

    def _earlier_contact(self, planned: PlannedRow) -> int | None:
        values = planned.values
        first, last = values.get("first_name") or "", values.get("last_name") or ""
        email = email_key(values.get("email"))
        if email:
            people = self._emails.setdefault(email, [])
            for other_first, other_last, row in people:
                if names_agree(first, last, other_first, other_last):
                    return row
            if people:
                planned.reason = _("row {row}: same e-mail as row {other}, another name: kept "
                                   "as a separate contact").format(row=planned.row,
                                                                   other=people[0][2])
            people.append((first, last, planned.row))
        key = _name_key(values)
        earlier = self._rows.get(key)
        if earlier is not None and (not email or earlier > 0):
            return abs(earlier)
        # A row without an e-mail is found by any later row of that name; one with an
        # e-mail only by later rows without one (stored negative to tell them apart).
        self._rows.setdefault(key, -planned.row if email else planned.row)
        return None

    def _key(self, values: dict[str, Any]) -> tuple[Any, ...]:
        if self.kind == "organisations":
            return (normalise_key(values.get("name") or ""), values.get("country") or "")
        if self.kind == "partnerships":
            return (normalise_key(values.get("name") or ""),)
        if self.kind == "missions":
            return (values.get("partnership_id"), normalise_key(values.get("title") or ""),
                    values.get("start_date"))
        if self.kind == "participants":
            if values.get("contact_id") is not None:
                return (values["mission_id"], "contact", values["contact_id"])
            return (values["mission_id"], "name", normalise_key(values.get("name") or ""))
        if self.kind == "partnership_contacts":
            return (values["partnership_id"], values["contact_id"])
        return _money_key(self.kind, values)

    # --- in the database ----------------------------------------------------

    def _live(self, raw_id: object, planned: PlannedRow) -> int | None:
        """The record our own export numbered so, when it is still there and is the row's.

        A sheet's "N°" may be a predecessor's numbering 1, 2, 3…: a number is taken as
        ours only when the record under it has the row's name (or, for a person, the
        e-mail), so that an update never lands on somebody else.
        """
        if not raw_id or not cells.text(raw_id).isdigit():
            return None
        record_id = int(cells.text(raw_id))
        columns = ", ".join(_IDENTITY[self.kind])
        row = self.lookups.db.execute(f"SELECT {columns} FROM {self.table} WHERE id = ? "
                                      "AND deleted_at IS NULL", [record_id]).fetchone()
        if row is None:
            return None
        if self._is_the_rows(dict(zip(_IDENTITY[self.kind], row, strict=True)), planned.values):
            return record_id
        self.foreign_numbers.append(planned.row)
        return None

    def _is_the_rows(self, record: dict[str, Any], values: dict[str, Any]) -> bool:
        if self.kind == "contacts":
            email = email_key(values.get("email"))
            return bool(email and email == email_key(record["email"])) or names_agree(
                values.get("first_name") or "", values.get("last_name") or "",
                record["first_name"] or "", record["last_name"] or "")
        return any(normalise_key(str(values.get(name) or "")) == normalise_key(
            str(record[name] or "")) != "" for name in _IDENTITY[self.kind])

    def _existing(self, planned: PlannedRow) -> int | None:
        if self._empty is None:  # a first import: nothing in the database to repeat
            self._empty = self.lookups.db.execute(
                f"SELECT 1 FROM {self.table} WHERE deleted_at IS NULL LIMIT 1").fetchone() is None
        if self._empty:
            return None
        if self.kind == "contacts":
            return self._existing_contact(planned)
        return find_existing(self.lookups, planned.values)

    def _existing_contact(self, planned: PlannedRow) -> int | None:
        values = planned.values
        first, last = values.get("first_name") or "", values.get("last_name") or ""
        email = email_key(values.get("email"))
        if email:
            people = self.lookups.contacts_with_email(email)
            for contact in people:
                if names_agree(first, last, contact.first_name, contact.last_name):
                    return contact.id
            if people and not planned.reason:
                planned.reason = _("row {row}: same e-mail as {record}, another name: kept as "
                                   "a separate contact").format(
                                       row=planned.row, record=self._contact_text(people[0]))
        for contact in self.lookups.contacts_named(f"{first} {last}"):
            if (not email or not contact.email) and _same_names(values, contact):
                return contact.id
        return None

    def _record(self, record_id: int) -> str:
        known = self.lookups.known_contact(record_id) if self.kind == "contacts" else None
        if known is not None:  # read once with the others: no query per duplicate
            return self._contact_text(known)
        title = records.title(self.lookups.db, self.table, record_id)
        return _("{record} n° {number} {title}").format(
            record=_(SPECS[self.table].label).lower(), number=record_id, title=title).strip()

    def _contact_text(self, contact: KnownContact) -> str:
        return _("{record} n° {number} {title}").format(
            record=_(SPECS["contacts"].label).lower(), number=contact.id, title=contact.title)


def _name_key(values: dict[str, Any]) -> tuple[str, str, str]:
    return (normalise_key(values.get("first_name") or ""),
            normalise_key(values.get("last_name") or ""), str(values.get("organisation_id")))


def _same_names(values: dict[str, Any], contact: KnownContact) -> bool:
    """First name, last name and organisation match (the rule without an e-mail)."""
    return (normalise_key(values.get("first_name") or ""),
            normalise_key(values.get("last_name") or ""), values.get("organisation_id")) == (
        normalise_key(contact.first_name), normalise_key(contact.last_name),
        contact.organisation_id)


def _money_key(kind: str, values: dict[str, Any]) -> tuple[Any, ...]:
    amount = to_cents(values["amount"]) if values.get("amount") is not None else None
    common = (values.get("partnership_id"), values.get("kind"), amount,
              values.get("currency"), normalise_key(values.get("label") or ""))
    if kind == "transactions":
        return (*common, values.get("date"), normalise_key(values.get("reference") or ""))
    return (*common, values.get("year"), values.get("category"),
            str(values.get("funder_organisation_id")))


def notes(plan: ImportPlan) -> list[str]:
    """Every duplicate with what it repeats, and every person kept apart despite a shared
    e-mail, in row order: the lines the summary and the wizard show."""
    return [row.reason for row in plan.rows
            if row.reason and row.action in ("skip", "update", "create")]
