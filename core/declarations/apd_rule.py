"""The e-APD rule: how much of a year's spending a French commune declares as aid.

For each partnership whose country is on the DAC list of ODA recipients, the
amount declared is the commune's own disbursement: its expenses of the year
in EUR (staff time included) minus what other funders paid that year (income
of the kinds grant and partner contribution; own funds and in-kind are not
subtracted), never below zero. Partnerships elsewhere are left out and
listed. The declaration wants one row per country, channel and DAC sector:
a partnership's amount is shared among its rows in proportion to what was
spent in each, to the cent, so that the rows add up to the rule exactly.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal
from typing import TYPE_CHECKING, Any

from core import money, settings
from core.declarations import data
from core.errors import UserError
from core.i18n import _

if TYPE_CHECKING:
    from sqlite_utils import Database

# Income that other funders paid: subtracted from the commune's expenses.
OTHER_FUNDERS = ("grant", "partner_contribution")
ONE_PERCENT_BUDGETS = ("water", "sanitation", "waste", "energy")
Key = tuple[str, str, str]  # country, channel, DAC sector

TRANSACTIONS_SQL = """
SELECT t.id, t.date, t.kind, t.category, t.label, t.amount_cents, t.currency, t.rate,
       t.amount_eur_cents, t.budget_source, t.counterparty, t.partnership_id,
       p.name AS partnership, p.country AS partnership_country,
       coalesce(pr.recipient_country, p.country) AS country,
       coalesce(pr.dac_sector, ?) AS sector, o.kind AS org_kind, o.country AS org_country
FROM transactions t
JOIN partnerships p ON p.id = t.partnership_id AND p.deleted_at IS NULL
LEFT JOIN projects pr ON pr.id = t.project_id AND pr.deleted_at IS NULL
LEFT JOIN organisations o ON o.id = t.organisation_id AND o.deleted_at IS NULL
WHERE t.deleted_at IS NULL AND t.date BETWEEN ? AND ?
ORDER BY p.name COLLATE NOCASE, t.date, t.id
"""


@dataclass
class Partnership:
    id: int
    name: str
    country: str | None
    expenses: int = 0  # cents
    other_funders: int = 0
    by_key: dict[Key, int] = field(default_factory=dict)  # expenses per declaration row

    @property
    def declared(self) -> int:
        return max(0, self.expenses - self.other_funders)


@dataclass
class OnePercent:
    budget: str
    spent: int  # cents
    resources: Decimal | None  # what the user entered for that budget and year

    @property
    def over(self) -> bool:
        return self.resources is not None and money.from_cents(self.spent) > self.resources / 100


@dataclass
class Declaration:
    year: int
    counted: list[Partnership]
    left_out: list[Partnership]
    rows: dict[Key, int]  # cents declared per country, channel, sector
    detail: list[dict[str, Any]]  # every transaction counted, with how it counts
    one_percent: list[OnePercent]

    @property
    def total(self) -> int:
        return sum(p.declared for p in self.counted)


def check_year(year: int) -> int:
    if not 1900 <= int(year) <= 2200:
        raise UserError(_("{year} is not a year.").format(year=year))
    return int(year)


def declaration(db: Database, year: int) -> Declaration:
    """The e-APD declaration of ``year``, computed from the transactions of that year."""
    year = check_year(year)
    params = [data.UNSPECIFIED_SECTOR, f"{year:04d}-01-01", f"{year:04d}-12-31"]
    partnerships: dict[int, Partnership] = {}
    detail: list[dict[str, Any]] = []
    for row in db.query(TRANSACTIONS_SQL, params):
        slot = partnerships.setdefault(row["partnership_id"], Partnership(
            row["partnership_id"], row["partnership"], row["partnership_country"]))
        counted = _count(slot, row)
        if counted and data.is_oda_recipient(slot.country):
            detail.append({**row, "counted_as": counted})
    counted_ones = [p for p in partnerships.values() if data.is_oda_recipient(p.country)]
    left_out = [p for p in partnerships.values() if not data.is_oda_recipient(p.country)]
    return Declaration(year, counted_ones, left_out, _rows(counted_ones), detail,
                       one_percent(db, year))


def _count(slot: Partnership, row: dict[str, Any]) -> str | None:
    """Add one transaction to its partnership; how it counts ("expense", "subtracted")."""
    eur = row["amount_eur_cents"]
    if row["kind"] == "expense":
        slot.expenses += eur
        key = (row["country"] or "", data.channel(row["org_kind"], row["org_country"]),
               row["sector"])
        slot.by_key[key] = slot.by_key.get(key, 0) + eur
        return "expense"
    if row["category"] in OTHER_FUNDERS:
        slot.other_funders += eur
        return "subtracted"
    return None


def _rows(partnerships: list[Partnership]) -> dict[Key, int]:
    rows: dict[Key, int] = {}
    for partnership in partnerships:
        for key, cents in share(partnership.declared, partnership.by_key).items():
            rows[key] = rows.get(key, 0) + cents
    return {key: rows[key] for key in sorted(rows) if rows[key]}


def share(total: int, weights: dict[Key, int]) -> dict[Key, int]:
    """``total`` cents shared in proportion to ``weights``, largest remainders first: exact."""
    weight = sum(weights.values())
    if total == 0 or weight <= 0:
        return dict.fromkeys(weights, 0)
    parts = {key: total * w // weight for key, w in weights.items()}
    remainders = sorted(weights, key=lambda key: (-(total * weights[key] % weight), key))
    for key in remainders[: total - sum(parts.values())]:
        parts[key] += 1
    return parts


def resources_key(year: int, budget: str) -> str:
    """The setting holding the resources of a 1 % budget for a year (EUR, decimal text)."""
    return f"oudin_resources_{year}_{budget}"


def one_percent(db: Database, year: int) -> list[OnePercent]:
    """What each "1 % Oudin-Santini" budget paid this year, beside the resources entered."""
    spent = dict(db.execute(
        "SELECT budget_source, sum(amount_eur_cents) FROM transactions WHERE deleted_at IS NULL "
        "AND kind = 'expense' AND date BETWEEN ? AND ? GROUP BY budget_source",
        [f"{year:04d}-01-01", f"{year:04d}-12-31"]).fetchall())
    result = []
    for budget in ONE_PERCENT_BUDGETS:
        typed = settings.get(db, resources_key(year, budget)).strip()
        resources = Decimal(typed) if typed else None
        result.append(OnePercent(budget, int(spent.get(budget) or 0), resources))
    return result
