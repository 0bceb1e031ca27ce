"""What the IATI file says, read from the database: one activity per partnership or project.

A partnership with projects is reported as its projects; it is an activity
of its own only for its money tied to no project (or when it has no
project at all), so that every transaction appears once, in its activity.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from core.declarations import data
from core.i18n import _
from core.spec import POLICY_MARKERS, SPECS

if TYPE_CHECKING:
    from sqlite_utils import Database


@dataclass
class Activity:
    key: str  # the identifier's tail: P3 or P3-PR12
    record: str  # names the record in messages: "partnership 3 (Anderlecht – Marsassoum)"
    title: str
    description: str
    status: str  # our status; the IATI code comes from iati_codes
    kind: str  # "partnership" or "project"
    start: str | None
    end: str | None
    country: str | None
    sector: str
    updated: str
    partner: str | None
    sdgs: list[int] = field(default_factory=list)
    markers: dict[str, str] = field(default_factory=dict)
    aid_type: str | None = None
    budgets: dict[int, int] = field(default_factory=dict)  # year -> EUR cents
    transactions: list[dict[str, Any]] = field(default_factory=list)


def record_name(table: str, record_id: int, title: str) -> str:
    return f"{_(SPECS[table].label).lower()} {record_id} ({title})"


def activities(db: Database, year: int | None) -> list[Activity]:
    """Every activity with its budgets and transactions (of ``year`` only, when given)."""
    partners = {row["id"]: row["name"] for row in db.query(
        "SELECT id, name FROM organisations WHERE deleted_at IS NULL")}
    found: dict[tuple[int, int | None], Activity] = {}
    for p in db.query("SELECT * FROM partnerships WHERE deleted_at IS NULL ORDER BY id"):
        found[p["id"], None] = _partnership(p, partners.get(p["partner_organisation_id"]))
    for pr in db.query("SELECT * FROM projects WHERE deleted_at IS NULL ORDER BY id"):
        parent = found.get((pr["partnership_id"], None))
        if parent is not None:
            found[pr["partnership_id"], pr["id"]] = _project(pr, parent)
    _add_money(db, found, year)
    with_projects = {pid for pid, project in found if project is not None}
    return [a for (pid, project), a in found.items()
            if (project is not None or pid not in with_projects or a.transactions
                or a.budgets) and _in_year(a, year)]


def _partnership(p: dict[str, Any], partner: str | None) -> Activity:
    return Activity(
        key=f"P{p['id']}", record=record_name("partnerships", p["id"], p["name"]),
        title=p["name"], description=p["summary"] or p["themes"] or p["name"],
        status=p["status"], kind="partnership", start=p["start_date"], end=p["end_date"],
        country=p["country"], sector=data.UNSPECIFIED_SECTOR, updated=p["updated_at"],
        partner=partner, sdgs=_sdgs(p["sdgs"]))


def _project(pr: dict[str, Any], parent: Activity) -> Activity:
    return Activity(
        key=f"{parent.key}-PR{pr['id']}", record=record_name("projects", pr["id"], pr["title"]),
        title=pr["title"], description=pr["objectives"] or pr["results"] or pr["title"],
        status=pr["status"], kind="project", start=pr["start_date"], end=pr["end_date"],
        country=pr["recipient_country"] or parent.country,
        sector=pr["dac_sector"] or data.UNSPECIFIED_SECTOR, updated=pr["updated_at"],
        partner=parent.partner, sdgs=_sdgs(pr["sdgs"]),
        markers={name: pr[name] for name in POLICY_MARKERS if pr[name] is not None},
        aid_type=pr["aid_type"])


def _sdgs(text: str | None) -> list[int]:
    return [int(n) for n in text.split(",")] if text else []


TRANSACTIONS_SQL = """
SELECT t.id, t.date, t.kind, t.category, t.label, t.amount_cents, t.currency,
       t.partnership_id, t.project_id, t.counterparty, o.name AS organisation
FROM transactions t LEFT JOIN organisations o ON o.id = t.organisation_id
WHERE t.deleted_at IS NULL {year} ORDER BY t.date, t.id
"""
BUDGETS_SQL = """
SELECT partnership_id, project_id, year, sum(amount_eur_cents) AS cents FROM budget_lines
WHERE deleted_at IS NULL AND kind = 'expense' {year} GROUP BY 1, 2, 3 ORDER BY 3
"""


def _add_money(db: Database, found: dict[tuple[int, int | None], Activity],
               year: int | None) -> None:
    """Each transaction and budget to its activity: its project's, else its partnership's."""
    dates = "AND t.date BETWEEN ? AND ?" if year else ""
    params = [f"{year:04d}-01-01", f"{year:04d}-12-31"] if year else []
    for t in db.query(TRANSACTIONS_SQL.format(year=dates), params):
        activity = found.get((t["partnership_id"], t["project_id"])) or found.get(
            (t["partnership_id"], None))
        if activity is not None:
            activity.transactions.append(t)
    for b in db.query(BUDGETS_SQL.format(year="AND year = ?" if year else ""),
                      [year] if year else []):
        activity = found.get((b["partnership_id"], b["project_id"])) or found.get(
            (b["partnership_id"], None))
        if activity is not None:
            activity.budgets[b["year"]] = activity.budgets.get(b["year"], 0) + b["cents"]


def _in_year(activity: Activity, year: int | None) -> bool:
    """Whether the activity belongs in a file of ``year``: money then, or under way then."""
    if year is None or activity.transactions or activity.budgets:
        return True
    start = activity.start or "0000"
    end = activity.end or "9999"
    return start[:4] <= str(year) <= end[:4]
