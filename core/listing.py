"""What each list screen shows: columns with the names of linked records, and filters.

Search, filters, sorting and paging all happen in SQL, so a list of a
million transactions opens as fast as a list of ten. The same definitions
serve the screens and "export what is shown".
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from core import fmt
from core import spec as S
from core.i18n import N_, _
from core.money import from_cents
from core.search import fts_query, matching

if TYPE_CHECKING:
    from collections.abc import Callable

    from sqlite_utils import Database

Row = dict[str, Any]


@dataclass(frozen=True)
class Column:
    key: str
    label: str  # N_ text
    sql: str
    type: str = "text"  # text, date, int, bool, choice, country, money, eur, sdgs
    choices: Mapping[str, str] = field(default_factory=dict)
    currency_key: str = ""  # for "money": the column holding the currency
    hidden: bool = False  # fetched for the screen's use, not shown
    order_sql: str = ""  # ORDER BY for this column when it differs, with {dir}


@dataclass(frozen=True)
class Filter:
    key: str
    sql: str
    params: Callable[[Any], list[Any]] = lambda value: [value]


@dataclass(frozen=True)
class Listing:
    table: str
    source: str  # FROM clause; the listed table is aliased "t"
    columns: tuple[Column, ...]
    order: str  # default: a column key, "-" for descending
    filters: tuple[Filter, ...] = ()
    like_search: tuple[str, ...] = ()  # SQL searched with LIKE when there is no FTS
    # FROM clauses that let SQLite walk an index in order for some sort keys.
    order_sources: dict[str, str] = field(default_factory=dict)

    def column(self, key: str) -> Column:
        for column in self.columns:
            if column.key == key:
                return column
        raise KeyError(key)

    @property
    def visible(self) -> tuple[Column, ...]:
        return tuple(c for c in self.columns if not c.hidden)


def _year(value: Any) -> list[Any]:
    return [f"{int(value):04d}-01-01", f"{int(value):04d}-12-31"]


_PARTNERSHIP = Filter("partnership_id", "t.partnership_id = ?")
# The legal bases, and their absence, as the contacts list filters them.
LEGAL_BASIS_CHOICES = {**S.LEGAL_BASES, "none": N_("No legal basis recorded")}
_ID = Column("id", N_("No."), "t.id", "int", hidden=True)

LISTINGS: dict[str, Listing] = {
    listing.table: listing
    for listing in (
        Listing(
            "partnerships",
            "partnerships t LEFT JOIN organisations o ON o.id = t.partner_organisation_id",
            (
                _ID,
                Column("name", N_("Name"), "t.name"),
                Column("partner", N_("Partner authority"), "o.name"),
                Column("country", N_("Country"), "t.country", "country"),
                Column("status", N_("Status"), "t.status", "choice", S.PARTNERSHIP_STATUSES),
                Column("start_date", N_("Since"), "t.start_date", "date"),
                Column(
                    "agreement_expiry_date",
                    N_("Agreement expires"),
                    "t.agreement_expiry_date",
                    "date",
                ),
                Column("sdgs", N_("SDGs"), "t.sdgs", "sdgs"),
            ),
            "name",
            (Filter("status", "t.status = ?"), Filter("country", "t.country = ?")),
        ),
        Listing(
            "organisations",
            "organisations t",
            (
                _ID,
                Column("name", N_("Name"), "t.name"),
                Column("kind", N_("Kind"), "t.kind", "choice", S.ORGANISATION_KINDS),
                Column("country", N_("Country"), "t.country", "country"),
                Column("city", N_("City"), "t.city"),
                Column("email", N_("E-mail"), "t.email"),
                Column("phone", N_("Phone"), "t.phone"),
            ),
            "name",
            (Filter("kind", "t.kind = ?"), Filter("country", "t.country = ?")),
        ),
        Listing(
            "contacts",
            "contacts t LEFT JOIN organisations o ON o.id = t.organisation_id",
            (
                _ID,
                Column("last_name", N_("Last name"), "t.last_name"),
                Column("first_name", N_("First name"), "t.first_name"),
                Column("organisation", N_("Organisation"), "o.name"),
                Column("role", N_("Role"), "t.role"),
                Column("email", N_("E-mail"), "t.email"),
                Column("phone", N_("Phone"), "t.phone"),
                Column("country", N_("Country"), "t.country", "country"),
                Column("legal_basis", N_("Legal basis"), "t.legal_basis", "choice",
                       LEGAL_BASIS_CHOICES),
            ),
            "last_name",
            (
                Filter("organisation_id", "t.organisation_id = ?"),
                Filter("country", "t.country = ?"),
                # "none": the contacts held without a recorded legal basis (GDPR art. 6).
                Filter("legal_basis", "coalesce(t.legal_basis, 'none') = ?"),
            ),
        ),
        Listing(
            "missions",
            "missions t JOIN partnerships p ON p.id = t.partnership_id",
            (
                _ID,
                Column("start_date", N_("Start"), "t.start_date", "date"),
                Column("end_date", N_("End"), "t.end_date", "date"),
                Column("title", N_("Title"), "t.title"),
                Column("partnership", N_("Partnership"), "p.name"),
                Column("direction", N_("Direction"), "t.direction", "choice", S.MISSION_DIRECTIONS),
                Column("destination_city", N_("Destination"), "t.destination_city"),
                Column("status", N_("Status"), "t.status", "choice", S.MISSION_STATUSES),
                Column(
                    "participants",
                    N_("Participants"),
                    "(SELECT count(*) FROM mission_participants mp WHERE mp.mission_id = t.id"
                    " AND mp.deleted_at IS NULL)",
                    "int",
                ),
            ),
            "-start_date",
            (
                _PARTNERSHIP,
                Filter("status", "t.status = ?"),
                Filter("direction", "t.direction = ?"),
                Filter("year", "t.start_date BETWEEN ? AND ?", _year),
            ),
        ),
        Listing(
            "budget_lines",
            "budget_lines t JOIN partnerships p ON p.id = t.partnership_id "
            "LEFT JOIN organisations f ON f.id = t.funder_organisation_id",
            (
                _ID,
                Column("year", N_("Year"), "t.year", "int"),
                Column("partnership", N_("Partnership"), "p.name"),
                Column("kind", N_("Kind"), "t.kind", "choice", S.MONEY_KINDS),
                Column("category", N_("Category"), "t.category", "choice", S.CATEGORIES),
                Column("funder", N_("Funder"), "f.name"),
                Column("label", N_("Label"), "t.label"),
                Column("currency", N_("Currency"), "t.currency", hidden=True),
                Column("amount", N_("Amount"), "t.amount_cents", "money", currency_key="currency"),
                Column("amount_eur", N_("Amount in EUR"), "t.amount_eur_cents", "eur"),
            ),
            "-year",
            (_PARTNERSHIP, Filter("year", "t.year = ?"), Filter("kind", "t.kind = ?")),
            ("t.label", "p.name", "f.name"),
        ),
        Listing(
            "transactions",
            "transactions t JOIN partnerships p ON p.id = t.partnership_id",
            (
                _ID,
                Column("date", N_("Date"), "t.date", "date"),
                Column(
                    "partnership",
                    N_("Partnership"),
                    "p.name",
                    order_sql="p.name COLLATE NOCASE {dir}, t.partnership_id {dir}",
                ),
                Column("kind", N_("Kind"), "t.kind", "choice", S.MONEY_KINDS),
                Column("category", N_("Category"), "t.category", "choice", S.CATEGORIES),
                Column("label", N_("Label"), "t.label"),
                Column("counterparty", N_("Payee or payer"), "t.counterparty"),
                Column("reference", N_("Reference"), "t.reference"),
                Column("currency", N_("Currency"), "t.currency", hidden=True),
                Column("amount", N_("Amount"), "t.amount_cents", "money", currency_key="currency"),
                Column("amount_eur", N_("Amount in EUR"), "t.amount_eur_cents", "eur"),
            ),
            "-date",
            (
                _PARTNERSHIP,
                Filter("year", "t.date BETWEEN ? AND ?", _year),
                Filter("kind", "t.kind = ?"),
                Filter("mission_id", "t.mission_id = ?"),
            ),
            # Partnerships first, then each one's transactions by index: 3 ms, not 340.
            order_sources={
                "partnership": "partnerships p CROSS JOIN transactions t "
                "ON p.id = t.partnership_id"
            },
        ),
        Listing(
            "deadlines",
            "deadlines t LEFT JOIN partnerships p ON p.id = t.partnership_id",
            (
                _ID,
                Column("due_date", N_("Due date"), "t.due_date", "date"),
                Column("title", N_("Title"), "t.title"),
                Column("kind", N_("Kind"), "t.kind", "choice", S.DEADLINE_KINDS),
                Column("partnership", N_("Partnership"), "p.name"),
                Column("done", N_("Done"), "t.done", "bool"),
            ),
            "due_date",
            (
                _PARTNERSHIP,
                Filter("done", "t.done = ?"),
                Filter("overdue_before", "t.done = 0 AND t.due_date < ?"),
            ),
        ),
        Listing(
            "journal_entries",
            "journal_entries t",
            (
                _ID,
                Column("date", N_("Date"), "t.date", "date"),
                Column("title", N_("Title"), "t.title"),
                Column("kind", N_("Kind"), "t.kind", "choice", S.JOURNAL_KINDS),
                Column(
                    "partnerships",
                    N_("Partnerships"),
                    "(SELECT group_concat(p.name, ', ') FROM journal_entry_partnerships l "
                    "JOIN partnerships p ON p.id = l.partnership_id "
                    "WHERE l.journal_entry_id = t.id AND l.deleted_at IS NULL)",
                ),
                Column("attendees", N_("Who was there"), "t.attendees"),
            ),
            "-date",
            (
                Filter(
                    "partnership_id",
                    "t.id IN (SELECT journal_entry_id FROM "
                    "journal_entry_partnerships WHERE partnership_id = ? "
                    "AND deleted_at IS NULL)",
                ),
            ),
        ),
        Listing(
            "projects",
            "projects t JOIN partnerships p ON p.id = t.partnership_id",
            (
                _ID,
                Column("title", N_("Title"), "t.title"),
                Column("partnership", N_("Partnership"), "p.name"),
                Column("location", N_("Where"), "t.location", "choice", S.PROJECT_LOCATIONS),
                Column("status", N_("Status"), "t.status", "choice", S.PROJECT_STATUSES),
                Column("start_date", N_("Start"), "t.start_date", "date"),
                Column("end_date", N_("End"), "t.end_date", "date"),
                Column("dac_sector", N_("OECD DAC sector"), "t.dac_sector"),
                Column("sdgs", N_("SDGs"), "t.sdgs", "sdgs"),
            ),
            "-start_date",
            (_PARTNERSHIP,),
        ),
    )
}


def _where(listing: Listing, search: str | None, filters: dict[str, Any]) -> tuple[str, list]:
    clauses, params = ["t.deleted_at IS NULL"], []
    known = {f.key: f for f in listing.filters}
    for key, value in filters.items():
        if value is None or value == "":
            continue
        clauses.append(known[key].sql)
        params += known[key].params(value)
    indexed = matching(listing.table, "t.id", search)
    if indexed is not None:
        clauses.append(indexed[0])
        params += indexed[1]
    elif fts_query(search or ""):
        for word in (search or "").split():
            clauses.append("(" + " OR ".join(f"{c} LIKE ?" for c in listing.like_search) + ")")
            params += [f"%{word}%"] * len(listing.like_search)
    return " AND ".join(clauses), params


def where_clause(table: str, search: str | None, filters: dict[str, Any]) -> tuple[str, list]:
    """The WHERE of a list (over its ``source``, aliased "t"): what the screen shows."""
    return _where(LISTINGS[table], search, filters)


def _order(listing: Listing, order: str | None) -> str:
    order = order or listing.order
    column = listing.column(order.lstrip("-"))
    direction = "DESC" if order.startswith("-") else "ASC"
    if column.order_sql:
        return column.order_sql.format(dir=direction) + f", t.id {direction}"
    collate = " COLLATE NOCASE" if column.type == "text" else ""
    return f"{column.sql}{collate} {direction}, t.id {direction}"


def fetch(
    db: Database,
    table: str,
    *,
    search: str | None = None,
    filters: dict[str, Any] | None = None,
    order: str | None = None,
    limit: int | None = None,
    offset: int = 0,
) -> list[Row]:
    """A page of rows as the list shows them (raw values: cents, ISO dates, codes)."""
    listing = LISTINGS[table]
    where, params = _where(listing, search, filters or {})
    columns = ", ".join(f"{c.sql} AS {c.key}" for c in listing.columns)
    source = listing.order_sources.get((order or listing.order).lstrip("-"), listing.source)
    sql = f"SELECT {columns} FROM {source} WHERE {where} ORDER BY {_order(listing, order)}"
    if limit is not None:
        sql += " LIMIT ? OFFSET ?"
        params += [limit, offset]
    return list(db.query(sql, params))


def count(
    db: Database, table: str, *, search: str | None = None, filters: dict[str, Any] | None = None
) -> int:
    listing = LISTINGS[table]
    where, params = _where(listing, search, filters or {})
    needs_join = any(c.startswith(("p.", "o.", "f.")) for c in listing.like_search) and search
    source = listing.source if needs_join else f"{table} t"
    return int(db.execute(f"SELECT count(*) FROM {source} WHERE {where}", params).fetchone()[0])


def cell_text(column: Column, row: Row) -> str:
    """A value as the list shows it, in the current language."""
    value = row[column.key]
    if value is None or value == "":
        return ""
    kind = column.type
    if kind == "date":
        return fmt.date(value)
    if kind == "choice":
        return _(column.choices.get(value, str(value)))
    if kind == "country":
        return fmt.country_name(value)
    if kind == "money":
        return fmt.money(from_cents(value), row[column.currency_key])
    if kind == "eur":
        return fmt.money(from_cents(value), "EUR")
    if kind == "bool":
        return _("Yes") if value else _("No")
    if kind == "sdgs":
        return value.replace(",", ", ")
    return str(value)
