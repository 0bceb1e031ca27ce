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
    from reportlab.pdfbase import pdfmetrics, ttfonts
    from reportlab.pdfbase.ttfonts import TTFont

    ttfonts.makeToUnicodeCMap = _to_unicode_cmap

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


def _to_unicode_cmap(fontname: str, subset: list[int]) -> str:
    """reportlab's ToUnicode map, with characters beyond U+FFFF written as UTF-16 (two
    units, as the PDF format wants): reportlab writes "<1F389>", which no reader can
    use, so an emoji could not be copied or searched in the PDF."""
    entries = [f"<{i:02X}> <{chr(code).encode('utf-16-be').hex().upper()}>"
               for i, code in enumerate(subset)]
    return "\n".join([
        "/CIDInit /ProcSet findresource begin", "12 dict begin", "begincmap",
        "/CIDSystemInfo", f"<< /Registry ({fontname})", f"/Ordering ({fontname})",
        "/Supplement 0", ">> def", f"/CMapName /{fontname} def", "/CMapType 2 def",
        "1 begincodespacerange", f"<00> <{len(subset) - 1:02X}>", "endcodespacerange",
        f"{len(subset)} beginbfchar", *entries, "endbfchar", "endcmap",
        "CMapName currentdict /CMap defineresource pop", "end", "end",
    ])
