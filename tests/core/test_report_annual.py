"""The annual report for the council: what it names, how it prints, how fast it is made."""

from __future__ import annotations

import datetime as dt
import statistics
import time
from decimal import Decimal
from pathlib import Path

import pytest
from sqlite_utils import Database

from core import demo, finance, fmt, i18n, missions, records, settings
from core.errors import UserError
from core.i18n import _
from core.reports import annual, make_report
from core.reports.chart import fit
from core.reports.document import text_width
from core.spec import EXPENSE_CATEGORIES
from tests.core import factories as make
from tests.core.pdf_checks import (
    ARABIC_DRAWN,
    ARABIC_NAME,
    EMOJI,
    SPECIAL,
    check_pdf,
    page_count,
)

TODAY = dt.date(2026, 11, 23)
YEAR = 2025


def spaced(text: str) -> str:
    """As pdf_checks gives text back: every run of blanks (no-break ones too) one space."""
    return " ".join(text.split())


def page_texts(path: Path) -> list[str]:
    from pypdf import PdfReader

    return [spaced(page.extract_text() or "") for page in PdfReader(str(path)).pages]


def busiest_year(db: Database) -> int:
    return int(db.execute(
        "SELECT substr(date, 1, 4) FROM transactions WHERE deleted_at IS NULL "
        "GROUP BY 1 ORDER BY count(*) DESC LIMIT 1").fetchone()[0])


@pytest.fixture
def demo_db(db: Database) -> Database:
    demo.fill(db, today=TODAY)
    return db


def test_the_demo_busiest_year(demo_db: Database, tmp_path: Path) -> None:
    year = busiest_year(demo_db)
    out = make_report(demo_db, "annual", year, tmp_path / "annual.pdf")
    text = check_pdf(out)
    first = page_texts(out)[0]
    assert _("Annual report {year}").format(year=year) in first
    active = [p for p in records.list_records(demo_db, "partnerships") if p["status"] == "active"]
    assert active
    for partnership in active:
        assert partnership["name"] in first  # the summary names them all
        assert text.count(partnership["name"]) >= 2  # and each has its own section
    spent = sum((row["spent"] for row in finance.year_summary(demo_db, year)), Decimal(0))
    assert spent > 0 and spaced(fmt.money(spent)) in first
    funder = next(row["funder"] for row in finance.cofinancing(demo_db, year) if row["funder"])
    assert spaced(funder) in text


def test_user_text_prints_as_typed(db: Database, tmp_path: Path) -> None:
    settings.put(db, "municipality_name", "Commune de Halluin")
    special = make.partnership(db, name=SPECIAL)
    arabic = records.create(db, "partnerships", {"name": ARABIC_NAME})  # nothing optional
    festive = make.partnership(db, name=f"Fête {EMOJI} Halluin – Nkong-Zem")
    make.mission(db, special, title=SPECIAL, start_date=f"{YEAR}-03-09",
                 end_date=f"{YEAR}-03-14", destination_city="Marsassoum",
                 destination_country="SN", status="done")
    missions.add_participant(db, make.mission(db, arabic, title=f"زيارة {ARABIC_NAME}",
                                              start_date=f"{YEAR}-06-01", end_date=None,
                                              destination_city=None),
                             name=ARABIC_NAME)
    records.create(db, "projects", {"partnership_id": festive, "title": f"{EMOJI} Jeunesse",
                                    "start_date": f"{YEAR - 1}-01-01", "status": "ongoing",
                                    "sdgs": "4,17"})
    make.transaction(db, special, date=f"{YEAR}-05-02", amount="1250000", currency="XOF",
                     category="travel")
    make.transaction(db, arabic, date=f"{YEAR}-07-01", amount="300.00", category="other")
    out = tmp_path / "annual.pdf"
    annual.write(db, YEAR, out)
    text = check_pdf(out)
    assert SPECIAL in text
    assert ARABIC_DRAWN.search(text)
    assert f"Fête {EMOJI} Halluin" in text and f"{EMOJI} Jeunesse" in text
    assert "Commune de Halluin" in text
    assert spaced(fmt.money(Decimal("1905.61"))) in text  # 1 250 000 F CFA in euros


def test_dutch(demo_db: Database, tmp_path: Path) -> None:
    year = busiest_year(demo_db)
    before = i18n.current_language()
    i18n.set_language("nl")
    try:
        out = make_report(demo_db, "annual", year, tmp_path / "jaarverslag.pdf")
        text = check_pdf(out)
        assert _("Planned expenses") in text and _("Planned expenses") != "Planned expenses"
        assert _("Page {page} of {pages}").format(page=1, pages=page_count(out)) in text
        spent = sum((row["spent"] for row in finance.year_summary(demo_db, year)), Decimal(0))
        assert spaced(fmt.money(spent)) in text and spaced(fmt.money(spent)).startswith("€")
    finally:
        i18n.set_language(before)


def test_a_year_without_activity(demo_db: Database, tmp_path: Path) -> None:
    out = tmp_path / "annual.pdf"
    annual.write(demo_db, 1950, out)
    text = check_pdf(out)
    assert page_count(out) == 1
    assert "Nothing was recorded for 1950" in text


@pytest.mark.parametrize("year", [1899, 2201, 0, -2025, "deux mille", True])
def test_a_year_that_is_not_one(db: Database, tmp_path: Path, year: object) -> None:
    out = tmp_path / "annual.pdf"
    with pytest.raises(UserError, match="1900"):
        annual.write(db, year, out)  # type: ignore[arg-type]
    assert not out.exists()


