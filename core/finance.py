"""Money questions the dashboard, the partnership page and the reports ask.

Planned (budget lines) against actual (transactions), per partnership and
year, by category and by funder. Actuals come from ``money_totals``, kept
by triggers, so a million transactions cost no more than a hundred. Every
total is in euro cents, summed as integers, returned as ``Decimal``;
foreign amounts count through their EUR equivalent only.
"""

from __future__ import annotations

import json
from decimal import Decimal
from typing import TYPE_CHECKING, Any

from core.money import from_cents

if TYPE_CHECKING:
    from sqlite_utils import Database

Row = dict[str, Any]


def year_summary(db: Database, year: int) -> list[Row]:
    """Per live partnership with money that year: planned and actual expense and income."""
    totals: dict[int, Row] = {}

    def slot(pid: int) -> Row:
        return totals.setdefault(
            pid,
            {
                "partnership_id": pid,
                "planned_expense": 0,
                "planned_income": 0,
                "spent": 0,
                "received": 0,
            },
        )

    for pid, kind, cents in db.execute(
        "SELECT partnership_id, kind, sum(amount_eur_cents) FROM budget_lines "
        "WHERE year = ? AND deleted_at IS NULL GROUP BY partnership_id, kind",
        [year],
    ):
        slot(pid)["planned_expense" if kind == "expense" else "planned_income"] = cents
    for pid, kind, cents in db.execute(
        "SELECT partnership_id, kind, sum(total_cents) FROM money_totals "
        "WHERE year = ? AND count > 0 GROUP BY partnership_id, kind",
        [f"{year:04d}"],
    ):
        slot(pid)["spent" if kind == "expense" else "received"] = cents
    names = _names(db, "partnerships", list(totals))
    rows = []
    for pid, row in totals.items():
        if pid not in names:
            continue
        row = {key: from_cents(v) if key != "partnership_id" else v for key, v in row.items()}
        row["name"] = names[pid]
        row["balance"] = row["received"] - row["spent"]
        rows.append(row)
    return sorted(rows, key=lambda r: r["name"].casefold())


def _names(db: Database, table: str, ids: list[int]) -> dict[int, str]:
    column = "name" if table in ("partnerships", "organisations") else "title"
    return {
        row[0]: row[1]
        for row in db.execute(
            f"SELECT id, {column} FROM {table} WHERE deleted_at IS NULL AND id IN "
            "(SELECT value FROM json_each(?))",
            [json.dumps(ids)],
        )
    }


def _scope(partnership_id: int | None) -> tuple[str, list[Any]]:
    if partnership_id is None:
        return "", []
    return " AND partnership_id = ?", [partnership_id]


def by_category(db: Database, year: int, partnership_id: int | None = None) -> list[Row]:
    """Planned and actual per (kind, category) for a year, optionally for one partnership."""
    scope, params = _scope(partnership_id)
    rows: dict[tuple[str, str], Row] = {}
    for kind, category, cents in db.execute(
        "SELECT kind, category, sum(amount_eur_cents) FROM budget_lines "
        f"WHERE year = ? AND deleted_at IS NULL{scope} GROUP BY kind, category",
        [year, *params],
    ):
        rows[(kind, category)] = {
            "kind": kind,
            "category": category,
            "planned": from_cents(cents),
            "actual": Decimal("0.00"),
        }
    for kind, category, cents in db.execute(
        "SELECT kind, category, sum(total_cents) FROM money_totals "
        f"WHERE year = ? AND count > 0{scope} GROUP BY 1, 2",
        [f"{year:04d}", *params],
    ):
        category = category or "other"
        row = rows.setdefault(
            (kind, category),
            {"kind": kind, "category": category, "planned": Decimal("0.00"),
             "actual": Decimal("0.00")},
        )
        row["actual"] += from_cents(cents)
    return sorted(rows.values(), key=lambda r: (r["kind"] != "expense", r["category"]))


def cofinancing(db: Database, year: int, partnership_id: int | None = None) -> list[Row]:
    """Income by source: each funder of a grant, else the income category (own funds …)."""
    scope, params = _scope(partnership_id)
    sources: dict[tuple[int | None, str], Row] = {}

    def add(org_id: int | None, category: str, field: str, cents: int) -> None:
        # Grants are told apart by funder; own funds, partner and in-kind by their category.
        category = category or "other"
        key = (org_id or None if category == "grant" else None, category)
        row = sources.setdefault(
            key,
            {
                "organisation_id": key[0],
                "category": key[1],
                "planned": Decimal("0.00"),
                "received": Decimal("0.00"),
            },
        )
        row[field] += from_cents(cents)

    for org_id, category, cents in db.execute(
        "SELECT funder_organisation_id, category, sum(amount_eur_cents) FROM budget_lines "
        f"WHERE year = ? AND kind = 'income' AND deleted_at IS NULL{scope} GROUP BY 1, 2",
        [year, *params],
    ):
        add(org_id, category, "planned", cents)
    for org_id, category, cents in db.execute(
        "SELECT organisation_id, category, sum(total_cents) FROM money_totals "
        f"WHERE year = ? AND kind = 'income' AND count > 0{scope} GROUP BY 1, 2",
        [f"{year:04d}", *params],
    ):
        add(org_id, category, "received", cents)
    names = _names(db, "organisations", [k[0] for k in sources if k[0] is not None])
    for row in sources.values():
        row["funder"] = names.get(row["organisation_id"], "")
    return sorted(sources.values(), key=lambda r: -(r["planned"] + r["received"]))


def partnership_years(db: Database, partnership_id: int) -> list[int]:
    """Every year with a budget line or a transaction for the partnership, oldest first."""
    years = {
        row[0]
        for row in db.execute(
            "SELECT DISTINCT year FROM budget_lines "
            "WHERE partnership_id = ? AND deleted_at IS NULL",
            [partnership_id],
        )
    }
    years |= {
        int(row[0])
        for row in db.execute(
            "SELECT DISTINCT substr(date, 1, 4) FROM transactions "
            "WHERE partnership_id = ? AND deleted_at IS NULL",
            [partnership_id],
        )
    }
    return sorted(years)
