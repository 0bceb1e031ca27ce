"""The partnership sheet: the handover dossier a successor reads first.

Who the partner is and what was signed, the people and their role, the
projects with their goals, every mission, the money year by year (planned
against actual, and who co-financed it), what is still due, and the journal
of what was decided, in date order. It mirrors the partnership page of the
app (ui/partnership_page.py) and asks core the same questions.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import TYPE_CHECKING, Any

from core import finance, fmt, journal, listing, missions, partnerships, records
from core.errors import NotFound
from core.fmt import choice, joined, period, place
from core.i18n import _
from core.reports.document import (
    Report,
    day,
    euros,
    facts,
    heading,
    keep_together,
    para,
    spacer,
    table,
)
from core.reports.text import has_text
from core.spec import (
    CATEGORIES,
    DEADLINE_KINDS,
    JOURNAL_KINDS,
    ORGANISATION_KINDS,
    PARTNERSHIP_ROLES,
    PARTNERSHIP_STATUSES,
    PROJECT_LOCATIONS,
    PROJECT_STATUSES,
)

if TYPE_CHECKING:
    from pathlib import Path

    from reportlab.platypus import Flowable, Table
    from sqlite_utils import Database

Row = dict[str, Any]
SIX_MONTHS = dt.timedelta(days=183)  # an agreement expiring within it is flagged, as on screen


def write(db: Database, partnership_id: int, out: Path) -> None:
    """Write the sheet of partnership ``partnership_id`` to ``out`` (whole or not at all)."""
    try:
        p = records.get(db, "partnerships", partnership_id)
    except NotFound:
        raise NotFound(
            _("There is no partnership number {id}.").format(id=partnership_id)
        ) from None
    pid, today = p["id"], dt.date.today()
    subtitle = " · ".join(
        part for part in (_("Partnership sheet"), choice(PARTNERSHIP_STATUSES, p["status"])) if part
    )
    report = Report(db, p["name"], subtitle)
    report.section(_("Overview"), *_overview(db, p, today))
    report.section(_("Partner authority"), _partner(db, p["partner_organisation_id"]))
    report.section(_("Contacts"), _contacts(partnerships.contacts_of(db, pid)))
    report.section(_("Projects"), *_projects(db, pid))
    report.section(_("Missions"), _missions(missions.of_partnership(db, pid)))
    report.section(_("Budget and actuals"), *_budget(db, pid))
    due = listing.fetch(db, "deadlines", filters={"partnership_id": pid, "done": 0})
    report.section(_("Open deadlines"), _deadlines(due, today))
    report.section(_("Journal"), *_journal(journal.entries_of(db, pid)))
    report.save(out)



# --- values ---------------------------------------------------------------------------


def _expiry(expiry: str | None, today: dt.date) -> str:
    """The agreement's end, said to be past or near, as the partnership page says it."""
    if not expiry:
        return ""
    text, end = day(expiry), dt.date.fromisoformat(expiry)
    if end < today:
        return _("{date} (expired)").format(date=text)
    if end <= today + SIX_MONTHS:
        return _("{date} (in less than six months)").format(date=text)
    return text


# --- sections -------------------------------------------------------------------------


def _overview(db: Database, p: Row, today: dt.date) -> list[Flowable | None]:
    partner = p["partner_organisation_id"]
    shown: list[Flowable | None] = [_flowing(facts([
        (_("Partner authority"), records.title(db, "organisations", partner) if partner else ""),
        (_("Country"), fmt.country_name(p["country"])),
        (_("Status"), choice(PARTNERSHIP_STATUSES, p["status"])),
        (_("Since"), day(p["start_date"])),
        (_("Ended"), day(p["end_date"])),
        (_("Agreement signed"), day(p["agreement_signed_date"])),
        (_("Agreement expires"), _expiry(p["agreement_expiry_date"], today)),
        (_("Framework programme"), p["framework_programme"]),
        (_("Themes"), p["themes"]),
        (_("SDGs"), fmt.sdgs(p["sdgs"])),
    ]))]
    if has_text(p["summary"]):
        shown += [heading(_("Summary"), 2), para(p["summary"])]
    return shown


