"""The annual report for the council: a year of international partnerships in a few pages.

A one-page summary first (key figures, planned against spent per
partnership as a bar chart, a short table per partnership), then what each
partnership did that year (missions, projects, money), then expenses and
income by category and co-financing by funder.

A partnership is in the report when something happened to it that year: a
mission under way, a project under way (planned, ongoing or completed, not
suspended or cancelled), a budget line or a transaction. Money is read from
the totals kept by triggers (``core.finance``) and missions and projects in
one query each, so the report costs the same handful of queries for a
hundred transactions or for a hundred thousand; transactions are never
listed one by one (the council workbook does that).
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path
from typing import TYPE_CHECKING, Any

from core import finance, fmt
from core.errors import UserError
from core.fmt import period
from core.i18n import _
from core.missions import of_year as missions_of_year
from core.reports import chart
from core.reports.document import (
    Report,
    euros,
    facts,
    heading,
    page_break,
    para,
    spacer,
    table,
    text_width,
)
from core.spec import (
    CATEGORIES,
    MISSION_DIRECTIONS,
    MISSION_STATUSES,
    PARTNERSHIP_STATUSES,
    PROJECT_STATUSES,
)

if TYPE_CHECKING:
    from reportlab.platypus import Flowable
    from sqlite_utils import Database

Row = dict[str, Any]

FIRST_YEAR, LAST_YEAR = 1900, 2200
CHART_ROWS = 10  # more partnerships than this: the chart shows the largest ones
MIN_CHART_ROWS = 5  # ... and fewer when the summary page has no room for ten
PLANNED, SPENT = "#b7cbdc", "#1f5f8b"  # the dashboard's colours for the same figures
ZERO = Decimal("0.00")
LIVE_PROJECTS = ("planned", "ongoing", "completed")


@dataclass
class Partnership:
    id: int
    name: str
    country: str | None
    status: str | None
    partner: str | None
    money: Row | None = None
    missions: list[Row] = field(default_factory=list)
    projects: list[Row] = field(default_factory=list)

    def amount(self, key: str) -> Decimal:
        return self.money[key] if self.money else ZERO


@dataclass
class Year:
    year: int
    partnerships: list[Partnership]
    categories: list[Row]
    funders: list[Row]

    def total(self, key: str) -> Decimal:
        return sum((p.amount(key) for p in self.partnerships), ZERO)

    def missions(self, *statuses: str) -> int:
        return sum(1 for p in self.partnerships for m in p.missions if m["status"] in statuses)


def write(db: Database, year: int, out: Path) -> None:
    """Write the annual report of ``year`` to ``out`` (whole, or nothing at all)."""
    year = _checked_year(year)
    data = gather(db, year)
    first, last = f"{year:04d}-01-01", f"{year:04d}-12-31"
    report = Report(db, _("Annual report {year}").format(year=year),
                    _("International partnerships, {period}").format(period=period(first, last)))
    if not data.partnerships:
        report.add(para(_("Nothing was recorded for {year}: no mission, no project under way, "
                          "no budget and no transaction.").format(year=year)))
    else:
        _summary(report, data)
        report.add(page_break())
        for partnership in data.partnerships:
            _partnership(report, partnership)
        _money(report, data)
    report.save(Path(out))


def _checked_year(year: object) -> int:
    try:
        number = int(str(year).strip()) if not isinstance(year, bool) else None
    except ValueError:
        number = None
    if number is None or not FIRST_YEAR <= number <= LAST_YEAR:
        raise UserError(_("«{year}» is not a year the report can cover: give a year from "
                          "{first} to {last}.").format(year=year, first=FIRST_YEAR,
                                                       last=LAST_YEAR))
    return number


# --- the data: a handful of grouped queries ---------------------------------------


PROJECTS_SQL = f"""
SELECT id, partnership_id, title, status, start_date, end_date, sdgs FROM projects
WHERE deleted_at IS NULL AND status IN ({", ".join(f"'{s}'" for s in LIVE_PROJECTS)})
  AND coalesce(start_date, end_date) IS NOT NULL
  AND coalesce(start_date, :first) <= :last AND coalesce(end_date, :last) >= :first
