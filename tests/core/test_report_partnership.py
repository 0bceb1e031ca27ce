"""The partnership sheet: the handover dossier, from the demo and from awkward data."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from pathlib import Path

import pytest
from sqlite_utils import Database

from core import demo, fmt, i18n, journal, missions, partnerships, records
from core.errors import NotFound
from core.reports import make_report
from core.reports.partnership import write
from tests.core import factories as f
from tests.core.pdf_checks import (
    ARABIC_DRAWN,
    ARABIC_NAME,
    EMOJI,
    SPECIAL,
    check_pdf,
    fonts,
    page_count,
)


def page_texts(path: Path) -> list[str]:
    from pypdf import PdfReader

    return [" ".join((page.extract_text() or "").split()) for page in PdfReader(str(path)).pages]


def spaced(text: str) -> str:
    """``text`` with its (no-break) spaces as the extracted text has them."""
    return " ".join(text.split())


@pytest.fixture
def special(db: Database) -> int:
    """A partnership typed the hard way: markup characters, Arabic, emoji, fields left empty."""
    pid = f.partnership(db, summary=SPECIAL)
    first, last = ARABIC_NAME.split()
    partnerships.link_contact(db, pid, f.contact(db, first, last), "coordinator")
    records.create(db, "projects", {"partnership_id": pid, "title": f"Puits partagés {EMOJI}"})
    journal.create_entry(
        db,
        {"date": "2024-02-12", "title": "Comité de pilotage", "kind": "meeting",
         "decisions": f"{SPECIAL}\nDeuxième ligne des décisions", "actions": "Écrire au maire"},
        [pid],
    )
    return pid


def test_every_demo_partnership_renders(db: Database, tmp_path: Path) -> None:
    demo.fill(db, today=dt.date(2026, 11, 23))
    for p in records.list_records(db, "partnerships"):
        out = tmp_path / f"partnership-{p['id']}.pdf"
        make_report(db, "partnership", p["id"], out)
        text = check_pdf(out)
        assert spaced(p["name"]) in text
        for mission in missions.of_partnership(db, p["id"]):
            assert spaced(mission["title"]) in text, mission["title"]


def test_user_text_prints_as_typed(db: Database, special: int, tmp_path: Path) -> None:
    out = tmp_path / "special.pdf"
    write(db, special, out)
    text = check_pdf(out)
    assert text.count(SPECIAL) == 2  # the summary and the journal's decisions
    assert "Deuxième ligne des décisions" in text
    assert ARABIC_DRAWN.search(text)
    # The emoji is drawn with the symbol font (reportlab's text layer cannot give it back:
    # its ToUnicode map holds no character beyond U+FFFF).
    assert "Puits partagés" in text
    assert any(name.endswith("+Symbola") for name in fonts(out))
    assert "Coordinator" in text and "Senegal" in text
    # Empty fields leave their line out, empty parts their whole section.
    for label in ("Framework programme", "Themes", "SDGs", "Ended", "Since", "Agreement signed",
                  "Agreement expires", "OECD DAC sector", "Objectives", "Results", "Context",
                  "Who was there", "Missions", "Budget and actuals", "Open deadlines",
                  "Address", "Website"):
        assert label not in text, label


def test_journal_in_date_order(db: Database, tmp_path: Path) -> None:
    pid = f.partnership(db)
    for date, title in (("2024-05-02", "Troisième réunion"), ("2021-01-10", "Première réunion"),
                        ("2023-03-03", "Deuxième réunion")):
        journal.create_entry(db, {"date": date, "title": title,
                                  "context": f"Contexte de la {title.lower()}"}, [pid])
    out = tmp_path / "journal.pdf"
    write(db, pid, out)
    text = check_pdf(out)
    positions = [text.index(title) for title in
                 ("Première réunion", "Deuxième réunion", "Troisième réunion")]
    assert positions == sorted(positions)
    assert text.index("Journal") < positions[0]


def test_long_minutes_run_over_pages(db: Database, tmp_path: Path) -> None:
    """A text longer than a page splits inside its line instead of failing."""
    pid = f.partnership(db)
    # under the 20 000 characters a text field holds, still three pages and more
    minutes = "\n".join(f"Point {n} : " + "débat sur le budget communal " * 12 for n in range(54))
    journal.create_entry(db, {"date": "2024-01-01", "title": "Procès-verbal",
                              "context": minutes}, [pid])
    out = tmp_path / "minutes.pdf"
    write(db, pid, out)
    text = check_pdf(out)
    assert page_count(out) >= 3
    assert "Point 0 :" in text and "Point 53 :" in text


def test_dutch_headings_and_amounts(db: Database, tmp_path: Path) -> None:
    pid = f.partnership(db)
    f.mission(db, pid)
    f.transaction(db, pid, "1250.50")
    out = tmp_path / "nl.pdf"
    before = i18n.current_language()
    i18n.set_language("nl")
    try:
        write(db, pid, out)
        amount = spaced(fmt.money(Decimal("1250.50"), "EUR"))
    finally:
        i18n.set_language(before)
    text = check_pdf(out)
    assert amount == "€ 1.250,50"
    assert amount in text
    for dutch in ("Overzicht", "Missies", "Begroting en realisatie", "Totaal uitgaven",
                  "Senegal", "mrt 2020"):
        assert dutch in text, dutch
    assert "Budget and actuals" not in text


def test_unknown_or_trashed_partnership(db: Database, tmp_path: Path) -> None:
    out = tmp_path / "reports" / "none.pdf"
    out.parent.mkdir()
    with pytest.raises(NotFound, match="There is no partnership number 42"):
        write(db, 42, out)
    pid = f.partnership(db)
    records.delete(db, "partnerships", pid)
    with pytest.raises(NotFound, match=f"There is no partnership number {pid}"):
        make_report(db, "partnership", pid, out)
    assert not out.exists()
    assert list(out.parent.iterdir()) == []


def test_budget_of_three_years(db: Database, tmp_path: Path) -> None:
    pid = f.partnership(db)
    funder = f.organisation(db, "Wallonie-Bruxelles International", kind="funder", country="BE")
    categories = ["travel", "accommodation", "per_diem", "activities", "equipment",
                  "communication", "staff_time"]
    lines = []
    for year in (2022, 2023, 2024):
        lines += [{"partnership_id": pid, "year": year, "kind": "expense", "category": c,
                   "amount": Decimal("1000")} for c in categories]
        lines.append({"partnership_id": pid, "year": year, "kind": "income", "category": "grant",
                      "funder_organisation_id": funder, "amount": Decimal("5000")})
    records.create_many(db, "budget_lines", lines)
    records.create_many(db, "transactions", [
        {"partnership_id": pid, "date": f"{2022 + n % 3}-{1 + n % 12:02d}-15",
         "kind": "income" if n % 10 == 0 else "expense",
         "category": "grant" if n % 10 == 0 else categories[n % 7],
         "organisation_id": funder if n % 10 == 0 else None,
         "label": f"Pièce {n}", "amount": Decimal("100.00"), "currency": "EUR"}
        for n in range(150)
    ])
    out = tmp_path / "budget.pdf"
    write(db, pid, out)
    text = check_pdf(out)
    for year in (2022, 2023, 2024):
        # Each year under its own title, straight above its table's header.
        assert f"{year} Category Planned Actual" in text
    assert "Wallonie-Bruxelles International" in text
    # The three years: 21 expense lines of 1 000 and 3 grants of 5 000 planned; 135 expenses
    # and 15 receipts of 100 booked.
    assert "Total €21,000.00 €13,500.00 €15,000.00 €1,500.00" in text
    # No page shows a year's rows, or its funders, without that year's header above them.
    for page in page_texts(out):
        for part in ("Total expenses", "Income by funder"):
            if part in page:
                assert page.index("Category Planned Actual") < page.index(part), page


def test_long_table_repeats_its_header(db: Database, tmp_path: Path) -> None:
    pid = f.partnership(db)
    for n in range(70):
        f.mission(db, pid, title=f"Mission numéro {n}", destination_city="Marsassoum",
                  start_date=f"20{10 + n // 12:02d}-{1 + n % 12:02d}-01", end_date=None)
    out = tmp_path / "missions.pdf"
    write(db, pid, out)
    text = check_pdf(out)
    assert all(f"Mission numéro {n} " in text for n in range(70))
    header = "Dates Title Direction Destination Status Participants"
    pages = [page for page in page_texts(out) if "Mission numéro" in page]
    assert len(pages) >= 2
    for page in pages:
        assert page.index(header) < page.index("Mission numéro")
