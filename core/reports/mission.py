"""The mission order and summary: the page a mayor signs before a delegation leaves,
and the record of what it did once it is back.

Who goes where and when, why, the programme day by day, what it was planned
to cost and what it cost (in euros, each foreign amount beside), what came
of it, what must follow and by when; a signature block closes it. Any field
left empty is left out, label and all.
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, Any

from core import fmt, missions, records
from core.errors import NotFound
from core.fmt import choice, joined, period
from core.i18n import _
from core.reports.document import (
    Report,
    amount,
    day,
    eur_with_foreign,
    euros,
    facts,
    heading,
    keep_together,
    para,
    spacer,
    table,
    text_width,
)
from core.reports.text import has_text
from core.spec import (
    CATEGORIES,
    DEADLINE_KINDS,
    MISSION_DIRECTIONS,
    MISSION_STATUSES,
    PARTICIPANT_CATEGORIES,
)

if TYPE_CHECKING:
    from pathlib import Path

    from reportlab.platypus import Flowable
    from sqlite_utils import Database

Row = dict[str, Any]


def write(db: Database, mission_id: int, out: Path) -> None:
    """Write the mission order and summary of mission ``mission_id`` at ``out``."""
    m = _mission(db, mission_id)
    report = Report(db, m["title"], _("Mission order and summary"))
    report.add(_overview(db, m))
    report.section(_("Participants"), _participants(missions.participants(db, mission_id)))
    report.section(_("Purpose"), *_text(m["purpose"]))
    report.section(_("Programme"), *_text(m["programme"]))
    report.section(_("Budget"), *_budget(db, mission_id))
    report.section(_("Outcomes"), *_text(m["outcomes"]))
    report.section(_("Follow-up"), *_text(m["follow_up"]))
    report.section(_("Deadlines"), _deadlines(missions.deadlines_of(db, mission_id)))
    _sign(report)
    report.save(out)


def _mission(db: Database, mission_id: int) -> Row:
    try:
        return records.get(db, "missions", int(mission_id))
    except NotFound:
        raise NotFound(_("There is no mission number {id}.").format(id=mission_id)) from None




def _overview(db: Database, m: Row) -> Flowable | None:
    project = records.title(db, "projects", m["project_id"]) if m["project_id"] else ""
    return facts([
        (_("Partnership"), records.title(db, "partnerships", m["partnership_id"])),
        (_("Project"), project),
        (_("Direction"), choice(MISSION_DIRECTIONS, m["direction"])),
        (_("Destination"), joined(", ", m["destination_city"],
                                   fmt.country_name(m["destination_country"]))),
        (_("Dates"), period(m["start_date"], m["end_date"])),
        (_("Status"), choice(MISSION_STATUSES, m["status"])),
    ], label_width=0.22)


def _text(value: str | None) -> list[Flowable]:
    """A text as typed, one paragraph a line (a programme reads day by day); blank lines
    keep a little space."""
    if not has_text(value):
        return []
    shown: list[Flowable] = []
    for line in str(value).strip().splitlines():
        shown.append(para(line) if has_text(line) else spacer(1.5))
    return shown


def _participants(rows: list[Row]) -> Flowable | None:
    """Name and category, then function and notes when anyone has them."""
    if not rows:
        return None
    columns = [
        (_("Name"), 0.26, [r["name"] or "" for r in rows]),
        (_("Category"), 0.16, [choice(PARTICIPANT_CATEGORIES, r["category"]) for r in rows]),
        (_("Function and organisation"), 0.34,
         [joined("\n", r["role"], r["organisation_name"]) for r in rows]),
        (_("Notes"), 0.24, [r["notes"] or "" for r in rows]),
    ]
    return _columns(columns, optional=(2, 3), grow=2)


def _columns(columns: list[tuple[str, float, list[str]]], optional: tuple[int, ...],
             grow: int, right: tuple[int, ...] = (), total: list[str] | None = None) -> Flowable:
    """A table of the columns, the ``optional`` ones left out when they hold nothing and
    their width given to column ``grow`` (else to the first); ``total`` is a last row in bold."""
    kept = [n for n, c in enumerate(columns)
            if n not in optional or any(has_text(v) for v in c[2])]
    spare = 1 - sum(columns[n][1] for n in kept)
    grow = grow if grow in kept else kept[0]
    widths = [columns[n][1] + (spare if n == grow else 0) for n in kept]
    body = [[columns[n][2][i] for n in kept] for i in range(len(columns[0][2]))]
    return table([columns[n][0] for n in kept], body, widths,
                 right=[kept.index(n) for n in right if n in kept],
                 total=None if total is None else [total[n] for n in kept])


# --- money --------------------------------------------------------------------------


def _budget(db: Database, mission_id: int) -> list[Flowable]:
    """Planned against actual by budget line, then every expense and receipt."""
    rows = missions.transactions_of(db, mission_id)
    expenses = [r for r in rows if r["kind"] == "expense"]
    income = [r for r in rows if r["kind"] == "income"]
    shown: list[Flowable] = []
    planned = _planned(db, mission_id)
    if planned is not None:
        note = _("Planned: the whole budget line, which other spending may share.")
        shown.append(keep_together([heading(_("Planned and actual"), 2), planned,
                                    spacer(1), para(note, "muted")]))
    if expenses:
        shown += [heading(_("Expenses"), 2), _transactions(expenses, _("Total expenses"))]
    if income:
        shown += [heading(_("Receipts"), 2), _transactions(income, _("Total income"))]
    return shown


def _planned(db: Database, mission_id: int) -> Flowable | None:
    """Per budget line the mission's expenses draw on: the line's amount and what this
    mission spent on it; None when none of them is linked to a budget line."""
    lines = list(db.query(
        "SELECT b.id, b.year, b.category, b.label, b.amount_cents, b.currency, "
        "b.amount_eur_cents, sum(t.amount_eur_cents) AS spent FROM transactions t "
        "JOIN budget_lines b ON b.id = t.budget_line_id AND b.deleted_at IS NULL "
        "WHERE t.mission_id = ? AND t.kind = 'expense' AND t.deleted_at IS NULL "
        "GROUP BY b.id ORDER BY b.year, b.label, b.id", [mission_id]))
    if not lines:
        return None
    all_spent = db.execute(
        "SELECT coalesce(sum(amount_eur_cents), 0) FROM transactions WHERE mission_id = ? "
        "AND kind = 'expense' AND deleted_at IS NULL", [mission_id]).fetchone()[0]
    body = [[f'{b["label"] or choice(CATEGORIES, b["category"])} ({b["year"]})',
             eur_with_foreign(b["amount_eur_cents"], b["amount_cents"], b["currency"]),
             euros(b["spent"] or 0)] for b in lines]
    outside = all_spent - sum(b["spent"] or 0 for b in lines)
    if outside:
        body.append([_("Not linked to a budget line"), "", euros(outside)])
    total = [_("Total"), euros(sum(b["amount_eur_cents"] for b in lines)), euros(all_spent)]
    return table([_("Budget line"), _("Planned"), _("Spent on this mission")], body,
                 [0.5, 0.26, 0.24], right=[1, 2], total=total)


def _transactions(rows: list[Row], total_label: str) -> Flowable:
    """Date, label, category, the amount in euros and, beside it, in its own currency."""
    foreign = [amount(r["amount_cents"], r["currency"])
               if r["currency"] not in (None, "", "EUR") else "" for r in rows]
    columns = [
        (_("Date"), 0.15, [day(r["date"]) for r in rows]),
        (_("Label"), 0.32, [r["label"] or "" for r in rows]),
        (_("Category"), 0.15, [choice(CATEGORIES, r["category"]) for r in rows]),
        (_("Amount in EUR"), 0.17, [euros(r["amount_eur_cents"]) for r in rows]),
        (_("Original amount"), 0.21, foreign),
    ]
    total = euros(sum(r["amount_eur_cents"] or 0 for r in rows))
    return _columns(columns, optional=(2, 4), grow=1, right=(3, 4),
                    total=["", total_label, "", total, ""])


# --- deadlines and signature --------------------------------------------------------


def _deadlines(rows: list[Row]) -> Flowable | None:
    if not rows:
        return None
    done = [day(r["done_date"]) or (_("Yes") if r["done"] else "") for r in rows]
    columns = [
        (_("Due date"), 0.16, [day(r["due_date"]) for r in rows]),
        (_("Title"), 0.49, [r["title"] or "" for r in rows]),
        (_("Kind"), 0.2, [choice(DEADLINE_KINDS, r["kind"]) for r in rows]),
        (_("Done on"), 0.15, done),
    ]
    return _columns(columns, optional=(3,), grow=1)


def _sign(report: Report) -> None:
    """The signature block at the end, never alone on its page: what comes last goes over
    with it when that is short (a paragraph, a small table)."""
    from reportlab.lib.units import mm
    from reportlab.platypus import CondPageBreak

    story, last = report.story, []
    if story and story[-1].wrap(text_width(), 10_000)[1] < 60 * mm:
        last.append(story.pop())
        # and the title above it, which must not stay behind alone
        while story and (isinstance(story[-1], CondPageBreak)
                         or getattr(getattr(story[-1], "style", None), "name", "") in ("h1", "h2")):
            last.insert(0, story.pop())
    report.add(keep_together([*last, *_signature(report.municipality)]))


def _signature(place: str) -> list[Flowable]:
    """ "Done at Anderlecht, on 6 March 2023", the mayor's title and a line to sign on,
    on the right half of the page."""
    from reportlab.platypus import Table
    from reportlab.platypus.flowables import HRFlowable

    from core.reports.document import MUTED
    from core.reports.fonts import FONT

    today = fmt.date(dt.date.today(), format="long")
    done = (_("Done at {place}, on {date}").format(place=place, date=today) if has_text(place)
            else _("Done on {date}").format(date=today))
    block = [para(done, "sign"), spacer(2), para(_("The Mayor"), "sign"), spacer(16),
             HRFlowable(width="80%", thickness=0.6, color=MUTED, hAlign="LEFT")]
    half = text_width() / 2
    signed = Table([["", block]], colWidths=[half, half], hAlign="LEFT")
    signed.setStyle([("FONTNAME", (0, 0), (-1, -1), FONT),
                     ("VALIGN", (0, 0), (-1, -1), "TOP"),
                     ("LEFTPADDING", (0, 0), (-1, -1), 0)])
    return [spacer(8), signed]
