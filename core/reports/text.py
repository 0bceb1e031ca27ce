"""User text made safe for reportlab's Paragraph markup, Arabic shaped and set right to left.

A Paragraph reads its text as markup: "<b>" would turn bold and a lone "&"
would break the document. Every text a user typed goes through
:func:`markup` and prints exactly as it was typed.

The bundled DejaVu Sans holds the Arabic letters' joined forms (presentation
forms); ``arabic_reshaper`` picks the right form for each letter and
``python-bidi`` puts right-to-left runs in visual order, because a PDF
draws glyphs left to right.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from itertools import groupby
from xml.sax.saxutils import escape

# Letters of right-to-left scripts: Hebrew, Arabic and its supplements and presentation forms.
_RTL = re.compile("[\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufefc]")
_LATIN = re.compile("[A-Za-z\u00c0-\u024f]")
# C0 controls but tab and newline, DEL and C1 controls: nothing a printed page can show.
_CONTROLS = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f]")


def plain(value: object) -> str:
    """The text of ``value`` without control characters, "" for None; lines end with \\n."""
    if value is None:
        return ""
    text = str(value).replace("\r\n", "\n").replace("\r", "\n")
    return _CONTROLS.sub("", text)


@lru_cache(maxsize=4096)
def visual(line: str) -> str:
    """One line as it is drawn: Arabic letters joined, right-to-left runs reversed."""
    if not _RTL.search(line):
        return line
    import arabic_reshaper
    from bidi import get_display

    # Our documents run left to right: a line mixing Latin and Arabic ("فاطمة بنعلي, Awa
    # Diatta") keeps its order; a line all in Arabic takes its own direction.
    base = "L" if _LATIN.search(line) else None
    return str(get_display(arabic_reshaper.reshape(line), base_dir=base))


def markup(value: object) -> str:
    """Paragraph markup that prints ``value`` as typed: escaped, shaped, line breaks kept,
    emoji and symbols the text font lacks drawn with the symbol font."""
    lines = plain(value).split("\n")
    return "<br/>".join(_with_fonts(visual(line)) for line in lines)


def _with_fonts(line: str) -> str:
    if line.isascii():
        return escape(line)
    from core.reports.fonts import drawn_by

    out: list[str] = []
    for font, run in groupby(line, key=lambda ch: drawn_by(ord(ch))):
        text = "".join(run)
        if font == "":  # no font has it: drop joiners and variation selectors, keep the rest
            text = "".join(ch for ch in text if unicodedata.category(ch) not in ("Mn", "Cf"))
            font = None
        out.append(escape(text) if font is None else f'<font face="{font}">{escape(text)}</font>')
    return "".join(out)


def has_text(value: object) -> bool:
    """False for None and for text that is only blanks: such a line is left out."""
    return bool(plain(value).strip())
