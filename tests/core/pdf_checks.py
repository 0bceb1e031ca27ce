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
