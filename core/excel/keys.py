"""Linked records found by name: the organisation, partnership, mission or contact a row names.

An organisation named in a row is found (name case-, accent- and
punctuation-insensitive, countries equal or one empty) or created once; a
partnership by its name; a mission by its title and start date (and its
partnership's name when given); a contact by e-mail (the names choosing
among people who share one) or by name. Each index is read once per import.
Whether a row repeats another is ``core.excel.duplicates``' business.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from core import parse
from core.errors import UserError, ValidationError
from core.excel import cells
from core.i18n import _
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
ORGANISATION_IDS = tuple(target for target, _kind in ORGANISATION_FIELDS.values())
# Kinds whose rows link records rather than describe one (participants, a partnership's people).
LINK_KINDS = ("participants", "partnership_contacts")


@dataclass(frozen=True)
class KnownContact:
    """A contact of the database, as the import compares people."""

    id: int
    first_name: str
    last_name: str
    email: str  # trimmed and casefolded; "" when none
    organisation_id: int | None

    @property
    def title(self) -> str:
        return f"{self.first_name} {self.last_name}".strip()


def names_agree(first_a: str, last_a: str, first_b: str, last_b: str) -> bool:
    """The same family name, and first names equal or one of them empty (accents, case aside)."""
    if normalise_key(last_a) != normalise_key(last_b):
        return False
    first_a, first_b = normalise_key(first_a), normalise_key(first_b)
    return not first_a or not first_b or first_a == first_b


def email_key(value: object) -> str:
    return str(value or "").strip().casefold()


class Lookups:
    def __init__(self, db: Database, kind: str,
                 new_organisations: dict[str, tuple[str, str | None, str]]) -> None:
        self.db = db
        self.kind = kind
        self.new_organisations = new_organisations
        self._organisations: dict[str, list[tuple[int, str | None]]] | None = None
        self._partnerships: dict[str, int] | None = None
        self._contacts: list[KnownContact] | None = None
        self._by_email: dict[str, list[KnownContact]] = {}
        self._by_name: dict[str, list[KnownContact]] = {}
        self._by_id: dict[int, KnownContact] | None = None
        self._missions: dict[str, list[tuple[int, str | None, str]]] | None = None

    # --- organisations and partnerships -------------------------------------

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

    # --- contacts -----------------------------------------------------------

    def contacts(self) -> list[KnownContact]:
        """Every live contact, read once, indexed by e-mail and by name both ways round."""
        if self._contacts is None:
            self._contacts = [
                KnownContact(r[0], r[1] or "", r[2] or "", email_key(r[3]), r[4])
                for r in self.db.execute(
                    "SELECT id, first_name, last_name, email, organisation_id FROM contacts "
                    "WHERE deleted_at IS NULL ORDER BY id")]
            for contact in self._contacts:
                if contact.email:
                    self._by_email.setdefault(contact.email, []).append(contact)
                for key in {normalise_key(contact.title),
                            normalise_key(f"{contact.last_name} {contact.first_name}")}:
                    self._by_name.setdefault(key, []).append(contact)
        return self._contacts

    def known_contact(self, contact_id: int) -> KnownContact | None:
        if self._by_id is None:
            self._by_id = {c.id: c for c in self.contacts()}
        return self._by_id.get(contact_id)

    def contacts_with_email(self, email: str) -> list[KnownContact]:
        self.contacts()
        return self._by_email.get(email, [])

    def contacts_named(self, name: str) -> list[KnownContact]:
        self.contacts()
        return self._by_name.get(normalise_key(name), [])

    def contact(self, email: str, name: str) -> int:
        """The contact with this e-mail (the name choosing among people who share it), else
        the only one with this name; a reason when there is none, or several."""
        if email:
            people = self.contacts_with_email(email)
            if name:
                people = [c for c in people if normalise_key(name) in (
                    normalise_key(c.title), normalise_key(f"{c.last_name} {c.first_name}"))]
            if not people:
                raise UserError(_("no contact has the e-mail «{email}»{name}; import the "
                                  "contacts first or correct it").format(
                                      email=email, name=f" ({name})" if name else ""))
        else:
            people = self.contacts_named(name)
            if not people:
                raise UserError(_("no contact is called «{name}»; import the contacts first, "
                                  "or write the name in the Name column").format(name=name))
        if len(people) > 1:
            raise UserError(_("several contacts match «{who}»; give their e-mail and "
                              "name").format(who=email or name))
        return people[0].id

    # --- missions -----------------------------------------------------------

    def mission(self, title: str, start: str | None, partnership: str | None) -> int:
        """The mission with this title, starting that day, in that partnership when named."""
        if self._missions is None:
            self._missions = {}
            for r in self.db.execute(
                "SELECT m.id, m.title, m.start_date, p.name FROM missions m JOIN partnerships p "
                "ON p.id = m.partnership_id WHERE m.deleted_at IS NULL ORDER BY m.id"
            ):
                self._missions.setdefault(normalise_key(r[1]), []).append(
                    (r[0], r[2], normalise_key(r[3])))
        found = [m for m in self._missions.get(normalise_key(title), [])
                 if (not start or m[1] == start)
                 and (not partnership or m[2] == normalise_key(partnership))]
        if not found:
            raise UserError(_("no mission «{title}» {when}; import the missions first or "
                              "correct the title and start date").format(
                                  title=title, when=start or ""))
        if len(found) > 1:
            raise UserError(_("several missions are called «{title}»; give the start date "
                              "and the partnership").format(title=title))
        return found[0][0]

    # --- a row's values -----------------------------------------------------

    def resolve(self, raw: dict[str, Any]) -> dict[str, Any]:
        """The values for the records API, linked records found by name."""
        if self.kind in LINK_KINDS:
            return self._resolve_link(raw)
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

    def _resolve_link(self, raw: dict[str, Any]) -> dict[str, Any]:
        """A participant's mission and contact, or a partnership's contact, found."""
        values: dict[str, Any] = {k: raw[k] for k in ("name", "category", "role", "notes")
                                  if k in raw}
        email = email_key(raw.get("email"))
        if self.kind == "partnership_contacts":
            values["partnership_id"] = self.partnership(raw.get("partnership") or "")
            if not (email or raw.get("contact")):
                raise UserError(_("give the contact's e-mail or name"))
            values["contact_id"] = self.contact(email, raw.get("contact") or "")
            return values
        if not raw.get("mission"):
            raise UserError(_("give the mission's title (and its start date)"))
        values["mission_id"] = self.mission(raw["mission"], _date(raw.get("mission_start")),
                                            raw.get("partnership"))
        if email or raw.get("contact"):  # the name chooses among people sharing an e-mail
            values["contact_id"] = self.contact(email, raw.get("contact") or raw.get("name")
                                                or "")
        elif not raw.get("name"):
            raise UserError(_("give the participant's name, or a contact's e-mail or name"))
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
        new = organisations_to_create(values)
        return {**values, **dict.fromkeys(new)} if new else values


def organisations_to_create(values: dict[str, Any]) -> list[str]:
    """The row's organisation fields that name one the import will create (``NEW`` + key)."""
    return [k for k in ORGANISATION_IDS
            if isinstance(values.get(k), str) and values[k].startswith(NEW)]


def _date(value: object) -> str | None:
    """A mission's start date as the sheet gives it (text or a date cell), in ISO."""
    if not value:
        return None
    try:
        return parse.parse_date(value).isoformat()
    except ValidationError as error:
        raise UserError(_("the mission's start date «{value}»: {message}").format(
            value=value, message=error)) from None