ORDER BY coalesce(start_date, end_date), title COLLATE NOCASE, id
"""

PARTNERSHIPS_SQL = """
SELECT p.id, p.name, p.country, p.status, o.name AS partner FROM partnerships p
LEFT JOIN organisations o ON o.id = p.partner_organisation_id AND o.deleted_at IS NULL
WHERE p.deleted_at IS NULL AND p.id IN (SELECT value FROM json_each(:ids))
"""


def gather(db: Database, year: int) -> Year:
    """Everything the report prints about ``year``."""
    bounds = {"first": f"{year:04d}-01-01", "last": f"{year:04d}-12-31"}
    money = {row["partnership_id"]: row for row in finance.year_summary(db, year)}
    missions = missions_of_year(db, year)
    projects = list(db.query(PROJECTS_SQL, bounds))
    ids = set(money) | {m["partnership_id"] for m in missions} | {
        p["partnership_id"] for p in projects}
    found = {
        row["id"]: Partnership(row["id"], row["name"], row["country"], row["status"],
                               row["partner"], money.get(row["id"]))
        for row in db.query(PARTNERSHIPS_SQL, {"ids": json.dumps(sorted(ids))})
    }
    for mission in missions:
        if mission["partnership_id"] in found:
            found[mission["partnership_id"]].missions.append(mission)
    for project in projects:
        if project["partnership_id"] in found:
            found[project["partnership_id"]].projects.append(project)
    partnerships = sorted(found.values(), key=lambda p: (p.name.casefold(), p.id))
    return Year(year, partnerships, finance.by_category(db, year), finance.cofinancing(db, year))


# --- the summary page ---------------------------------------------------------------


def _summary(report: Report, data: Year) -> None:
    """Key figures, the chart and the table per partnership, on the first page."""
    figures = _key_figures(data)
    rows = _partnership_table(data)
    tables = [heading(_("Key figures"), 2), figures, heading(_("Partnerships"), 2), rows]
    charted = [p for p in data.partnerships if p.amount("planned_expense") or p.amount("spent")]
    if not charted:
        report.add(*tables)
        return
    title = heading(_("Budget {year}").format(year=data.year), 2)  # one line, as the long one
    from reportlab.lib.units import mm

    room = report.room_on_first_page([*tables, title]) - 6 * mm  # never spill the summary
    # As many partnerships as the page leaves room for, the largest when not all fit.
    fits = int((room - chart.min_height(0)) // chart.MIN_ROW)
    limit = min(CHART_ROWS, max(fits, MIN_CHART_ROWS))
    names, series, caption = _chart_data(data, charted, limit)
    wanted = chart.bar_height(len(names), len(series))
    height = max(chart.min_height(len(names)), min(wanted, room))
    drawing = chart.bars(names, series, text_width(), height)
    report.add(tables[0], figures, heading(caption, 2), drawing, tables[2], rows)


def _key_figures(data: Year) -> Flowable:
    spent, received = data.total("spent"), data.total("received")
    own = sum((r["received"] for r in data.funders if r["category"] == "own_funds"), ZERO)
    share = fmt.percent((received - own) / received) if received else "–"
    headers = [_("Partnerships"), _("Missions done"), _("Spent"), _("Received"),
               _("Co-financing share")]
    values = [fmt.number(len(data.partnerships)), fmt.number(data.missions("done")),
              euros(spent), euros(received), share]
    planned, cancelled = data.missions("planned", "confirmed"), data.missions("cancelled")
    notes = [
        _("with activity in {year}").format(year=data.year),
        ", ".join(([_("planned: {n}").format(n=fmt.number(planned))] if planned else [])
                  + ([_("cancelled: {n}").format(n=fmt.number(cancelled))] if cancelled else [])),
        _of_planned(data.total("planned_expense")),
        _of_planned(data.total("planned_income")),
        _("of income, from funders and partners") if received else "",
    ]
    return table(headers, [[para(v, "h2") for v in values], [para(n, "muted") for n in notes]],
                 [0.18, 0.18, 0.22, 0.22, 0.2])


def _of_planned(planned: Decimal) -> str:
    return _("of {planned} planned").format(planned=euros(planned)) if planned else ""


def _chart_data(data: Year, shown: list[Partnership],
                limit: int) -> tuple[list[str], list[chart.Series], str]:
    title = _("Budget {year}").format(year=data.year)
    if len(shown) > limit:
        largest = sorted(shown, key=lambda p: -max(p.amount("planned_expense"), p.amount("spent")))
        keep = {p.id for p in largest[:limit]}
        shown = [p for p in shown if p.id in keep]
        title = _("Budget {year}: the {n} largest partnerships").format(year=data.year, n=limit)
    series: list[chart.Series] = [
        (_("Planned expenses"), PLANNED, [p.amount("planned_expense") for p in shown]),
        (_("Spent"), SPENT, [p.amount("spent") for p in shown]),
    ]
    return [p.name for p in shown], series, title


def _partnership_table(data: Year) -> Flowable:
    headers = [_("Partnership"), _("Missions"), _("Planned expenses"), _("Spent"), _("Received")]
    rows = [[p.name, fmt.number(len(p.missions)), euros(p.amount("planned_expense")),
             euros(p.amount("spent")), euros(p.amount("received"))] for p in data.partnerships]
    total = [_("Total"), fmt.number(sum(len(p.missions) for p in data.partnerships)),
             euros(data.total("planned_expense")), euros(data.total("spent")),
             euros(data.total("received"))]
    shown = table(headers, rows, [0.38, 0.11, 0.17, 0.17, 0.17], right=[1, 2, 3, 4], total=total)
    # Tighter rows than the other tables: twenty partnerships still leave the chart its room.
    shown.setStyle([("TOPPADDING", (0, 0), (-1, -1), 1.5),
                    ("BOTTOMPADDING", (0, 0), (-1, -1), 1.5)])
    return shown



# --- one section per partnership ------------------------------------------------------


def _partnership(report: Report, p: Partnership) -> None:
    status = PARTNERSHIP_STATUSES.get(p.status or "")
    report.section(
        p.name,
        facts([
            (_("Partner authority"), p.partner),
            (_("Country"), fmt.country_name(p.country)),
            (_("Status"), _(status) if status else p.status),
        ]),
        spacer(2),
        _partnership_money(p),
    )
    report.section(_("Missions"), _missions(p.missions), level=2)
    report.section(_("Projects"), _projects(p.projects), level=2)


def _partnership_money(p: Partnership) -> Flowable | None:
    if p.money is None:
        return None
    keys = ("planned_expense", "spent", "planned_income", "received", "balance")
    headers = [_("Planned expenses"), _("Spent"), _("Planned income"), _("Received"),
               _("Balance")]
    return table(headers, [[euros(p.amount(k)) for k in keys]], [0.2] * 5, right=range(5))


def _missions(missions: list[Row]) -> Flowable | None:
    if not missions:
        return None
    headers = [_("Dates"), _("Mission"), _("Destination"), _("Direction"), _("Status"),
               _("Participants")]
    rows = []
    for m in missions:
        rows.append([_dates(m["start_date"], m["end_date"]), m["title"],
                     fmt.place(m["destination_city"], m["destination_country"]),
                     fmt.choice(MISSION_DIRECTIONS, m["direction"]),
                     fmt.choice(MISSION_STATUSES, m["status"]), fmt.number(m["participants"])])
    return table(headers, rows, [0.17, 0.28, 0.19, 0.11, 0.12, 0.13], right=[5])


def _dates(start: str | None, end: str | None) -> str:
    """A mission's dates, one under the other: a narrow column that breaks where it should."""
    shown = period(start, end)
    return shown.replace(" – ", " –\n", 1) if start and end and end != start else shown


