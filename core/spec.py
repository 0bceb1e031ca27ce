"""What each record holds: fields, their types, choices and links.

One declarative description serves validation (``records``), the JSON dump
and load, and later the import/export column lists and the forms. The SQL
tables themselves live in ``migrations``; a test checks that both agree.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

from core.i18n import N_, NC_

# Field types: text, date, int, year, bool, money, rate, currency, country,
# choice, ref, sdgs.


@dataclass(frozen=True)
class Field:
    name: str
    type: str = "text"
    required: bool = False
    choices: Mapping[str, str] = field(default_factory=dict)  # value -> label (N_)
    ref: str | None = None  # table referenced, for type "ref"
    column: str | None = None  # SQL column when it differs (money is stored in cents)
    label: str = ""
    default: object = None  # value stored when none is given

    @property
    def sql(self) -> str:
        return self.column or self.name


@dataclass(frozen=True)
class Spec:
    table: str
    singular: str
    label: str  # translated name of the record kind
    title_sql: str  # SQL expression that names one record
    fields: tuple[Field, ...]
    order_sql: str = "id"
    money: bool = False  # has amount/currency/rate/amount_eur

    def field(self, name: str) -> Field:
        for f in self.fields:
            if f.name == name:
                return f
        raise KeyError(name)

    @property
    def parents(self) -> list[Field]:
        return [f for f in self.fields if f.type == "ref"]


ORGANISATION_KINDS = {
    "partner_authority": N_("Partner local authority"),
    "municipal_service": N_("Municipal service"),
    "association": N_("Association"),
    "twinning_committee": N_("Twinning committee"),
    "ngo": N_("NGO"),
    "funder": N_("Funder"),
    "support_network": N_("Support network"),
    "school": N_("School or university"),
    "company": N_("Company"),
    "other": N_("Other"),
}
LEGAL_BASES = {
    "consent": N_("Consent"),
    "legitimate_interest": N_("Legitimate interest"),
    "public_task": N_("Public task"),
    "contract": N_("Contract"),
}
PARTNERSHIP_STATUSES = {
    "exploratory": N_("Exploratory"),
    "active": N_("Active"),
    "dormant": N_("Dormant"),
    "ended": N_("Ended"),
}
PARTNERSHIP_ROLES = {
    "coordinator": N_("Coordinator"),
    "steering_committee": N_("Steering committee"),
    "elected_referent": N_("Elected official in charge"),
    "focal_point": N_("Focal point abroad"),
    "interpreter": N_("Interpreter"),
    "other": N_("Other"),
}
PROJECT_LOCATIONS = {"here": N_("Here"), "there": N_("There"), "both": N_("Here and there")}
PROJECT_STATUSES = {
    "planned": N_("Planned"),
    "ongoing": N_("Ongoing"),
    "completed": N_("Completed"),
    "suspended": N_("Suspended"),
    "cancelled": N_("Cancelled"),
}
MISSION_DIRECTIONS = {"outgoing": N_("Outgoing"), "incoming": N_("Incoming")}
MISSION_STATUSES = {
    "planned": NC_("mission", "Planned"),
    "confirmed": NC_("mission", "Confirmed"),
    "done": NC_("mission", "Done"),
    "cancelled": NC_("mission", "Cancelled"),
}
PARTICIPANT_CATEGORIES = {
    "elected": N_("Elected official"),
    "staff": N_("Staff"),
    "citizen": N_("Citizen"),
    "youth": N_("Youth"),
    "partner": N_("Partner"),
    "expert": N_("Expert"),
}
MONEY_KINDS = {"expense": N_("Expense"), "income": N_("Income")}
EXPENSE_CATEGORIES = {
    "travel": N_("Travel"),
    "accommodation": N_("Accommodation"),
    "per_diem": N_("Per diem"),
    "activities": N_("Activities"),
    "equipment": N_("Equipment"),
    "communication": N_("Communication"),
    "staff_time": N_("Staff time"),
    "other": N_("Other"),
}
INCOME_CATEGORIES = {
    "own_funds": N_("Own funds"),
    "grant": N_("Grant"),
    "partner_contribution": N_("Partner contribution"),
    "in_kind": N_("In kind"),
}
CATEGORIES = {**EXPENSE_CATEGORIES, **INCOME_CATEGORIES}
DEADLINE_KINDS = {
    "grant_report": N_("Grant report"),
    "grant_application": N_("Grant application"),
    "visa": N_("Visa application"),
    "agreement_renewal": N_("Agreement renewal"),
    "follow_up": N_("Follow-up action"),
    "payment": N_("Payment"),
    "event": N_("Event"),
    "other": N_("Other"),
}
JOURNAL_KINDS = {
    "note": N_("Note"),
    "meeting": N_("Meeting"),
    "visit": N_("Visit"),
    "call": N_("Phone call"),
}
# OECD DAC policy markers: how much a project aims at each objective.
MARKER_SCORES = {
    "0": N_("Not targeted"),
    "1": N_("Significant objective"),
    "2": N_("Principal objective"),
}
POLICY_MARKERS = {  # field name -> label; IATI policy marker codes in core.declarations
    "marker_gender": N_("Marker: gender equality"),
    "marker_environment": N_("Marker: environment"),
    "marker_biodiversity": N_("Marker: biodiversity"),
    "marker_nutrition": N_("Marker: nutrition"),
    "marker_disability": N_("Marker: disability inclusion"),
    "marker_climate_mitigation": N_("Marker: climate change mitigation"),
    "marker_climate_adaptation": N_("Marker: climate change adaptation"),
}
# OECD DAC types of aid (IATI AidType, vocabulary 1) that a commune's cooperation uses.
AID_TYPES = {
    "A02": N_("Sector budget support"),
    "B01": N_("Core support to NGOs and other organisations"),
    "B03": N_("Contributions to specific-purpose programmes and funds"),
    "C01": N_("Project-type interventions"),
    "D01": N_("Donor country personnel"),
    "D02": N_("Other technical assistance"),
    "E01": N_("Scholarships and training in the donor country"),
    "G01": N_("Administrative costs not included elsewhere"),
    "H01": N_("Development awareness"),
}
# The budget an expense is paid from: the general budget or a "1 % Oudin-Santini"
# budget (French law lets water, sanitation, waste and energy budgets give 1 %).
BUDGET_SOURCES = {
    "general": N_("General budget"),
    "water": N_("Water (1 %)"),
    "sanitation": N_("Sanitation (1 %)"),
    "waste": N_("Waste (1 %)"),
    "energy": N_("Energy (1 %)"),
}
# Who pays an expense, as the CIC/GIS financial report asks.
FUNDING_SOURCES = {
    "programme_subsidy": N_("Programme subsidy"),
    "own_funds": N_("Own funds"),
    "other": N_("Other funding"),
}
SDG_NAMES = {
    1: N_("No poverty"),
    2: N_("Zero hunger"),
    3: N_("Good health and well-being"),
    4: N_("Quality education"),
    5: N_("Gender equality"),
    6: N_("Clean water and sanitation"),
    7: N_("Affordable and clean energy"),
    8: N_("Decent work and economic growth"),
    9: N_("Industry, innovation and infrastructure"),
    10: N_("Reduced inequalities"),
    11: N_("Sustainable cities and communities"),
    12: N_("Responsible consumption and production"),
    13: N_("Climate action"),
    14: N_("Life below water"),
    15: N_("Life on land"),
    16: N_("Peace, justice and strong institutions"),
    17: N_("Partnerships for the goals"),
}

_MONEY_FIELDS = (
    Field("amount", "money", required=True, column="amount_cents", label=N_("Amount")),
    Field("currency", "currency", default="EUR", label=N_("Currency")),
    Field("rate", "rate", label=N_("Rate (per euro)")),
    Field("amount_eur", "money", column="amount_eur_cents", label=N_("Amount in EUR")),
)

SPECS: dict[str, Spec] = {
    s.table: s
    for s in (
        Spec(
            "organisations",
            "organisation",
            N_("Organisation"),
            "name",
            (
                Field("name", required=True, label=N_("Name")),
                Field(
                    "kind", "choice", choices=ORGANISATION_KINDS, default="other", label=N_("Kind")
                ),
                Field("country", "country", label=N_("Country")),
                Field("city", label=N_("City")),
                Field("address", label=N_("Address")),
                Field("website", label=N_("Website")),
                Field("email", label=N_("E-mail")),
                Field("phone", label=N_("Phone")),
                Field("notes", label=N_("Notes")),
            ),
            order_sql="name COLLATE NOCASE",
        ),
        Spec(
            "contacts",
            "contact",
            N_("Contact"),
            "trim(first_name || ' ' || last_name)",
            (
                Field("first_name", default="", label=N_("First name")),
                Field("last_name", default="", label=N_("Last name")),
                Field("organisation_id", "ref", ref="organisations", label=N_("Organisation")),
                Field("role", label=N_("Role")),
                Field("email", label=N_("E-mail")),
                Field("phone", label=N_("Phone")),
                Field("languages", label=N_("Languages")),
                Field("country", "country", label=N_("Country")),
                Field("notes", label=N_("Notes")),
                Field("legal_basis", "choice", choices=LEGAL_BASES, label=N_("Legal basis")),
                Field("legal_basis_date", "date", label=N_("Legal basis date")),
            ),
            order_sql="last_name COLLATE NOCASE, first_name COLLATE NOCASE",
        ),
        Spec(
            "partnerships",
            "partnership",
            N_("Partnership"),
            "name",
            (
                Field("name", required=True, label=N_("Name")),
                Field(
                    "partner_organisation_id",
                    "ref",
                    ref="organisations",
                    label=N_("Partner authority"),
                ),
                Field("country", "country", label=N_("Country")),
                Field(
                    "status",
                    "choice",
                    choices=PARTNERSHIP_STATUSES,
                    default="active",
                    label=N_("Status"),
                ),
                Field("start_date", "date", label=N_("Start")),
                Field("end_date", "date", label=N_("End")),
                Field("agreement_signed_date", "date", label=N_("Agreement signed")),
                Field("agreement_expiry_date", "date", label=N_("Agreement expires")),
                Field("framework_programme", label=N_("Framework programme")),
                Field("themes", label=N_("Themes")),
                Field("sdgs", "sdgs", label=N_("SDGs")),
                Field("summary", label=N_("Summary")),
            ),
            order_sql="name COLLATE NOCASE",
        ),
        Spec(
            "partnership_contacts",
            "partnership_contact",
            N_("Partnership contact"),
            "role",
            (
                Field(
                    "partnership_id",
                    "ref",
                    required=True,
                    ref="partnerships",
                    label=N_("Partnership"),
                ),
                Field("contact_id", "ref", required=True, ref="contacts", label=N_("Contact")),
                Field(
                    "role", "choice", choices=PARTNERSHIP_ROLES, default="other", label=N_("Role")
                ),
                Field("notes", label=N_("Notes")),
            ),
        ),
        Spec(
            "projects",
            "project",
            N_("Project"),
            "title",
            (
                Field(
                    "partnership_id",
                    "ref",
                    required=True,
                    ref="partnerships",
                    label=N_("Partnership"),
                ),
                Field("title", required=True, label=N_("Title")),
                Field(
                    "location",
                    "choice",
                    choices=PROJECT_LOCATIONS,
                    default="there",
                    label=N_("Where"),
                ),
                Field(
                    "status",
                    "choice",
                    choices=PROJECT_STATUSES,
                    default="planned",
                    label=N_("Status"),
                ),
                Field("start_date", "date", label=N_("Start")),
                Field("end_date", "date", label=N_("End")),
                Field("themes", label=N_("Themes")),
                Field("sdgs", "sdgs", label=N_("SDGs")),
                Field("dac_sector", "dac", label=N_("OECD DAC sector")),
                Field("objectives", label=N_("Objectives")),
                Field("results", label=N_("Results")),
                *(Field(name, "choice", choices=MARKER_SCORES, label=label)
                  for name, label in POLICY_MARKERS.items()),
                Field("aid_type", "choice", choices=AID_TYPES, label=N_("Type of aid")),
                Field("recipient_country", "country",
                      label=N_("Recipient country (if not the partner's)")),
            ),
            order_sql="start_date DESC, title",
        ),
        Spec(
            "missions",
            "mission",
            N_("Mission"),
            "title",
            (
                Field(
                    "partnership_id",
                    "ref",
                    required=True,
                    ref="partnerships",
                    label=N_("Partnership"),
                ),
                Field("project_id", "ref", ref="projects", label=N_("Project")),
                Field("title", required=True, label=N_("Title")),
                Field(
                    "direction",
                    "choice",
                    choices=MISSION_DIRECTIONS,
                    default="outgoing",
                    label=N_("Direction"),
                ),
                Field("destination_city", label=N_("Destination city")),
                Field("destination_country", "country", label=N_("Destination country")),
                Field("start_date", "date", label=N_("Start")),
                Field("end_date", "date", label=N_("End")),
                Field(
                    "status",
                    "choice",
                    choices=MISSION_STATUSES,
                    default="planned",
                    label=N_("Status"),
                ),
                Field("purpose", label=N_("Purpose")),
                Field("programme", label=N_("Programme")),
                Field("outcomes", label=N_("Outcomes")),
                Field("follow_up", label=N_("Follow-up")),
            ),
            order_sql="start_date DESC, id DESC",
        ),
        Spec(
            "mission_participants",
            "mission_participant",
            N_("Participant"),
            "coalesce(name, '')",
            (
                Field("mission_id", "ref", required=True, ref="missions", label=N_("Mission")),
                Field("contact_id", "ref", ref="contacts", label=N_("Contact")),
                Field("name", label=N_("Name")),
                Field(
                    "category",
                    "choice",
                    choices=PARTICIPANT_CATEGORIES,
                    default="staff",
                    label=N_("Category"),
                ),
                Field("notes", label=N_("Notes")),
            ),
        ),
        Spec(
            "budget_lines",
            "budget_line",
            N_("Budget line"),
            "coalesce(label, category) || ' ' || year",
            (
                Field(
                    "partnership_id",
                    "ref",
                    required=True,
                    ref="partnerships",
                    label=N_("Partnership"),
                ),
                Field("project_id", "ref", ref="projects", label=N_("Project")),
                Field("year", "year", required=True, label=N_("Year")),
                Field("kind", "choice", required=True, choices=MONEY_KINDS, label=N_("Kind")),
                Field(
                    "category", "choice", required=True, choices=CATEGORIES, label=N_("Category")
                ),
                Field("funder_organisation_id", "ref", ref="organisations", label=N_("Funder")),
                Field("label", label=N_("Label")),
                *_MONEY_FIELDS,
                Field("notes", label=N_("Notes")),
                Field("budget_post", label=N_("Budget post")),
            ),
            order_sql="year DESC, partnership_id, kind, category",
            money=True,
        ),
        Spec(
            "transactions",
            "transaction",
            N_("Transaction"),
            "label",
            (
                Field("date", "date", required=True, label=N_("Date")),
                Field(
                    "partnership_id",
                    "ref",
                    required=True,
                    ref="partnerships",
                    label=N_("Partnership"),
                ),
                Field("project_id", "ref", ref="projects", label=N_("Project")),
                Field("mission_id", "ref", ref="missions", label=N_("Mission")),
                Field("budget_line_id", "ref", ref="budget_lines", label=N_("Budget line")),
                Field("kind", "choice", required=True, choices=MONEY_KINDS, label=N_("Kind")),
                Field("category", "choice", choices=CATEGORIES, label=N_("Category")),
                Field("organisation_id", "ref", ref="organisations", label=N_("Organisation")),
                Field("label", required=True, label=N_("Label")),
                *_MONEY_FIELDS,
                Field("counterparty", label=N_("Payee or payer")),
                Field("reference", label=N_("Reference")),
                Field("notes", label=N_("Notes")),
                Field("budget_source", "choice", choices=BUDGET_SOURCES,
                      label=N_("Paid from budget")),
                Field("budget_post", label=N_("Budget post")),
                Field("document_number", label=N_("Supporting document no.")),
                Field("funding", "choice", choices=FUNDING_SOURCES, label=N_("Funded by")),
                Field("eligible", "bool", default=True, label=N_("Eligible")),
                Field("ineligible_reason", label=N_("Why not eligible")),
                Field("bank_fees", "money", column="bank_fees_cents",
                      label=N_("Bank fees (EUR)")),
            ),
            order_sql="date DESC, id DESC",
            money=True,
        ),
        Spec(
            "journal_entries",
            "journal_entry",
            N_("Journal entry"),
            "title",
            (
                Field("date", "date", required=True, label=N_("Date")),
                Field("title", required=True, label=N_("Title")),
                Field("kind", "choice", choices=JOURNAL_KINDS, default="note", label=N_("Kind")),
                Field("context", label=N_("Context")),
                Field("decisions", label=N_("Decisions")),
                Field("actions", label=N_("Follow-up actions")),
                Field("attendees", label=N_("Who was there")),
            ),
            order_sql="date DESC, id DESC",
        ),
        Spec(
            "journal_entry_partnerships",
            "journal_entry_partnership",
            N_("Journal link"),
            "''",
            (
                Field(
                    "journal_entry_id",
                    "ref",
                    required=True,
                    ref="journal_entries",
                    label=N_("Journal entry"),
                ),
                Field(
                    "partnership_id",
                    "ref",
                    required=True,
                    ref="partnerships",
                    label=N_("Partnership"),
                ),
            ),
        ),
        Spec(
            "deadlines",
            "deadline",
            N_("Deadline"),
            "title",
            (
                Field("title", required=True, label=N_("Title")),
                Field("due_date", "date", required=True, label=N_("Due date")),
                Field("kind", "choice", choices=DEADLINE_KINDS, default="other", label=N_("Kind")),
                Field("partnership_id", "ref", ref="partnerships", label=N_("Partnership")),
                Field("project_id", "ref", ref="projects", label=N_("Project")),
                Field("mission_id", "ref", ref="missions", label=N_("Mission")),
                Field("journal_entry_id", "ref", ref="journal_entries", label=N_("Journal entry")),
                Field("done", "bool", default=False, label=N_("Done")),
                Field("done_date", "date", label=N_("Done on")),
                Field("notes", label=N_("Notes")),
            ),
            order_sql="done, due_date",
        ),
    )
}

# Tables in an order where every parent comes before its children (load, dump).
TABLE_ORDER = tuple(SPECS)
# What lists, sheets, menus and imports call the records of a table (N_ texts).
PLURALS: dict[str, str] = {
    "contacts": N_("Contacts"),
    "organisations": N_("Organisations"),
    "partnerships": N_("Partnerships"),
    "missions": N_("Missions"),
    "transactions": N_("Transactions"),
    "budget_lines": N_("Budget"),
    "projects": N_("Projects"),
    "deadlines": N_("Deadlines"),
    "journal_entries": N_("Journal"),
    "mission_participants": N_("Participants"),
    "partnership_contacts": N_("Partnership contacts"),
}
COMMON_FIELDS = ("id", "created_at", "updated_at")
# Fields of which a record needs at least one, as the schema's CHECKs say (a contact
# has a first or a last name); forms mark them and the check names the last one.
AT_LEAST_ONE: dict[str, tuple[str, ...]] = {"contacts": ("first_name", "last_name")}
# Texts that hold paragraphs (minutes, outcomes); the others are one line.
LONG_TEXTS = frozenset({"notes", "summary", "programme", "outcomes", "follow_up", "purpose",
                        "objectives", "results", "context", "decisions", "actions", "attendees"})
# What names a record: it must fit a list's column, a page's title and a PDF's heading.
NAME_TEXTS = frozenset({"name", "title", "label", "first_name", "last_name"})


def max_length(f: Field) -> int:
    """The most characters a text field takes (forms, import and the API alike)."""
    if f.name in NAME_TEXTS:
        return 200
    return 20_000 if f.name in LONG_TEXTS else 500


def children_of(table: str) -> list[tuple[str, Field]]:
    """Every (child table, referencing field) that points at ``table``."""
    return [(spec.table, f) for spec in SPECS.values() for f in spec.parents if f.ref == table]
