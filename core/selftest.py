"""``--self-test``: the checks a build must pass before it reaches a user.

A bundle that left out a font, a catalogue or Babel's locale data still
starts, then fails in front of the person it is for. Each check here uses
one of those things as the app does, in a temporary folder and without a
screen, so the Windows, macOS and Linux build jobs can run them all. The
window check lives in ui/ and is handed in by main.py.
"""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal
from pathlib import Path

from core.i18n import N_, _

DB_NAME = "self-test.sqlite3"
# A message every catalogue translates (main.py prints it on Ctrl+C).
KNOWN_MESSAGE = "Interrupted; nothing was changed."

Check = tuple[str, Callable[[Path], None]]


def core_checks() -> list[Check]:
    """The checks that need no Qt, each named for the one-line failure report."""
    return [
        (N_("database and migrations"), check_database),
        (N_("bundled font"), check_font),
        (N_("Dutch catalogue"), check_dutch_catalogue),
        (N_("locale data"), check_locale_data),
    ]


def run(checks: list[Check], folder: Path) -> str | None:
    """Run the checks in order on files in ``folder``: the first failure in one line, or None."""
    for name, check in checks:
        try:
            check(folder)
        except Exception as error:  # whatever breaks, the report names the step
            detail = " ".join(str(error).split()) or type(error).__name__
            return _("{step}: {error}").format(step=_(name), error=detail)
    return None


def check_database(folder: Path) -> None:
    """A new database file is created and migrated to the schema this version writes."""
    from core.db import SCHEMA_VERSION, open_db, schema_version

    db = open_db(folder / DB_NAME)
    try:
        version = schema_version(db)
    finally:
        db.close()
    if version != SCHEMA_VERSION:
        raise RuntimeError(f"schema version {version}, expected {SCHEMA_VERSION}")


def check_font(folder: Path) -> None:
    """The bundled fonts load into reportlab and are embedded in a PDF."""
    from io import BytesIO

    from reportlab.pdfgen.canvas import Canvas

    from core.reports.fonts import FONT, register_fonts

    register_fonts()
    out = BytesIO()
    canvas = Canvas(out)
    canvas.setFont(FONT, 12)
    canvas.drawString(72, 720, "Ici & Là-bas")
    canvas.save()
    if b"FontFile2" not in out.getvalue():
        raise RuntimeError(f"{FONT} is not embedded in the PDF")


def check_dutch_catalogue(folder: Path) -> None:
    """The compiled Dutch catalogue is found and translates."""
    import gettext

    from core import paths
    from core.i18n import DOMAIN

    catalogue = gettext.translation(DOMAIN, localedir=paths.locale_dir(), languages=["nl"])
    if catalogue.gettext(KNOWN_MESSAGE) == KNOWN_MESSAGE:
        raise RuntimeError(f"the Dutch catalogue does not translate «{KNOWN_MESSAGE}»")


def check_locale_data(folder: Path) -> None:
    """Babel's locale data is there: an amount comes out with Dutch separators."""
    from core import fmt

    text = fmt.money(Decimal("1234.5"), "EUR", "nl")
    if "1.234,50" not in text:
        raise RuntimeError(f"1234.5 EUR in Dutch came out as «{text}»")