def _partner(db: Database, organisation_id: int | None) -> Flowable | None:
    """How to reach the partner authority; nothing when only its name is known."""
    if organisation_id is None:
        return None
    try:
        org = records.get(db, "organisations", organisation_id)
    except NotFound:  # in the trash: the overview still names it
        return None
    details = [
        (_("City"), place(org["city"], org["country"])),
        (_("Address"), org["address"]),
        (_("Website"), org["website"]),
        (_("E-mail"), org["email"]),
        (_("Phone"), org["phone"]),
        (_("Notes"), org["notes"]),
    ]
    if not any(has_text(org[key]) for key in ("city", "address", "website", "email", "phone",
                                               "notes")):
        return None
    kind = choice(ORGANISATION_KINDS, org["kind"]) if org["kind"] != "other" else ""
    return _flowing(facts([(_("Name"), org["name"]), (_("Kind"), kind), *details]))


def _contacts(rows: list[Row]) -> Flowable | None:
    """Linked people, coordinator first (the order of the roles), then by name."""
    if not rows:
        return None
    order = list(PARTNERSHIP_ROLES)
    ranked = sorted(rows, key=lambda r: order.index(r["partnership_role"])
                    if r["partnership_role"] in order else len(order))
    return table(
        [_("Name"), _("Role in the partnership"), _("Function and organisation"),
         _("E-mail and phone")],
        [
            [
                joined(" ", r["first_name"], r["last_name"]),
                choice(PARTNERSHIP_ROLES, r["partnership_role"]),
                joined("\n", r["role"], r["organisation_name"]),
                joined("\n", r["email"], r["phone"]),
            ]
            for r in ranked
        ],
        [0.18, 0.17, 0.27, 0.38],
    )


def _projects(db: Database, pid: int) -> list[Flowable]:
    """Each project under its title, with its goals, objectives and results."""
    shown: list[Flowable] = []
    for project in records.list_records(
        db, "projects", filters={"partnership_id": pid}, order_by="start_date"
    ):
        shown += _titled(para(project["title"], "h2"), [
            (_("Where"), choice(PROJECT_LOCATIONS, project["location"])),
            (_("Status"), choice(PROJECT_STATUSES, project["status"])),
            (_("Dates"), period(project["start_date"], project["end_date"])),
            (_("Themes"), project["themes"]),
            (_("SDGs"), fmt.sdgs(project["sdgs"])),
            (_("OECD DAC sector"), project["dac_sector"]),
        ], [
            (_("Objectives"), project["objectives"]),
            (_("Results"), project["results"]),
        ])
    return shown


def _titled(title: Flowable, short: list[tuple[str, object]],
            long: list[tuple[str, object]]) -> list[Flowable]:
    """A record under its title: the title stays with the short lines; long texts (minutes,
    results) follow and may run onto the next page, split inside a line if need be."""
    head, rest = facts(short), _flowing(facts(long))
    first = head if head is not None else rest
    shown = [keep_together([title, first]) if first is not None else title]
    if head is not None and rest is not None:
        shown.append(rest)
    return shown


def _flowing(lines: Table | None) -> Table | None:
    """Let a line taller than what is left of the page split across pages (reportlab's
    ``splitInRow``: the least height of each part, here three lines) rather than fail."""
    if lines is not None:
        lines.splitInRow = 36
    return lines


def _missions(rows: list[Row]) -> Flowable | None:
    if not rows:
        return None
    return table(
        [_("Dates"), _("Title"), _("Direction"), _("Destination"), _("Status"),
         _("Participants")],
        [missions.summary_texts(r) for r in rows],
        [0.2, 0.28, 0.11, 0.17, 0.11, 0.13],
        right=[5],
    )


