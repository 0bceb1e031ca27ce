"""What each table of the record pages shows: rows from ``core`` turned into display lines.

Kept apart from the widgets so that the pages stay short and so that what a
successor reads (translated choices, dates and money in the current
language, nothing empty shown as "None") can be checked without a screen.
"""

from __future__ import annotations

from decimal import Decimal
from typing import TYPE_CHECKING, Any

from core import fmt, missions
from core.fmt import choice, joined, period
from core.i18n import _
from core.money import from_cents
from core.spec import (
    CATEGORIES,
    DEADLINE_KINDS,
    JOURNAL_KINDS,
    PARTICIPANT_CATEGORIES,
    PARTNERSHIP_ROLES,
    PROJECT_LOCATIONS,
    PROJECT_STATUSES,
)
from ui.sections import DANGER, MUTED, SUCCESS, Line

if TYPE_CHECKING:
    from collections.abc import Iterable

Row = dict[str, Any]
EXCERPT = 220  # characters of a journal entry's decisions shown in the table




def excerpt(text: str | None, size: int = EXCERPT) -> str:
    text = " ".join((text or "").split())
    return text if len(text) <= size else text[: size - 1].rstrip() + "…"



def due_text(due_date: str, late: bool) -> str:
    due = fmt.date(due_date)
    return _("{date} (overdue)").format(date=due) if late else due


def contact_lines(rows: Iterable[Row]) -> list[Line]:
    """Linked contacts, in the order of the roles (coordinator first), then by name."""
    order = list(PARTNERSHIP_ROLES)
    ranked = sorted(
        rows,
        key=lambda r: (
            order.index(r["partnership_role"]) if r["partnership_role"] in order else len(order)
        ),
    )
    return [
        Line(
            r["link_id"],
            [
                joined(" ", r["first_name"], r["last_name"]),
                choice(PARTNERSHIP_ROLES, r["partnership_role"]),
                joined("\n", r["role"], r["organisation_name"]),
                joined("\n", r["email"], r["phone"]),
            ],
        )
        for r in ranked
    ]


def project_lines(rows: Iterable[Row]) -> list[Line]:
    return [
        Line(
            r["id"],
            [
                r["title"],
                choice(PROJECT_LOCATIONS, r["location"]),
                choice(PROJECT_STATUSES, r["status"]),
                period(r["start_date"], r["end_date"]),
                ", ".join(fmt.number(n) for n in r["sdgs"] or []),
                r["dac_sector"] or "",
            ],
        )
        for r in rows
    ]


def mission_lines(rows: Iterable[Row]) -> list[Line]:
    return [Line(r["id"], missions.summary_texts(r)) for r in rows]


def open_deadline_lines(rows: Iterable[Row], today: str) -> list[Line]:
    """Deadlines not done yet; the overdue ones in red and said to be late."""
    return [
        Line(
            r["id"],
            [
                due_text(r["due_date"], r["due_date"] < today),
                r["title"],
                choice(DEADLINE_KINDS, r["kind"]),
            ],
            colour=DANGER if r["due_date"] < today else "",
        )
        for r in rows
    ]


def deadline_lines(rows: Iterable[Row], today: str) -> list[Line]:
    """All of a mission's deadlines: the done ones greyed, with the day they were done."""
    lines = []
    for r in rows:
        late = not r["done"] and r["due_date"] < today
        lines.append(
            Line(
                r["id"],
                [
                    due_text(r["due_date"], late),
                    r["title"],
                    choice(DEADLINE_KINDS, r["kind"]),
                    fmt.date(r["done_date"]) or (_("Yes") if r["done"] else ""),
                ],
                colour=DANGER if late else (MUTED if r["done"] else ""),
            )
        )
    return lines


def journal_lines(rows: Iterable[Row]) -> list[Line]:
    """Entries oldest first, each with what was decided and what must follow."""
    lines = []
    for r in rows:
        parts = [(_("Decisions"), r["decisions"]), (_("Follow-up actions"), r["actions"])]
        summary = "\n".join(
            _("{label}: {text}").format(label=label, text=excerpt(value))
            for label, value in parts
            if value
        )
        lines.append(
            Line(
                r["id"],
                [
                    fmt.date(r["date"]),
                    choice(JOURNAL_KINDS, r["kind"]),
                    r["title"],
                    summary or excerpt(r["context"]),
                ],
            )
        )
    return lines


def participant_lines(rows: Iterable[Row]) -> list[Line]:
    return [
        Line(
            r["id"],
            [
                r["name"] or "",
                choice(PARTICIPANT_CATEGORIES, r["category"]),
                joined("\n", r["role"], r["organisation_name"]),
                r["notes"] or "",
            ],
        )
        for r in rows
    ]


def transaction_lines(rows: list[Row]) -> list[Line]:
    """Each amount in its own currency and in euros, then the totals in euros."""
    lines = [_transaction_line(r) for r in rows]
    for kind, label in (("expense", _("Total expenses")), ("income", _("Total income"))):
        cents = [r["amount_eur_cents"] or 0 for r in rows if r["kind"] == kind]
        if cents:
            total = fmt.money(from_cents(sum(cents)), "EUR")
            lines.append(Line(None, [label, "", "", "", "", total], bold=True))
    return lines


def _transaction_line(r: Row) -> Line:
    currency = r["currency"] or "EUR"
    foreign = currency != "EUR"
    eur = r["amount_eur_cents"]
    return Line(
        r["id"],
        [
            fmt.date(r["date"]),
            r["label"] or "",
            choice(CATEGORIES, r["category"]),
            fmt.money(from_cents(r["amount_cents"]), currency),
            fmt.number(Decimal(r["rate"])) if foreign and r["rate"] else "",
            fmt.money(from_cents(eur), "EUR") if eur is not None else "",
        ],
        colour=SUCCESS if r["kind"] == "income" else "",
    )
