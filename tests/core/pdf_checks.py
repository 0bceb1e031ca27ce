"""What every report test checks in a PDF: its text, its fonts, no "None"."""

from __future__ import annotations

import re
from pathlib import Path

# The text of the issue: markup characters, quotes, dashes and percents print as typed.
SPECIAL = "Résultat <b>gras</b> & « guillemets » — 100 % > prévu"
ARABIC_NAME = "فاطمة بنعلي"
EMOJI = "🎉"
# Arabic letters as drawn: the joined forms (presentation forms A and B).
ARABIC_DRAWN = re.compile("[\ufb50-\ufdff\ufe70-\ufeff]")


def drawn_arabic(text: str) -> str:
    """How Arabic text must look on the page, worked out with the two libraries directly:
    letters in their joined forms (arabic_reshaper), right-to-left runs in visual order
    (python-bidi); base direction left to right as soon as a Latin letter is in the line."""
    import arabic_reshaper
    from bidi import get_display

    latin = re.search("[A-Za-z]", text)
    return str(get_display(arabic_reshaper.reshape(text), base_dir="L" if latin else None))


def pdf_text(path: Path) -> str:
    """All the text of the PDF, whitespace collapsed (lines wrap where the layout says)."""
    from pypdf import PdfReader

    reader = PdfReader(str(path))
    return " ".join(" ".join((page.extract_text() or "").split()) for page in reader.pages)


def page_count(path: Path) -> int:
    from pypdf import PdfReader

    return len(PdfReader(str(path)).pages)


def fonts(path: Path) -> dict[str, bool]:
    """Font name -> embedded, for every font any page uses."""
    from pypdf import PdfReader

    found: dict[str, bool] = {}
    for page in PdfReader(str(path)).pages:
        resources = page.get("/Resources") or {}
        for font in (resources.get("/Font") or {}).values():
            font = font.get_object()
            descriptor = font.get("/FontDescriptor")
            if descriptor is None and "/DescendantFonts" in font:
                descriptor = font["/DescendantFonts"][0].get_object().get("/FontDescriptor")
            descriptor = descriptor.get_object() if descriptor is not None else {}
            embedded = any(k in descriptor for k in ("/FontFile", "/FontFile2", "/FontFile3"))
            found[str(font.get("/BaseFont"))] = embedded
    return found


def check_pdf(path: Path) -> str:
    """The common checks; returns the text for the test's own."""
    assert path.read_bytes().startswith(b"%PDF-")
    used = fonts(path)
    assert used and all(used.values()), used
    text = pdf_text(path)
    assert "None" not in text
    return text


def _to_unicode(font: object) -> dict[bytes, str]:
    """A font's ToUnicode map (PDF's bfchar and bfrange entries), code bytes -> text."""
    stream = font.get("/ToUnicode")  # type: ignore[attr-defined]
    if stream is None:
        return {}
    cmap = stream.get_object().get_data().decode("latin-1")
    found: dict[bytes, str] = {}
    for block in re.findall(r"beginbfchar(.*?)endbfchar", cmap, re.S):
        for code, text in re.findall(r"<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]*)>", block):
            found[bytes.fromhex(code)] = bytes.fromhex(text).decode("utf-16-be")
    for block in re.findall(r"beginbfrange(.*?)endbfrange", cmap, re.S):
        for low, high, start in re.findall(
            r"<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>", block
        ):
            first = int.from_bytes(bytes.fromhex(start), "big")
            for n in range(int(low, 16), int(high, 16) + 1):
                code = n.to_bytes(len(low) // 2, "big")
                found[code] = chr(first + n - int(low, 16))
    return found


def drawn_text(path: Path) -> list[str]:
    """The text of each text-showing operator, in the order the glyphs are drawn.

    Unlike ``pdf_text`` (pypdf, like poppler, turns right-to-left runs back
    into reading order), this is what a reader sees from left to right.
    """
    from pypdf import PdfReader
    from pypdf.generic import ContentStream

    shown: list[str] = []
    for page in PdfReader(str(path)).pages:
        maps = {name: _to_unicode(font.get_object())
                for name, font in (page["/Resources"].get("/Font") or {}).items()}
        current: dict[bytes, str] = {}
        for operands, operator in ContentStream(page.get_contents(), page.pdf).operations:
            if operator == b"Tf":
                current = maps.get(operands[0], {})
            elif operator in (b"Tj", b"'", b'"', b"TJ"):
                strings = operands[0] if operator == b"TJ" else operands[-1:]
                shown.append("".join(_decode(s, current) for s in strings
                                     if isinstance(s, str | bytes)))
    return shown


def _decode(value: object, cmap: dict[bytes, str]) -> str:
    raw = getattr(value, "original_bytes", None)
    data = raw if raw is not None else bytes(value)  # type: ignore[call-overload]
    width = len(next(iter(cmap))) if cmap else 1
    return "".join(cmap.get(data[i : i + width], "") for i in range(0, len(data), width))
