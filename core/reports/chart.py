"""A bar chart for a PDF: amounts side by side per category (planned and spent per partnership).

Drawn with reportlab.graphics in the bundled fonts only (a chart label in
Helvetica would not be embedded). Category names are shaped for Arabic with
:func:`core.reports.text.visual` and shortened with "…" to the room the
chart leaves them; the value axis counts in euros as :mod:`core.fmt` writes
them, with as many ticks as their labels have room for.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from decimal import Decimal
from typing import TYPE_CHECKING

from core.reports.document import INK, MUTED, RULE, euros
from core.reports.fonts import FONT, drawn_by, register_fonts
from core.reports.text import plain, visual

if TYPE_CHECKING:
    from reportlab.graphics.shapes import Drawing

Series = tuple[str, str, Sequence[Decimal]]  # legend, colour, one value per category

LABEL_SIZE = 7.5  # category names
TICK_SIZE = 6.5  # amounts on the value axis
LEGEND_HEIGHT = 14  # points below the axis labels
AXIS_HEIGHT = 14  # points for the value axis labels
MIN_ROW = 12.0  # points per category below which bars stop being readable


def bar_height(categories: int, series: int) -> float:
    """The height (points) a chart of ``categories`` needs to be read comfortably."""
    return categories * (8.0 * series + 10) + AXIS_HEIGHT + LEGEND_HEIGHT + 6


def min_height(categories: int) -> float:
    return categories * MIN_ROW + AXIS_HEIGHT + LEGEND_HEIGHT + 6


def bars(names: Sequence[str], series: Sequence[Series], width: float, height: float,
         label_share: float = 0.3) -> Drawing:
    """Horizontal bars, one group per name (first name at the top), with a legend below."""
    from reportlab.graphics.charts.barcharts import HorizontalBarChart
    from reportlab.graphics.charts.legends import Legend
    from reportlab.graphics.shapes import Drawing
    from reportlab.lib.colors import HexColor

    register_fonts()
    drawing = Drawing(width, height)
    drawing.initialFontName = FONT  # the renderer's default is Helvetica, which is not embedded
    label_room = width * label_share
    top = max((max(values, default=Decimal(0)) for _, _, values in series), default=Decimal(0))
    # The last tick's label is centred on the chart's right edge: leave it half its width.
    _step, ceiling = ticks(float(top), width - label_room)
    right_pad = _text_width(_euro_label(ceiling)) / 2 + 2
    chart = HorizontalBarChart()
    chart.x = label_room
    chart.y = AXIS_HEIGHT + LEGEND_HEIGHT
    chart.width = width - label_room - right_pad
    chart.height = height - chart.y - 4
    # The axis runs top down (below), which would put the last series on top: reverse them.
    drawn = list(reversed(series))
    chart.data = [[float(v) for v in values] for _, _, values in drawn]
    chart.barSpacing = 0.6
    chart.groupSpacing = 5
    chart.strokeColor = None
    for n, (_, colour, _values) in enumerate(drawn):
        chart.bars[n].fillColor = HexColor(colour)
        chart.bars[n].strokeColor = None

    axis = chart.categoryAxis
    axis.categoryNames = [fit(name, label_room - 8, LABEL_SIZE) for name in names]
    axis.reverseDirection = 1  # the first name at the top, as in the table below it
    axis.strokeColor = HexColor(RULE)
    axis.strokeWidth = 0.5
    axis.visibleTicks = 0
    axis.labels.fontName = FONT
    axis.labels.fontSize = LABEL_SIZE
    axis.labels.fillColor = HexColor(INK)
    axis.labels.boxAnchor = "e"
    axis.labels.dx = -4

    step, ceiling = ticks(float(top), chart.width)
    values = chart.valueAxis
    values.valueMin = 0
    values.valueMax = ceiling
    values.valueStep = step
    values.labelTextFormat = _euro_label
    values.labels.fontName = FONT
    values.labels.fontSize = TICK_SIZE
    values.labels.fillColor = HexColor(MUTED)
    values.strokeColor = HexColor(RULE)
    values.strokeWidth = 0.5
    values.visibleGrid = 1
    values.gridStrokeColor = HexColor(RULE)
    values.gridStrokeWidth = 0.3
    values.tickDown = 2
    drawing.add(chart)

    legend = Legend()
    legend.fontName = FONT
    legend.fontSize = LABEL_SIZE
    legend.fillColor = HexColor(INK)
    legend.strokeColor = None
    legend.alignment = "right"
    legend.boxAnchor = "nw"
    legend.x = label_room
    legend.y = LEGEND_HEIGHT - 2
    legend.dx = legend.dy = 7
    legend.dxTextSpace = 4
    legend.columnMaximum = 1
    legend.deltax = max(_text_width(name, LABEL_SIZE) for name, _, _ in series) + 28
    legend.colorNamePairs = [(HexColor(colour), visual(plain(name)))
                             for name, colour, _ in series]
    drawing.add(legend)
    return drawing


def _euro_label(value: float) -> str:
    return euros(Decimal(round(value)))


def ticks(top: float, room: float) -> tuple[float, float]:
    """A round step and the axis maximum (a multiple of it), with labels that do not touch."""
    top = top if top > 0 else 1.0
    best = (top, top)
    for count in (6, 5, 4, 3, 2, 1):
        raw = top / count
        magnitude = 10 ** math.floor(math.log10(raw))
        step = next(m * magnitude for m in (1, 2, 2.5, 5, 10) if m * magnitude >= raw)
        ceiling = step * math.ceil(top / step - 1e-9)
        widest = _text_width(_euro_label(ceiling), TICK_SIZE)
        best = (step, ceiling)
        if room / (ceiling / step) >= widest + 8:
            return best
    return best


def fit(name: object, room: float, size: float = LABEL_SIZE) -> str:
    """``name`` as drawn in the chart's font, shortened with "…" to ``room`` points."""
    text = " ".join(plain(name).split())
    # One font per label: a character the text font lacks (an emoji) is left out here;
    # the tables print the name whole.
    text = " ".join("".join(ch for ch in text if drawn_by(ord(ch)) is None).split())
    shown = visual(text)
    if _text_width(shown, size) <= room:
        return shown
    low, high = 0, len(text)
    while low < high:  # the longest start of the name that fits with its ellipsis
        middle = (low + high + 1) // 2
        if _text_width(visual(text[:middle].rstrip() + "…"), size) <= room:
            low = middle
        else:
            high = middle - 1
    return visual(text[:low].rstrip() + "…")


def _text_width(text: str, size: float = TICK_SIZE) -> float:
    from reportlab.pdfbase.pdfmetrics import stringWidth

    register_fonts()
    return float(stringWidth(text, FONT, size))
