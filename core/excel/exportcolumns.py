"""The columns of an exported kind, shared by the export, the templates and the import.

"What goes out can come back in": each field of the record is one column
under its own label (the spec's, translated), holding what the import reads
back; beside it, for people and for ``--map``, the number of a linked record
("Organisation (No.)") and the name of a country ("Country (name)").

How each type is written (the contract with the import):

- choice: the label in the export's language ("Dépense"), read back from
  any language with ``core.i18n.in_every_language``;
- country: the ISO 3166 code ("SN") under the field's label, the name in the
  export's language in the "(name)" column beside it;
- link to another record: its name (title) under the field's label, its
  number in the "(No.)" column;
- money (amount, amount_eur): a number with two decimals; currency: its ISO
  4217 code; rate: a number (units of the currency for 1 EUR), empty for EUR;
- date: a real date (DD/MM/YYYY); created_at / updated_at: date and time, UTC;
- SDGs: "6, 17"; year and No.: whole numbers; any other text as typed.
"""

from __future__ import annotations

import datetime as dt
import gettext
from dataclasses import dataclass
from decimal import Decimal
from functools import lru_cache
from typing import TYPE_CHECKING, Any

from core import fmt, paths
from core.i18n import DOMAIN, LANGUAGES, N_, Msg, _
from core.money import from_cents
from core.spec import SPECS, Field

if TYPE_CHECKING:
    from collections.abc import Callable

# Headers of the columns that are not fields ("tr" above is not "_": marked here).
_CREATED, _UPDATED, _NUMBER = N_("Created (UTC)"), N_("Updated (UTC)"), N_("No.")
_ID_OF = N_("{label} (No.)")  # the number of a linked record: "Partnership (No.)"
_NAME_OF = N_("{label} (name)")  # a country's name beside its code: "Country (name)"
# Cell kind (core.excel.write) of each field type; the others are text.
_CELL_KINDS = {"date": "date", "money": "money", "rate": "rate", "year": "int"}
# Beside a link whose name alone does not find the record again in another database,
# what does: a mission is known by its title *and* start date (and its partnership), a
# contact by e-mail. (column key, field giving its header and type, SQL over "t").
_CONTACT_EMAIL = (
    "email",
    Field("email", label=N_("Contact e-mail")),
    "(SELECT email FROM contacts WHERE contacts.id = t.contact_id)",
)
LINK_DETAILS: dict[tuple[str, str], tuple[tuple[str, Field, str], ...]] = {
    ("mission_participants", "mission_id"): (
        (
            "mission_start",
            Field("mission_start", "date", label=N_("Mission start")),
            "(SELECT start_date FROM missions WHERE missions.id = t.mission_id)",
        ),
        (
            "partnership",
            Field("partnership", label=N_("Partnership")),
            "(SELECT p.name FROM missions m JOIN partnerships p ON p.id = m.partnership_id "
            "WHERE m.id = t.mission_id)",
        ),
    ),
    ("mission_participants", "contact_id"): (_CONTACT_EMAIL,),
    ("partnership_contacts", "contact_id"): (_CONTACT_EMAIL,),
}


@dataclass(frozen=True)
class KindColumn:
    """One column of an exported kind."""

    key: str  # a dump field name; or "<link>" (name of a linked record), "<field>_name"
    # field, id (number of a linked record), name, detail (what else finds a linked
    # record: a mission's start date, a contact's e-mail), country_name, stamp
    role: str
    sql: str  # expression over the table aliased "t"
    field: Field | None = None

    @property
    def header(self) -> str:
        """The header in the current language."""
        return self.header_in(_)

    def header_in(self, tr: Callable[[str], str]) -> str:
        """The header translated by ``tr``."""
        if self.role == "stamp":
            return tr(_CREATED) if self.key == "created_at" else tr(_UPDATED)
        if self.field is None:
            return tr(_NUMBER)
        label = tr(self.field.label)
        if self.role == "id":
            return tr(_ID_OF).format(label=label)
        if self.role == "country_name":
            return tr(_NAME_OF).format(label=label)
        return label

    @property
    def cell_kind(self) -> str:
        if self.role == "id" or self.key == "id":
            return "int"
        if self.role == "stamp":
            return "datetime"
        if self.field is not None and self.role in ("field", "detail"):
            if self.field.name == "amount_eur":
                return "eur"
            return _CELL_KINDS.get(self.field.type, "text")
        return "text"