def test_chart_labels_fit_their_room() -> None:
    from reportlab.pdfbase.pdfmetrics import stringWidth

    from core.reports.fonts import FONT

    room = text_width() * 0.3 - 8
    long = fit(SPECIAL + " " + SPECIAL, room)
    assert long.endswith("…") and stringWidth(long, FONT, 7.5) <= room
    assert fit("Anderlecht – Marsassoum", room) == "Anderlecht – Marsassoum"
    assert ARABIC_DRAWN.search(fit(ARABIC_NAME, room))
    assert EMOJI not in fit(f"Fête {EMOJI}", room)  # the chart's one font has no emoji


# --- a network of towns: 20 partnerships, 200 missions, 5 000 transactions ----------------

PARTNERSHIPS, MISSIONS, TRANSACTIONS = 20, 200, 5000


def network(db: Database) -> list[int]:
    """The big municipality: bulk inserts, a second or so."""
    funders = records.create_many(db, "organisations", [
        {"name": f"Bailleur {n}", "kind": "funder", "country": "BE"} for n in range(6)])
    partners = records.create_many(db, "organisations", [
        {"name": f"Commune partenaire {n}", "kind": "partner_authority", "country": "SN"}
        for n in range(PARTNERSHIPS)])
    names = [f"Ville {n:02d} – Commune partenaire {n}" for n in range(PARTNERSHIPS)]
    names[3], names[7], names[11] = SPECIAL, ARABIC_NAME, f"Jumelage {EMOJI} des écoles"
    pids = records.create_many(db, "partnerships", [
        {"name": name, "partner_organisation_id": org, "country": "SN", "status": "active"}
        for name, org in zip(names, partners, strict=True)])
    records.create_many(db, "projects", [
        {"partnership_id": pid, "title": f"Projet {k} de {n}", "status": "ongoing",
         "start_date": f"{YEAR - 1}-0{k + 1}-01", "sdgs": "6,11,17"}
        for n, pid in enumerate(pids) for k in range(2)])
    # The first partnership is the busiest: its missions run over more than a page.
    owners = [pids[0]] * 60 + [pids[1 + n % (PARTNERSHIPS - 1)] for n in range(MISSIONS - 60)]
    mission_ids = records.create_many(db, "missions", [
        {"partnership_id": pid, "title": f"Mission {n}" if n != 5 else SPECIAL,
         "direction": "outgoing" if n % 2 else "incoming", "destination_city": "Ziguinchor",
         "destination_country": "SN", "start_date": f"{YEAR}-{1 + n % 12:02d}-{1 + n % 27:02d}",
         "end_date": f"{YEAR}-{1 + n % 12:02d}-{2 + n % 27:02d}",
         "status": "done" if n % 5 else "planned"}
        for n, pid in enumerate(owners)])
    records.create_many(db, "mission_participants", [
        {"mission_id": mid, "name": f"Participant {k}", "category": "staff"}
        for mid in mission_ids for k in range(2)])
    categories = list(EXPENSE_CATEGORIES)
    records.create_many(db, "budget_lines", [
        {"partnership_id": pid, "year": YEAR, "kind": "expense", "category": category,
         "amount": Decimal(4000 + 100 * n)}
        for n, pid in enumerate(pids) for category in categories]
        + [{"partnership_id": pid, "year": YEAR, "kind": "income", "category": "grant",
            "funder_organisation_id": funders[n % 6], "amount": Decimal(20000)}
           for n, pid in enumerate(pids)])
    rows = []
    for n in range(TRANSACTIONS):
        pid = pids[(n * 7 + n // 100) % PARTNERSHIPS]
        day = f"{YEAR}-{1 + n % 12:02d}-{1 + n % 28:02d}"
        if n % 10 == 0:
            rows.append({"partnership_id": pid, "date": day, "kind": "income",
                         "category": "grant" if n % 20 else "own_funds",
                         "organisation_id": funders[n // 10 % 6], "label": f"Versement {n}",
                         "amount": Decimal(1500 + n % 13 * 100)})
        else:
            foreign = n % 7 == 0
            rows.append({"partnership_id": pid, "date": day, "kind": "expense",
                         "category": categories[n % len(categories)], "label": f"Dépense {n}",
                         "amount": Decimal(65595700 if foreign else 12345 + n % 11 * 997) / 100,
                         "currency": "XOF" if foreign else "EUR"})
    records.create_many(db, "transactions", rows)
    return pids


@pytest.fixture
def big(db: Database) -> Database:
    network(db)
    return db


def test_a_network_of_towns(big: Database, tmp_path: Path) -> None:
    out = tmp_path / "annual.pdf"
    times = []
    for _run in range(3):
        start = time.perf_counter()
        annual.write(big, YEAR, out)
        times.append(time.perf_counter() - start)
    assert statistics.median(times) < 3, times
    text = check_pdf(out)
    pages = page_texts(out)
    names = [p["name"] for p in records.list_records(big, "partnerships")]
    summary = pages[0]  # one page: every partnership, the total row, the chart
    latin = [name for name in names if name != ARABIC_NAME and EMOJI not in name]
    assert len(latin) == PARTNERSHIPS - 2
    assert all(spaced(name) in summary for name in latin) and ARABIC_DRAWN.search(summary)
    assert "Jumelage" in summary and _("Budget {year}").format(year=YEAR) in summary
    assert _("Total") in summary
    spent = sum((row["spent"] for row in finance.year_summary(big, YEAR)), Decimal(0))
    assert spaced(fmt.money(spent)) in summary
    assert SPECIAL in text and ARABIC_DRAWN.search(text) and "Mission 199" in text
    # The busiest partnership's missions run over pages, their header row on each.
    header = spaced(_("Participants"))
    busiest = [page for page in pages if "Mission 0 " in page or "Mission 120 " in page]
    assert len(busiest) >= 2 and all(header in page for page in busiest)
    assert "Dépense 17" not in text  # totals, not 5 000 lines