def _projects(projects: list[Row]) -> Flowable | None:
    if not projects:
        return None
    headers = [_("Project"), _("Status"), _("Dates"), _("SDGs")]
    rows = []
    for p in projects:
        sdgs = ", ".join((p["sdgs"] or "").split(","))
        dates = period(p["start_date"], p["end_date"])
        if p["start_date"] and not p["end_date"]:
            dates += " –"  # under way, no end set
        rows.append([p["title"], fmt.choice(PROJECT_STATUSES, p["status"]), dates, sdgs])
    return table(headers, rows, [0.46, 0.13, 0.27, 0.14])


# --- money of the whole year --------------------------------------------------------------


def _money(report: Report, data: Year) -> None:
    note = para(_("In euros; foreign amounts count at the rate used."), "muted")
    expenses = _by_category(data.categories, "expense", _("Total expenses"))
    income = _by_category(data.categories, "income", _("Total income"))
    if expenses is None and income is None:
        return
    report.add(page_break())  # a chapter of its own: never a title alone at a page's foot
    report.section(_("Expenses and income"), note)
    report.section(_("Expenses by category"), expenses, level=2)
    report.section(_("Income by category"), income, level=2)
    report.section(_("Income by funder"), _funders(data.funders), level=2)


def _by_category(rows: list[Row], kind: str, total_label: str) -> Flowable | None:
    mine = sorted((r for r in rows if r["kind"] == kind),  # the largest first, "other" last
                  key=lambda r: (r["category"] == "other", -max(r["planned"], r["actual"])))
    if not mine:
        return None
    headers = [_("Category"), _("Planned"), _("Actual"), _("% of planned")]
    body = [[fmt.choice(CATEGORIES, r["category"]), euros(r["planned"]), euros(r["actual"]),
             _rate(r["actual"], r["planned"])] for r in mine]
    planned = sum((r["planned"] for r in mine), ZERO)
    actual = sum((r["actual"] for r in mine), ZERO)
    total = [total_label, euros(planned), euros(actual), _rate(actual, planned)]
    return table(headers, body, [0.4, 0.22, 0.22, 0.16], right=[1, 2, 3], total=total)


def _rate(actual: Decimal, planned: Decimal) -> str:
    return fmt.percent(actual / planned) if planned else ""


def _funders(rows: list[Row]) -> Flowable | None:
    if not rows:
        return None
    received = sum((r["received"] for r in rows), ZERO)
    headers = [_("Source"), _("Category"), _("Planned"), _("Received"), _("Share")]
    body = []
    for r in rows:
        category = fmt.choice(CATEGORIES, r["category"])
        # Own funds, partner contribution, in kind: the category is the source, said once.
        source, category = (r["funder"], category) if r["funder"] else (category, "")
        body.append([source, category, euros(r["planned"]),
                     euros(r["received"]), _rate(r["received"], received)])
    planned = sum((r["planned"] for r in rows), ZERO)
    total = [_("Total income"), "", euros(planned), euros(received),
             fmt.percent(1) if received else ""]
    return table(headers, body, [0.36, 0.18, 0.17, 0.17, 0.12], right=[2, 3, 4], total=total)