def kind_columns(table: str) -> list[KindColumn]:
    """Every column of an export of ``table``, in order."""
    columns = [KindColumn("id", "field", "t.id")]
    for f in SPECS[table].fields:
        if f.type == "ref":
            columns += [KindColumn(f.name, "id", f"t.{f.sql}", f), _name_column(f)]
            columns += [KindColumn(key, "detail", sql, detail)
                        for key, detail, sql in LINK_DETAILS.get((table, f.name), ())]
        elif f.type == "country":
            columns += [
                KindColumn(f.name, "field", f"t.{f.sql}", f),
                KindColumn(f"{f.name}_name", "country_name", f"t.{f.sql}", f),
            ]
        else:
            columns.append(KindColumn(f.name, "field", f"t.{f.sql}", f))
    columns += [KindColumn(n, "stamp", f"t.{n}") for n in ("created_at", "updated_at")]
    return columns


def _name_column(f: Field) -> KindColumn:
    assert f.ref is not None
    title = SPECS[f.ref].title_sql
    sql = f"(SELECT {title} FROM {f.ref} WHERE {f.ref}.id = t.{f.sql})"
    return KindColumn(f.name.removesuffix("_id"), "name", sql, f)


def import_columns(table: str) -> list[KindColumn]:
    """The columns a person fills in (templates): names of linked records, no numbers."""
    return [c for c in kind_columns(table)
            if c.role in ("field", "name", "detail") and c.key != "id"]


# --- values ------------------------------------------------------------------


def converter(column: KindColumn) -> Callable[[Any], Any]:
    """From the SQL value to what the cell holds (see the module docstring)."""
    f = column.field
    if column.role == "stamp":
        return _stamp
    if column.role == "country_name":
        return lru_cache(maxsize=512)(fmt.country_name)
    if f is None or column.role in ("id", "name"):
        return _same
    if f.type == "choice":
        labels = {value: _(label) for value, label in f.choices.items()}
        return lambda value: labels.get(value, value) if value is not None else None
    return _BY_TYPE.get(f.type, _same)


def _same(value: Any) -> Any:
    return value


def _stamp(value: str | None) -> dt.datetime | None:
    if not value:
        return None
    return dt.datetime.fromisoformat(value.removesuffix("Z")).replace(tzinfo=None)


def iso_date(value: str | None) -> dt.date | str | None:
    try:
        return dt.date.fromisoformat(value) if value else None
    except ValueError:
        return value  # shown as stored rather than lost


def _bool(value: Any) -> str | None:
    return None if value is None else _("Yes") if value else _("No")


_BY_TYPE: dict[str, Callable[[Any], Any]] = {
    "date": iso_date,
    "money": lambda v: from_cents(v) if v is not None else None,
    "rate": lambda v: Decimal(v) if v is not None else None,
    "sdgs": lambda v: v.replace(",", ", ") if v else None,
    "bool": _bool,
}


# --- reading back (for the import) --------------------------------------------


@lru_cache(maxsize=len(LANGUAGES))
def translator(lang: str) -> Callable[[str], str]:
    """``_`` for ``lang``, whatever the language in use (which it leaves alone)."""
    translation = gettext.translation(
        DOMAIN, localedir=paths.locale_dir(), languages=[lang], fallback=True
    )

    def tr(message: str) -> str:
        if isinstance(message, Msg):
            return translation.pgettext(message.context, str(message))
        return translation.gettext(message)

    return tr


def known_headers(table: str) -> dict[str, str]:
    """Every header an export of ``table`` writes, in fr, nl and en: normalised -> column key."""
    from core.parse import normalise_key

    headers: dict[str, str] = {}
    for lang in LANGUAGES:
        for column in kind_columns(table):
            headers.setdefault(normalise_key(column.header_in(translator(lang))), column.key)
    return headers
