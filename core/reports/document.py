"""The one place a PDF is made: fonts, styles, page furniture, tables, atomic save.

Every report (mission, partnership, annual) is a :class:`Report`: the
municipality's name and logo on the first page, a running header on the
others, "Page X of Y" and the date in every footer, A4 with margins any
printer keeps. Text typed by users only enters through :func:`para` and the
table helpers, which escape it (see :mod:`core.reports.text`); a field left
empty is left out rather than printed as a bare label.

reportlab is imported here and only when a report is made: start-up stays light.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from decimal import Decimal
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from core import fmt, settings
from core.files import write_atomically
from core.i18n import _
from core.money import from_cents
from core.reports.fonts import BOLD, FONT, register_fonts
from core.reports.text import has_text, markup, plain

if TYPE_CHECKING:
    from reportlab.platypus import Flowable, Table
    from sqlite_utils import Database

MARGIN_MM = 18  # inside what every office printer can print
HEADER_MM, FOOTER_MM = 6, 4  # bands for the running header and the footer, inside the margins
FRAME_PADDING = 6  # points: reportlab's frame pads its content on every side
INK, MUTED, RULE, SHADE = "#1f2933", "#5f6b7a", "#b8c2cc", "#eef1f4"
LOGO_HEIGHT_MM = 16


@cache
def styles() -> dict[str, Any]:
    """Paragraph styles by name: body, small, muted, title, subtitle, h1, h2, cell, cell_right,
    head, head_right, label, sign."""
    from reportlab.lib.colors import HexColor
    from reportlab.lib.enums import TA_RIGHT
    from reportlab.lib.styles import ParagraphStyle

    register_fonts()
    ink, muted = HexColor(INK), HexColor(MUTED)
    body = ParagraphStyle("body", fontName=FONT, fontSize=9.5, leading=12.5, textColor=ink,
                          spaceAfter=4)
    cell = ParagraphStyle("cell", parent=body, fontSize=8.5, leading=10.5, spaceAfter=0)
    head = ParagraphStyle("head", parent=cell, fontName=BOLD)
    return {
        "body": body,
        "small": ParagraphStyle("small", parent=body, fontSize=8, leading=10),
        "muted": ParagraphStyle("muted", parent=body, fontSize=8.5, leading=11, textColor=muted),
        "title": ParagraphStyle("title", parent=body, fontName=BOLD, fontSize=17, leading=21,
                                spaceAfter=2),
        "subtitle": ParagraphStyle("subtitle", parent=body, fontSize=11, leading=14,
                                   textColor=muted, spaceAfter=10),
        "h1": ParagraphStyle("h1", parent=body, fontName=BOLD, fontSize=13, leading=16,
                             spaceBefore=12, spaceAfter=5),
        "h2": ParagraphStyle("h2", parent=body, fontName=BOLD, fontSize=10.5, leading=13,
                             spaceBefore=8, spaceAfter=3),
        "cell": cell,
        "cell_right": ParagraphStyle("cell_right", parent=cell, alignment=TA_RIGHT),
        "head": head,
        "head_right": ParagraphStyle("head_right", parent=head, alignment=TA_RIGHT),
        "label": ParagraphStyle("label", parent=cell, textColor=muted),
        "sign": ParagraphStyle("sign", parent=body, fontSize=9.5, leading=13),
    }


# --- values as printed --------------------------------------------------------------


def amount(cents: int | None, currency: str | None = "EUR") -> str:
    """ "1 250 000 F CFA", "20 000,00 €": core's formatter in the report's language."""
    return "" if cents is None else fmt.money(from_cents(cents), currency or "EUR")


def euros(cents: int | Decimal | None) -> str:
    if cents is None:
        return ""
    value = from_cents(cents) if isinstance(cents, int) else cents
    return fmt.money(value, "EUR")


def eur_with_foreign(eur_cents: int | None, cents: int | None, currency: str | None) -> str:
    """ "1 905,61 € (1 250 000 F CFA)" for a foreign amount, "20 000,00 €" for euros."""
    if currency in (None, "", "EUR") or cents is None:
        return euros(eur_cents if eur_cents is not None else cents)
    foreign = amount(cents, currency)
    return f"{euros(eur_cents)} ({foreign})" if eur_cents is not None else foreign


def day(value: str | dt.date | None) -> str:
    return fmt.date(value) if value else ""



# --- flowables ----------------------------------------------------------------------


def para(value: object, style: str = "body") -> Flowable:
    """A paragraph of user text, printed as typed."""
    from reportlab.platypus import Paragraph

    return Paragraph(markup(value), styles()[style])


def heading(text: str, level: int = 1) -> Flowable:
    """A section title (our own translated text)."""
    from reportlab.platypus import Paragraph

    return Paragraph(markup(text), styles()[f"h{level}"])


def facts(pairs: Iterable[tuple[str, object]], label_width: float = 0.28) -> Table | None:
    """Label / value lines, the empty ones left out; None when nothing is left."""
    rows = [[para(label, "label"), para(value, "cell")]
            for label, value in pairs if has_text(value)]
    if not rows:
        return None
    return _table(rows, [label_width, 1 - label_width], header=False)


def table(
    headers: Sequence[str],
    rows: Iterable[Sequence[object]],
    widths: Sequence[float],
    *,
    right: Iterable[int] = (),
    total: Sequence[object] | None = None,
) -> Table:
    """A table whose header row repeats on every page it runs onto.

    ``widths`` are fractions of the text width; ``right`` the columns of
    numbers (right-aligned); ``total`` a last row in bold. Values are text
    (printed as typed) or flowables.
    """
    right = set(right)
    head = [_cell(h, "head_right" if n in right else "head") for n, h in enumerate(headers)]
    body = [[_cell(v, "cell_right" if n in right else "cell") for n, v in enumerate(row)]
            for row in rows]
    if total is not None:
        body.append([_cell(v, "head_right" if n in right else "head") for n, v in enumerate(total)])
    return _table([head, *body], widths, header=True, total=total is not None)


def _cell(value: object, style: str) -> object:
    from reportlab.platypus import Flowable

    return value if isinstance(value, Flowable) else para(value, style)


def _table(rows: list[list[Any]], widths: Sequence[float], *, header: bool,
           total: bool = False) -> Table:
    from reportlab.lib.colors import HexColor
    from reportlab.platypus import Table

    # splitInRow: a cell taller than a page (long minutes) splits between lines (at least
    # 36 points on each side) instead of stopping the whole report.
    shown = Table(rows, colWidths=[w * text_width() for w in widths],
                  repeatRows=1 if header else 0, hAlign="LEFT", splitInRow=36)
    commands: list[tuple[Any, ...]] = [
        ("FONTNAME", (0, 0), (-1, -1), FONT),  # Table's own default is Helvetica, not embedded
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("TOPPADDING", (0, 0), (-1, -1), 2.5),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 2.5),
        ("LEFTPADDING", (0, 0), (-1, -1), 3),
        ("RIGHTPADDING", (0, 0), (-1, -1), 3),
        ("LINEBELOW", (0, 0), (-1, -1), 0.25, HexColor(RULE)),
    ]
    if header:
        commands += [("BACKGROUND", (0, 0), (-1, 0), HexColor(SHADE)),
                     ("LINEBELOW", (0, 0), (-1, 0), 0.8, HexColor(MUTED))]
    if total:
        commands += [("LINEABOVE", (0, -1), (-1, -1), 0.8, HexColor(MUTED))]
    shown.setStyle(commands)
    return shown


def text_width() -> float:
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.units import mm

    return float(A4[0] - 2 * MARGIN_MM * mm)


def spacer(height_mm: float = 4) -> Flowable:
    from reportlab.lib.units import mm
    from reportlab.platypus import Spacer

    return Spacer(1, height_mm * mm)


def page_break() -> Flowable:
    from reportlab.platypus import PageBreak

    return PageBreak()


def keep_together(flowables: list[Flowable]) -> Flowable:
    from reportlab.platypus import KeepTogether

    return KeepTogether(flowables)


# --- the document -------------------------------------------------------------------


class Report:
    """A document being put together: add flowables to ``story``, then :meth:`save`."""

    def __init__(self, db: Database, title: str, subtitle: str = "") -> None:
        self.title = plain(title)
        self.subtitle = plain(subtitle)
        self.municipality = plain(settings.get(db, "municipality_name"))
        self.logo = settings.get(db, "logo_path")
        self.printed = fmt.date(dt.date.today())
        self.story: list[Flowable] = []

    def add(self, *flowables: Flowable | None) -> None:
        """Add what is given, skipping None (a section with nothing to show)."""
        self.story.extend(f for f in flowables if f is not None)

    def section(self, title: str, *flowables: Flowable | None, level: int = 1) -> None:
        """A titled section, left out entirely when it has nothing to show."""
        from reportlab.lib.units import mm
        from reportlab.platypus import CondPageBreak

        shown = [f for f in flowables if f is not None]
        if shown:  # a title near the bottom of a page goes over with its section
            self.story += [CondPageBreak(28 * mm), heading(title, level), *shown]

    def save(self, out: Path) -> None:
        """Write the PDF at ``out``, whole or not at all."""
        write_atomically(Path(out), self._build)

    def _build(self, target: Path) -> None:
        from reportlab.lib.pagesizes import A4
        from reportlab.lib.units import mm
        from reportlab.platypus import SimpleDocTemplate

        register_fonts()
        document = SimpleDocTemplate(
            str(target), pagesize=A4, leftMargin=MARGIN_MM * mm, rightMargin=MARGIN_MM * mm,
            topMargin=(MARGIN_MM + HEADER_MM) * mm, bottomMargin=(MARGIN_MM + FOOTER_MM) * mm,
            title=self.title, author=self.municipality or "Ici & Là-bas",
            subject=self.subtitle, creator="Ici & Là-bas",
        )
        story = [*self._masthead(), *self.story]
        document.build(story, onFirstPage=self._first_page, onLaterPages=self._later_page,
                       canvasmaker=_numbered_canvas(self._footer_left()))

    def room_on_first_page(self, flowables: list[Flowable]) -> float:
        """The height (points) the first page has left below the masthead and ``flowables``."""
        from reportlab.lib.pagesizes import A4
        from reportlab.lib.units import mm

        frame = A4[1] - (2 * MARGIN_MM + HEADER_MM + FOOTER_MM) * mm - 2 * FRAME_PADDING
        used = 0.0
        for flowable in [*self._masthead(), *flowables]:
            used += flowable.wrap(text_width(), frame)[1]
            used += flowable.getSpaceBefore() + flowable.getSpaceAfter()
        return float(frame - used)

    def _masthead(self) -> list[Flowable]:
        """The first page's top: logo and municipality, then the title."""
        from reportlab.platypus import Table

        top: list[Flowable] = []
        logo = self._logo_image()
        name = para(self.municipality, "h2") if self.municipality else None
        if logo is not None and name is not None:
            band = Table([[logo, name]], colWidths=[None, text_width() * 0.7], hAlign="LEFT")
            band.setStyle([("FONTNAME", (0, 0), (-1, -1), FONT),
                           ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
                           ("LEFTPADDING", (0, 0), (-1, -1), 0)])
            top.append(band)
        else:
            top.extend(f for f in (logo, name) if f is not None)
        top.append(spacer(2))
        top.append(para(self.title, "title"))
        if self.subtitle:
            top.append(para(self.subtitle, "subtitle"))
        else:
            top.append(spacer(3))
        return top

    def _logo_image(self) -> Flowable | None:
        """The logo chosen in the settings, or None when it is missing or not an image."""
        if not self.logo:
            return None
        from reportlab.lib.units import mm
        from reportlab.lib.utils import ImageReader
        from reportlab.platypus import Image

        try:
            width, height = ImageReader(self.logo).getSize()
        except Exception:  # a moved, deleted or broken file: the report prints without it
            return None
        if not width or not height:
            return None
        tall = LOGO_HEIGHT_MM * mm
        return Image(self.logo, width=tall * width / height, height=tall)

    def _footer_left(self) -> str:
        parts = [self.municipality, _("printed on {date}").format(date=self.printed)]
        return " · ".join(p for p in parts if p)

    def _first_page(self, canvas: Any, document: Any) -> None:
        pass  # the masthead is in the story; the footer is drawn by the numbered canvas

    def _later_page(self, canvas: Any, document: Any) -> None:
        """A running header: municipality on the left, the document's title on the right."""
        from reportlab.lib.colors import HexColor
        from reportlab.lib.pagesizes import A4
        from reportlab.lib.units import mm

        from core.reports.text import visual

        width, height = A4
        y = height - MARGIN_MM * mm + 2 * mm
        canvas.saveState()
        canvas.setFont(FONT, 7.5)
        canvas.setFillColor(HexColor(MUTED))
        canvas.drawString(MARGIN_MM * mm, y, _fit(visual(self.municipality), 60))
        canvas.drawRightString(width - MARGIN_MM * mm, y, _fit(visual(self.title), 70))
        canvas.setStrokeColor(HexColor(RULE))
        canvas.setLineWidth(0.4)
        canvas.line(MARGIN_MM * mm, y - 2 * mm, width - MARGIN_MM * mm, y - 2 * mm)
        canvas.restoreState()