def _budget(db: Database, pid: int) -> list[Flowable]:
    """The years side by side, then each year: by category, and income by funder."""
    years = finance.partnership_years(db, pid)
    if not years:
        return []
    shown: list[Flowable] = [para(_("In euros; foreign amounts count at the rate used."), "muted")]
    if len(years) > 1:
        shown += [_years(db, pid, years), spacer(2)]
    for year in years:  # a year on one page: its funders read under its categories
        block = [heading(str(year), 2),  # a year, not a number: no thousands separator
                 _categories(finance.by_category(db, year, pid))]
        funders = finance.cofinancing(db, year, pid)
        if funders:
            block += [spacer(2), _funders(funders)]
        shown.append(keep_together(block))
    return shown


def _years(db: Database, pid: int, years: list[int]) -> Flowable:
    """One line a year: planned and actual expenses and income."""
    keys = ("planned_expense", "spent", "planned_income", "received")
    lines, totals = [], dict.fromkeys(keys, Decimal(0))
    for year in years:
        found = [r for r in finance.year_summary(db, year) if r["partnership_id"] == pid]
        values = {key: found[0][key] if found else Decimal(0) for key in keys}
        for key in keys:
            totals[key] += values[key]
        lines.append([str(year), *(euros(values[key]) for key in keys)])
    return table(
        [_("Year"), _("Planned expenses"), _("Spent"), _("Planned income"), _("Received")],
        lines,
        [0.2, 0.2, 0.2, 0.2, 0.2],
        right=[1, 2, 3, 4],
        total=[_("Total"), *(euros(totals[key]) for key in keys)],
    )


def _categories(rows: list[Row]) -> Flowable:
    """Expenses then income by category, each kind closed by its total in bold."""
    lines: list[list[object]] = []
    for kind, total_label in (("expense", _("Total expenses")), ("income", _("Total income"))):
        of_kind = [r for r in rows if r["kind"] == kind]
        if not of_kind:
            continue
        lines += [[choice(CATEGORIES, r["category"]), euros(r["planned"]), euros(r["actual"])]
                  for r in of_kind]
        planned = sum((r["planned"] for r in of_kind), Decimal(0))
        actual = sum((r["actual"] for r in of_kind), Decimal(0))
        lines.append([para(total_label, "head"), para(euros(planned), "head_right"),
                      para(euros(actual), "head_right")])
    return table([_("Category"), _("Planned"), _("Actual")], lines, [0.5, 0.25, 0.25],
                 right=[1, 2])


def _funders(rows: list[Row]) -> Flowable:
    """Income by source: the funder's name, else the kind of income (own funds, in kind)."""
    return table(
        [_("Income by funder"), _("Planned"), _("Received")],
        [[r["funder"] or choice(CATEGORIES, r["category"]), euros(r["planned"]),
          euros(r["received"])] for r in rows],
        [0.5, 0.25, 0.25],
        right=[1, 2],
    )


def _deadlines(rows: list[Row], today: dt.date) -> Flowable | None:
    """What is still due, soonest first; the overdue ones said to be late."""
    if not rows:
        return None
    now = today.isoformat()
    return table(
        [_("Due date"), _("Title"), _("Kind")],
        [
            [
                _("{date} (overdue)").format(date=day(r["due_date"]))
                if r["due_date"] < now else day(r["due_date"]),
                r["title"],
                choice(DEADLINE_KINDS, r["kind"]),
            ]
            for r in rows
        ],
        [0.25, 0.5, 0.25],
    )


def _journal(rows: list[Row]) -> list[Flowable]:
    """Every entry, oldest first, whole: what was said, decided and must follow."""
    shown: list[Flowable] = []
    for r in rows:
        shown += _titled(para(joined(" — ", day(r["date"]), r["title"]), "h2"), [
            (_("Kind"), choice(JOURNAL_KINDS, r["kind"])),
            (_("Who was there"), r["attendees"]),
        ], [
            (_("Context"), r["context"]),
            (_("Decisions"), r["decisions"]),
            (_("Follow-up actions"), r["actions"]),
        ])
    return shown
