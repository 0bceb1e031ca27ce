"""Planned vs actual, co-financing, and the yearly totals kept by triggers."""

from __future__ import annotations

import random
from datetime import date
from decimal import Decimal

from core import dashboard, finance, records
from tests.core import factories as make


def totals_by_query(db) -> dict[tuple[str, int, str], int]:
    return {
        (y, p, k): c
        for y, p, k, c in db.execute(
            "SELECT substr(date, 1, 4), partnership_id, kind, sum(amount_eur_cents) "
            "FROM transactions WHERE deleted_at IS NULL GROUP BY 1, 2, 3"
        )
    }


def totals_by_trigger(db) -> dict[tuple[str, int, str], int]:
    return {
        (y, p, k): c
        for y, p, k, c in db.execute(
            "SELECT year, partnership_id, kind, sum(total_cents) FROM money_totals "
            "WHERE count > 0 GROUP BY 1, 2, 3"
        )
    }


def test_yearly_totals_follow_every_change(db) -> None:
    rnd = random.Random(3)
    pids = [make.partnership(db, name=f"P{n}") for n in range(3)]
    ids = []
    for step in range(300):
        action = rnd.random()
        if action < 0.5 or not ids:
            ids.append(make.transaction(
                db, rnd.choice(pids), amount=str(rnd.randint(-500, 5000)),
                date=f"{rnd.randint(2021, 2024)}-0{rnd.randint(1, 9)}-1{rnd.randint(0, 9)}",
                kind=rnd.choice(["expense", "income"]),
            ))
        elif action < 0.7:
            records.update(db, "transactions", rnd.choice(ids), {
                "amount": str(rnd.randint(1, 900)), "date": f"202{rnd.randint(1, 4)}-05-05",
                "partnership_id": rnd.choice(pids)})
        elif action < 0.85:
            victim = rnd.choice(ids)
            ids.remove(victim)
            trash = records.delete(db, "transactions", victim)
            if rnd.random() < 0.5:
                records.restore(db, trash)
                ids.append(victim)
        else:
            trash = records.delete(db, "partnerships", rnd.choice(pids))
            records.restore(db, trash)
        if step % 50 == 0:
            records.purge(db)
    assert totals_by_trigger(db) == totals_by_query(db)


def test_year_summary_planned_vs_actual(db) -> None:
    pid = make.partnership(db)
    eu = make.organisation(db, name="Union européenne", kind="funder", country=None)
    records.create(db, "budget_lines", {"partnership_id": pid, "year": 2023, "kind": "expense",
                                        "category": "travel", "amount": "5000"})
    records.create(db, "budget_lines", {"partnership_id": pid, "year": 2023, "kind": "income",
                                        "category": "grant", "funder_organisation_id": eu,
                                        "amount": "20000"})
    make.transaction(db, pid, amount="1250000", currency="XOF", category="travel")
    make.transaction(db, pid, amount="20000", kind="income", category="grant",
                     organisation_id=eu, label="Prix PLATFORMAwards")
    make.transaction(db, pid, amount="999", date="2022-12-31")
    [row] = finance.year_summary(db, 2023)
    assert row["planned_expense"] == Decimal("5000.00")
    assert row["spent"] == Decimal("1905.61")  # 1 250 000 XOF at 655.957
    assert row["received"] == Decimal("20000.00")
    assert row["balance"] == Decimal("18094.39")
    [travel, grant] = finance.by_category(db, 2023, pid)
    assert (travel["category"], travel["planned"], travel["actual"]) == (
        "travel", Decimal("5000.00"), Decimal("1905.61"))
    assert grant["actual"] == Decimal("20000.00")
    [source] = finance.cofinancing(db, 2023)
    assert (source["funder"], source["planned"], source["received"]) == (
        "Union européenne", Decimal("20000.00"), Decimal("20000.00"))
    assert finance.partnership_years(db, pid) == [2022, 2023]


def test_dashboard_deadlines_and_missions(db) -> None:
    pid = make.partnership(db)
    today = date(2026, 11, 23)
    records.create(db, "deadlines", {"title": "Rapport CIC", "due_date": "2026-11-01",
                                     "partnership_id": pid})
    records.create(db, "deadlines", {"title": "Visas", "due_date": "2026-12-10",
                                     "partnership_id": pid})
    records.create(db, "deadlines", {"title": "Fait", "due_date": "2026-11-02", "done": True})
    make.mission(db, pid, start_date="2027-02-01", end_date="2027-02-10", status="confirmed")
    make.mission(db, pid, start_date="2020-03-09", end_date="2020-03-14", status="done")
    assert [d["title"] for d in dashboard.overdue_deadlines(db, today)] == ["Rapport CIC"]
    assert [d["title"] for d in dashboard.coming_deadlines(db, today)] == ["Visas"]
    assert [m["start_date"] for m in dashboard.next_missions(db, today)] == ["2027-02-01"]
    assert [p["id"] for p in dashboard.active_partnerships(db)] == [pid]


def test_a_transaction_takes_category_and_funder_from_its_budget_line(db) -> None:
    pid = make.partnership(db)
    eu = make.organisation(db, name="Union européenne", kind="funder", country=None)
    line = records.create(db, "budget_lines", {"partnership_id": pid, "year": 2023,
                                               "kind": "income", "category": "grant",
                                               "funder_organisation_id": eu, "amount": "20000"})
    tid = make.transaction(db, pid, amount="20000", kind="income", budget_line_id=line)
    stored = records.get(db, "transactions", tid)
    assert (stored["category"], stored["organisation_id"]) == ("grant", eu)
    [source] = finance.cofinancing(db, 2023, pid)
    assert (source["funder"], source["received"]) == ("Union européenne", Decimal("20000.00"))


def test_own_funds_are_not_a_funder(db) -> None:
    pid = make.partnership(db)
    town = make.organisation(db, name="Commune d'Anderlecht", kind="municipal_service")
    make.transaction(db, pid, amount="16000", kind="income", category="own_funds",
                     organisation_id=town, label="Crédit budgétaire")
    [source] = finance.cofinancing(db, 2023)
    assert (source["category"], source["organisation_id"], source["received"]) == (
        "own_funds", None, Decimal("16000.00"))