def _fit(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _numbered_canvas(footer_left: str) -> type:
    """A canvas that waits for the last page to print "Page X of Y" on each."""
    from reportlab.lib.colors import HexColor
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.units import mm
    from reportlab.pdfgen.canvas import Canvas

    from core.reports.text import visual

    class NumberedCanvas(Canvas):
        def __init__(self, *args: Any, **kwargs: Any) -> None:
            kwargs["initialFontName"] = FONT  # not Helvetica, which is not embedded
            super().__init__(*args, **kwargs)
            self._pages: list[dict[str, Any]] = []

        def showPage(self) -> None:
            self._pages.append(dict(self.__dict__))
            self._startPage()

        def save(self) -> None:
            total = len(self._pages)
            for state in self._pages:
                self.__dict__.update(state)
                self._footer(total)
                super().showPage()
            super().save()

        def _footer(self, total: int) -> None:
            width = A4[0]
            y = MARGIN_MM * mm - 2 * mm
            self.saveState()
            self.setFont(FONT, 7.5)
            self.setFillColor(HexColor(MUTED))
            self.drawString(MARGIN_MM * mm, y, _fit(visual(footer_left), 90))
            page = _("Page {page} of {pages}").format(page=self._pageNumber, pages=total)
            self.drawRightString(width - MARGIN_MM * mm, y, page)
            self.restoreState()

    return NumberedCanvas
