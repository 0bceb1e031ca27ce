"""The fonts bundled in resources/fonts and which one draws a character.

DejaVu Sans draws the text (accented Latin, Arabic with its joined forms);
Symbola draws what DejaVu lacks (emoji, symbols), character by character.
Both are embedded as subsets in every PDF.
"""

from __future__ import annotations

from functools import cache

from core import paths

FONT, BOLD, ITALIC, SYMBOLS = "DejaVuSans", "DejaVuSans-Bold", "DejaVuSans-Oblique", "Symbola"
FONT_FILES = {FONT: "DejaVuSans.ttf", BOLD: "DejaVuSans-Bold.ttf",
              ITALIC: "DejaVuSans-Oblique.ttf", SYMBOLS: "Symbola.ttf"}


@cache
def register_fonts() -> None:
    from reportlab.lib.fonts import addMapping
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont

    folder = paths.resources_dir() / "fonts"
    for name, file in FONT_FILES.items():
        pdfmetrics.registerFont(TTFont(name, str(folder / file)))
    addMapping(FONT, 0, 0, FONT)
    addMapping(FONT, 1, 0, BOLD)
    addMapping(FONT, 0, 1, ITALIC)
    addMapping(FONT, 1, 1, BOLD)
    for bold in (0, 1):
        for italic in (0, 1):
            addMapping(SYMBOLS, bold, italic, SYMBOLS)


@cache
def _coverage(name: str) -> frozenset[int]:
    from reportlab.pdfbase import pdfmetrics

    register_fonts()
    return frozenset(pdfmetrics.getFont(name).face.charToGlyph)


def drawn_by(code: int) -> str | None:
    """None when the text font draws the character, else the font that does, or "" for none."""
    if code < 0x0370 or code in _coverage(FONT):
        return None
    return SYMBOLS if code in _coverage(SYMBOLS) else ""
