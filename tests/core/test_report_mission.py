"""The mission order and summary: every demo mission prints, any text prints as typed,
an empty field leaves no bare label, a long table runs onto the next page with its header."""

from __future__ import annotations

import datetime as dt
import time
from pathlib import Path

import pytest
from sqlite_utils import Database

from core import demo, i18n, missions, records, settings
from core.errors import NotFound, UserError
from core.reports import make_report
from core.reports.mission import write
from tests.core import factories as make
from tests.core.pdf_checks import (
    ARABIC_DRAWN,
    ARABIC_NAME,
    EMOJI,
    SPECIAL,
    check_pdf,
    drawn_arabic,
    drawn_text,
    fonts,
    page_count,
)


def flat(text: str) -> str:
    """Babel's no-break and narrow no-break spaces read as plain spaces."""
    return " ".join(text.replace("\u00a0", " ").replace("\u202f", " ").split())


@pytest.fixture
def filled(db: Database) -> Database:
    demo.fill(db, today=dt.date(2026, 11, 23))
    return db


@pytest.fixture
def special(db: Database) -> int:
    """A mission whose texts hold markup characters, with an Arabic and an emoji name,
    and nothing in its programme, its destination or its deadlines."""
    settings.put(db, "municipality_name", "Anderlecht")
    pid = make.partnership(db)
    mid = make.mission(db, pid, title=SPECIAL, purpose=SPECIAL, outcomes=SPECIAL,
                       follow_up=SPECIAL)
    missions.add_participant(db, mid, name=ARABIC_NAME, category="partner")
    missions.add_participant(db, mid, name=f"Moussa {EMOJI} Sané", category="youth")
    make.transaction(db, pid, mission_id=mid, amount="1250000", currency="XOF")
    return mid


def test_every_demo_mission_prints(filled: Database, tmp_path: Path) -> None:
    for m in records.list_records(filled, "missions"):
        out = tmp_path / f"mission-{m['id']}.pdf"
        write(filled, m["id"], out)
        text = check_pdf(out)
        assert flat(m["title"]) in flat(text)
        assert "Mission order and summary" in text


def test_text_prints_as_typed(db: Database, special: int, tmp_path: Path) -> None:
    out = tmp_path / "special.pdf"
    make_report(db, "mission", special, out)
    text = check_pdf(out)
    assert text.count(SPECIAL) >= 4  # title, purpose, outcomes, follow-up
    assert ARABIC_DRAWN.search(text)
    assert drawn_arabic(ARABIC_NAME) in "".join(drawn_text(out))  # joined, right to left
    assert "Moussa" in text and "Sané" in text
    assert any("Symbola" in name for name in fonts(out))  # the emoji is drawn
    assert "Outcomes" in text and "Done at Anderlecht, on" in text and "The Mayor" in text
    # what is empty is left out, label and all
    for label in ("Programme", "Destination", "Project", "Deadlines",
                  "Function and organisation", "Notes", "Planned and actual"):
        assert label not in text, label


def test_an_empty_field_leaves_no_label(db: Database, special: int, tmp_path: Path) -> None:
    records.update(db, "missions", special, {"outcomes": "  ", "follow_up": None})
    out = tmp_path / "empty.pdf"
    write(db, special, out)
    text = check_pdf(out)
    assert "Outcomes" not in text and "Follow-up" not in text
    assert text.count(SPECIAL) == 2  # title and purpose


def test_amounts_in_euros_with_the_foreign_amount_beside(db: Database, special: int,
                                                         tmp_path: Path) -> None:
    out = tmp_path / "money.pdf"
    write(db, special, out)
    text = flat(check_pdf(out))
    assert "€1,905.61" in text and "F CFA" in text and "Total expenses" in text


def test_in_dutch(filled: Database, tmp_path: Path) -> None:
    mid = next(m["id"] for m in records.list_records(filled, "missions")
               if missions.transactions_of(filled, m["id"]))
    i18n.set_language("nl")  # the autouse fixture puts English back
    out = tmp_path / "nl.pdf"
    write(filled, mid, out)
    text = flat(check_pdf(out))
    assert "Deelnemers" in text and "Programma" in text and "Pagina 1" in text
    assert "€ " in text and ",00" in text  # "€ 1.140,00"
    assert "Participants" not in text


def test_planned_and_actual_by_budget_line(db: Database, tmp_path: Path) -> None:
    pid = make.partnership(db)
    mid = make.mission(db, pid)
    line = records.create(db, "budget_lines", {
        "partnership_id": pid, "year": 2023, "kind": "expense", "category": "travel",
        "label": "Billets", "amount": "7000"})
    make.transaction(db, pid, mission_id=mid, budget_line_id=line, amount="1000")
    make.transaction(db, pid, mission_id=mid, amount="250")
    out = tmp_path / "planned.pdf"
    write(db, mid, out)
    text = flat(check_pdf(out))
    assert "Planned and actual" in text and "Billets (2023)" in text
    assert "€7,000.00" in text and "Not linked to a budget line" in text
    assert "€1,250.00" in text


def test_unknown_or_trashed_mission(db: Database, tmp_path: Path) -> None:
    folder = tmp_path / "out"
    folder.mkdir()
    out = folder / "none.pdf"
    with pytest.raises(NotFound, match="There is no mission number 999"):
        write(db, 999, out)
    mid = make.mission(db, make.partnership(db))
    records.delete(db, "missions", mid)
    with pytest.raises(NotFound, match=f"There is no mission number {mid}"):
        write(db, mid, out)
    assert not list(folder.iterdir())


def test_a_folder_that_does_not_exist(db: Database, special: int, tmp_path: Path) -> None:
    out = tmp_path / "missing" / "mission.pdf"
    with pytest.raises(UserError, match="does not exist"):
        write(db, special, out)
    assert not out.parent.exists()
    assert not list(tmp_path.glob("**/*.pdf*"))


def test_a_long_table_repeats_its_header(db: Database, tmp_path: Path) -> None:
    from pypdf import PdfReader

    pid = make.partnership(db)
    mid = make.mission(db, pid)
    for n in range(60):
        make.transaction(db, pid, mission_id=mid, label=f"Frais n° {n:02d}", amount="10")
    out = tmp_path / "long.pdf"
    write(db, mid, out)
    check_pdf(out)
    assert page_count(out) > 1
    second = PdfReader(str(out)).pages[1].extract_text()
    assert "Amount in EUR" in second and "Frais n°" in second


def test_fast(filled: Database, tmp_path: Path) -> None:
    mid = max(records.list_records(filled, "missions"),
              key=lambda m: len(missions.transactions_of(filled, m["id"])))["id"]
    out = tmp_path / "fast.pdf"
    write(filled, mid, out)  # fonts loaded once
    times = []
    for _ in range(5):
        start = time.perf_counter()
        write(filled, mid, out)
        times.append(time.perf_counter() - start)
    assert sorted(times)[2] < 0.2
