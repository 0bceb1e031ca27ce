"""The shared PDF base: text printed as typed, fonts embedded, long cells, page numbers."""

from __future__ import annotations

from pathlib import Path

from core import settings
from core.reports.document import Report, facts, para, table
from core.reports.text import visual
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


def test_user_text_prints_as_typed_with_arabic_and_emoji(db, tmp_path: Path) -> None:
    settings.put(db, "municipality_name", "Ville & <Co>")
    report = Report(db, f"Mission {EMOJI}", SPECIAL)
    report.section("Objet", para(f"{SPECIAL} {EMOJI}"),
                   facts([("Participant", ARABIC_NAME), ("Vide", None), ("Blanc", "  ")]))
    out = tmp_path / "r.pdf"
    report.save(out)

    text = check_pdf(out)
    assert f"{SPECIAL} {EMOJI}" in text
    assert "Ville & <Co>" in text
    assert ARABIC_DRAWN.search(text)
    assert "Vide" not in text and "Blanc" not in text  # empty facts are left out
    assert any("Symbola" in name for name in fonts(out))  # the emoji is drawn, not a box


def test_a_cell_taller_than_a_page_splits_and_pages_are_numbered(db, tmp_path: Path) -> None:
    minutes = "\n".join(f"Point {n} : décision prise à l'unanimité." for n in range(200))
    report = Report(db, "Compte rendu")
    report.add(table(["Date", "Décisions"], [["6 mars 2023", minutes]], [0.2, 0.8]))
    out = tmp_path / "long.pdf"
    report.save(out)

    pages = page_count(out)
    assert pages > 2
    text = check_pdf(out)
    assert "Point 199" in text
    assert f"Page {pages} sur {pages}" in text or f"Page {pages} of {pages}" in text


def test_a_mixed_line_keeps_latin_order() -> None:
    line = visual(f"{ARABIC_NAME}, Awa Diatta")
    assert line.endswith(", Awa Diatta")
    assert visual("Awa Diatta") == "Awa Diatta"


def test_arabic_is_drawn_joined_and_right_to_left(db, tmp_path: Path) -> None:
    mixed = f"Participants : {ARABIC_NAME}, Awa Diatta"
    report = Report(db, "Mission")
    report.section("Participants", para(ARABIC_NAME), para(mixed))
    out = tmp_path / "arabic.pdf"
    report.save(out)

    drawn = drawn_text(out)
    name = drawn_arabic(ARABIC_NAME)
    # read from the left, the page shows the final yeh of «بنعلي» first and the initial
    # feh of «فاطمة» last: the name is drawn right to left, its letters joined
    assert name[0] == "\ufef2" and name[-1] == "\ufed3" and " " in name
    assert name in drawn
    assert f"Participants : {name}, Awa Diatta" in drawn  # the Latin keeps its place and order
    assert drawn_arabic(mixed) == f"Participants : {name}, Awa Diatta"
