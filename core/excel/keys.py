"""Linked records found by name, and the rules that make two rows the same record.

DESIGN's rules: an organisation is the same when its name matches (case,
accents, punctuation aside) and the countries match or one is empty; a
contact when the e-mail matches, else first name, last name and
organisation. An organisation named in a row is found, or created once.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from core.errors import UserError
from core.excel import cells
from core.i18n import _
from core.money import to_cents
from core.parse import normalise_key
from core.spec import INCOME_CATEGORIES

if TYPE_CHECKING:
    from sqlite_utils import Database

NEW = "new:"  # prefix of an organisation the import will create
# Import field naming an organisation -> (record field, kind of a new organisation).
ORGANISATION_FIELDS = {
    "organisation": ("organisation_id", "other"),
    "partner": ("partner_organisation_id", "partner_authority"),
    "funder": ("funder_organisation_id", "funder"),
}


class Lookups:
    def __init__(self, db: Database, kind: str,
                 new_organisations: dict[str, tuple[str, str | None, str]]) -> None:
        self.db = db
        self.kind = kind
        self.new_organisations = new_organisations
        self.seen: set[tuple[Any, ...]] = set()
        self._organisations: dict[str, list[tuple[int, str | None]]] | None = None
        self._partnerships: dict[str, int] | None = None
        self._table_empty: bool | None = None

    # --- linked records -----------------------------------------------------

    def organisations(self) -> dict[str, list[tuple[int, str | None]]]:
        if self._organisations is None:
            self._organisations = {}
            for row in self.db.query("SELECT id, name, country FROM organisations "
                                     "WHERE deleted_at IS NULL ORDER BY id"):
                key = normalise_key(row["name"])
                self._organisations.setdefault(key, []).append((row["id"], row["country"]))
        return self._organisations

    def organisation(self, name: str, country: str | None, kind: str) -> int | str:
        key = normalise_key(name)
        for org_id, org_country in self.organisations().get(key, []):
            if not country or not org_country or org_country == country:
                return org_id
        self.new_organisations.setdefault(key, (name, country, kind))
        return NEW + key

    def partnership(self, name: str) -> int:
        if self._partnerships is None:
            self._partnerships = {
                normalise_key(r["name"]): r["id"] for r in self.db.query(
                    "SELECT id, name FROM partnerships WHERE deleted_at IS NULL ORDER BY id")}
        found = self._partnerships.get(normalise_key(name))
        if found is None:
            raise UserError(_("the partnership «{name}» does not exist; create it first or "
                              "correct the name").format(name=name))
        return found

    # --- a row's values -----------------------------------------------------

    def resolve(self, raw: dict[str, Any]) -> dict[str, Any]:
        """The values for the records API, linked records found by name."""
        values = {k: v for k, v in raw.items() if k not in ("id", "full_name")}
        if "full_name" in raw and not (raw.get("first_name") or raw.get("last_name")):
            values["first_name"], values["last_name"] = cells.split_name(raw["full_name"])
        country = raw.get("country")
        for source, (target, org_kind) in ORGANISATION_FIELDS.items():
            if source in values:
                values[target] = self.organisation(values.pop(source), country, org_kind)
        if "partnership" in values:
            values["partnership_id"] = self.partnership(values.pop("partnership"))
        self._money(values)
        return values

    def _money(self, values: dict[str, Any]) -> None:
        if "amount" in values:
            amount, found_currency = values["amount"]
            values["amount"] = amount
            values.setdefault("currency", found_currency or "EUR")
        if "amount_eur" in values:
            values["amount_eur"] = values["amount_eur"][0]
        if self.kind in ("transactions", "budget") and "kind" not in values:
            values["kind"] = "income" if values.get("category") in INCOME_CATEGORIES else "expense"

    @staticmethod
    def checkable(values: dict[str, Any]) -> dict[str, Any]:
        """The values with organisations still to create left empty, for validation."""
        return {k: (None if isinstance(v, str) and v.startswith(NEW) else v)
                for k, v in values.items()}

    # --- duplicates ---------------------------------------------------------

    def duplicate_of(self, values: dict[str, Any], raw_id: object) -> int | str | None:
        """An existing record's id, "file" for a repeat within the file, or None."""
        key = self._key(values)
        if key in self.seen:
            return "file"
        self.seen.add(key)
        if raw_id and cells.text(raw_id).isdigit():
            found = self._live(int(cells.text(raw_id)))
            if found is not None:
                return found
        return self._existing(values)

    def _key(self, values: dict[str, Any]) -> tuple[Any, ...]:
        if self.kind == "contacts":
            email = (values.get("email") or "").strip().casefold()
            if email:
                return ("email", email)
            return ("name", normalise_key(values.get("first_name") or ""),
                    normalise_key(values.get("last_name") or ""),
                    str(values.get("organisation_id")))
        if self.kind == "organisations":
            return (normalise_key(values.get("name") or ""), values.get("country") or "")
        if self.kind == "partnerships":
            return (normalise_key(values.get("name") or ""),)
        if self.kind == "missions":
            return (values.get("partnership_id"), normalise_key(values.get("title") or ""),
                    values.get("start_date"))
        return self._money_key(values)

    def _money_key(self, values: dict[str, Any]) -> tuple[Any, ...]:
        amount = to_cents(values["amount"]) if values.get("amount") is not None else None
        common = (values.get("partnership_id"), values.get("kind"), amount,
                  values.get("currency"), normalise_key(values.get("label") or ""))
        if self.kind == "transactions":
            return (*common, values.get("date"), normalise_key(values.get("reference") or ""))
        return (*common, values.get("year"), values.get("category"),
                str(values.get("funder_organisation_id")))

    def _live(self, record_id: int) -> int | None:
        from core.excel.columns import KINDS

        row = self.db.execute(f"SELECT id FROM {KINDS[self.kind]} WHERE id = ? "
                              "AND deleted_at IS NULL", [record_id]).fetchone()
        return int(row[0]) if row else None

    def _existing(self, values: dict[str, Any]) -> int | None:
        if self._table_empty is None:  # a first import: nothing in the database to repeat
            from core.excel.columns import KINDS

            self._table_empty = self.db.execute(
                f"SELECT 1 FROM {KINDS[self.kind]} WHERE deleted_at IS NULL LIMIT 1"
            ).fetchone() is None
        if self._table_empty:
            return None
        from core.excel.existing import find_existing

        return find_existing(self, values)
