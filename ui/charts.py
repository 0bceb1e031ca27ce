"""What the app paints itself with QPainter, because QtCharts is not in PySide6-Essentials.

``BarChart`` compares a few amounts per category (planned, spent, received
per partnership); ``ShareChart`` shows how one total splits (income by
funder). Both draw in logical pixels with antialiasing, so they stay sharp
on High-DPI screens; they take their sizes from the font, elide long names
instead of clipping them, and explain every figure in a tooltip. Lists get
two small painted pieces too: a country tag and a cell with a second line.
"""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal
from functools import lru_cache

from PySide6.QtCore import (
    QEvent,
    QModelIndex,
    QPersistentModelIndex,
    QPoint,
    QRectF,
    QSize,
    Qt,
    Signal,
)
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontMetrics,
    QHelpEvent,
    QIcon,
    QMouseEvent,
    QPainter,
    QPainterPath,
    QPaintEvent,
    QPalette,
    QPixmap,
)
from PySide6.QtWidgets import (
    QApplication,
    QSizePolicy,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QToolTip,
    QWidget,
)

from core import fmt
from core.i18n import _

Series = tuple[str, QColor, list[Decimal]]  # name, colour, one value per category
Share = tuple[str, QColor, Decimal]  # name, colour, value
Formatter = Callable[[Decimal], str]
Index = QModelIndex | QPersistentModelIndex

TEXT = QColor("#1d2935")
MUTED = QColor("#5b6875")
RULE = QColor("#dde2e8")
# Calm colours that stay apart from each other; "others" are grey.
PALETTE = ("#1f5f8b", "#4f9d8a", "#d08c3c", "#8a6bb0", "#c25b56", "#6c8ebf", "#b4a24a")
OTHERS = QColor("#aab4bf")
LEFT = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter
RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
ELIDE = Qt.TextElideMode.ElideRight


def euros(value: Decimal) -> str:
    return fmt.money(value)  # read at paint time: follows the language in use


class _Chart(QWidget):
    """What both charts share: a formatter, the empty message, tooltips by hit-testing."""

    def __init__(self, parent: QWidget | None = None, formatter: Formatter = euros) -> None:
        super().__init__(parent)
        # Babel takes ~0.1 ms per amount and a paint asks for each one several times.
        self.formatter = lru_cache(maxsize=4096)(formatter)
        self.empty_text = ""
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)

    def small_font(self) -> QFont:
        font = QFont(self.font())
        font.setPointSizeF(max(font.pointSizeF() * 0.9, 7.0))
        return font

    def minimumSizeHint(self) -> QSize:
        return QSize(260, self.sizeHint().height())

    def paintEvent(self, event: QPaintEvent) -> None:
        with QPainter(self) as painter:
            painter.setRenderHint(QPainter.RenderHint.Antialiasing)
            if self.is_empty():
                painter.setPen(MUTED)
                painter.drawText(self.rect(), Qt.AlignmentFlag.AlignCenter, self.empty_text)
            else:
                self.paint(painter)

    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ToolTip and isinstance(event, QHelpEvent):
            text = "" if self.is_empty() else self.tooltip_at(event.pos())
            if text:
                QToolTip.showText(event.globalPos(), text, self)
            else:
                QToolTip.hideText()
            return True
        return super().event(event)

    def is_empty(self) -> bool:
        raise NotImplementedError

    def paint(self, painter: QPainter) -> None:
        raise NotImplementedError

    def tooltip_at(self, pos: QPoint) -> str:
        raise NotImplementedError


class BarChart(_Chart):
    """Horizontal grouped bars: one group per category, one bar per series, values labelled."""

    category_activated = Signal(int)  # index of the category double-clicked

    def __init__(self, parent: QWidget | None = None, formatter: Formatter = euros) -> None:
        super().__init__(parent, formatter)
        self.categories: list[str] = []
        self.series: list[Series] = []

    def set_data(self, categories: list[str], series: list[Series]) -> None:
        self.categories = list(categories)
        self.series = [(name, QColor(colour), list(values)) for name, colour, values in series]
        self.updateGeometry()
        self.update()

    def is_empty(self) -> bool:
        return not self.categories

    def value(self, series: int, category: int) -> Decimal:
        values = self.series[series][2]
        return values[category] if category < len(values) else Decimal(0)

    # --- geometry (all from the font, so it scales with the user's settings) --

    def _bar(self) -> int:
        return max(QFontMetrics(self.small_font()).height() - 3, 9)

    def _group(self) -> int:
        return len(self.series) * (self._bar() + 2) - 2

    def _gap(self) -> int:
        return max(self._bar() * 2 // 3, 6)

    def _legend(self) -> int:
        return self.fontMetrics().height() + 10

    def _top(self, category: int) -> int:
        return self._legend() + category * (self._group() + self._gap())

    def sizeHint(self) -> QSize:
        if self.is_empty():
            return QSize(420, self.fontMetrics().height() * 4)
        return QSize(420, self._top(len(self.categories)) - self._gap() + 2)

    # --- painting -------------------------------------------------------------

    def paint(self, painter: QPainter) -> None:
        self._paint_legend(painter)
        label_w = min(max(self.fontMetrics().horizontalAdvance(c) for c in self.categories) + 12,
                      int(self.width() * 0.45))
        small = QFontMetrics(self.small_font())
        value_w = max(small.horizontalAdvance(self.formatter(v))
                      for _n, _c, values in self.series for v in values) + 8
        top = max((v for _n, _c, values in self.series for v in values), default=Decimal(0))
        scale = max(self.width() - label_w - value_w, 20) / float(top) if top > 0 else 0.0
        for index in range(len(self.categories)):
            self._paint_group(painter, index, label_w, scale)

    def _paint_legend(self, painter: QPainter) -> None:
        metrics, x = self.fontMetrics(), 0
        size, height = metrics.height() * 2 // 3, self._legend() - 10
        for name, colour, _values in self.series:
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(colour)
            painter.drawRoundedRect(QRectF(x, (height - size) / 2, size, size), 2, 2)
            painter.setPen(TEXT)
            width = metrics.horizontalAdvance(name)
            painter.drawText(QRectF(x + size + 6, 0, width + 2, height), LEFT, name)
            x += size + width + 24

    def _paint_group(self, painter: QPainter, index: int, label_w: int, scale: float) -> None:
        top, bar = self._top(index), self._bar()
        painter.setFont(self.font())
        painter.setPen(TEXT)
        label = self.fontMetrics().elidedText(self.categories[index], ELIDE, label_w - 12)
        painter.drawText(QRectF(0, top, label_w - 12, self._group()), LEFT, label)
        painter.setPen(RULE)
        painter.drawLine(label_w, top - 2, label_w, top + self._group() + 2)
        painter.setFont(self.small_font())
        for row, (_name, colour, _values) in enumerate(self.series):
            value, y = self.value(row, index), top + row * (bar + 2)
            length = max(float(value) * scale, 0.0)
            if length > 0:
                painter.setPen(Qt.PenStyle.NoPen)
                painter.setBrush(colour)
                painter.drawRoundedRect(QRectF(label_w, y, max(length, 2.0), bar), 2, 2)
            painter.setPen(MUTED)
            painter.drawText(QRectF(label_w + length + 5, y, self.width(), bar), LEFT,
                             self.formatter(value))

    # --- interaction ----------------------------------------------------------

    def category_at(self, pos: QPoint) -> int | None:
        for index in range(len(self.categories)):
            top, half_gap = self._top(index), self._gap() // 2
            if top - half_gap <= pos.y() < top + self._group() + half_gap:
                return index
        return None

    def tooltip_at(self, pos: QPoint) -> str:
        index = self.category_at(pos)
        if index is None:
            return ""
        lines = [self.categories[index]] + [
            _("{label}: {value}").format(label=name, value=self.formatter(self.value(n, index)))
            for n, (name, _colour, _values) in enumerate(self.series)]
        return "\n".join(lines)

    def mouseDoubleClickEvent(self, event: QMouseEvent) -> None:
        index = self.category_at(event.position().toPoint())
        if index is not None:
            self.category_activated.emit(index)


class ShareChart(_Chart):
    """One stacked bar of a total's parts, then a row per part: colour, name, amount, share."""

    def __init__(self, parent: QWidget | None = None, formatter: Formatter = euros) -> None:
        super().__init__(parent, formatter)
        self.items: list[Share] = []

    def set_data(self, items: list[Share]) -> None:
        self.items = [(name, QColor(colour), value) for name, colour, value in items if value > 0]
        self.updateGeometry()
        self.update()

    def total(self) -> Decimal:
        return sum((value for _n, _c, value in self.items), Decimal(0))

    def is_empty(self) -> bool:
        return not self.items

    def _bar(self) -> int:
        return self.fontMetrics().height() + 4

    def _row(self) -> int:
        return self.fontMetrics().height() + 6

    def _row_top(self, index: int) -> int:
        return self._bar() + 10 + index * self._row()

    def sizeHint(self) -> QSize:
        if self.is_empty():
            return QSize(420, self.fontMetrics().height() * 4)
        return QSize(420, self._row_top(len(self.items)))

    def paint(self, painter: QPainter) -> None:
        total, metrics = self.total(), self.fontMetrics()
        outline = QPainterPath()
        outline.addRoundedRect(QRectF(0, 0, self.width(), self._bar()), 4, 4)
        painter.setClipPath(outline)
        x = 0.0
        for _name, colour, value in self.items:
            part = self.width() * float(value / total)
            painter.fillRect(QRectF(x, 0, part, self._bar()), colour)
            painter.fillRect(QRectF(x + part - 1, 0, 1, self._bar()), QColor("white"))
            x += part
        painter.setClipping(False)
        amount_w = max(metrics.horizontalAdvance(self.formatter(v)) for _n, _c, v in self.items)
        percent_w = metrics.horizontalAdvance(fmt.percent(1)) + 6
        for index in range(len(self.items)):
            self._paint_row(painter, index, amount_w, percent_w)

    def _paint_row(self, painter: QPainter, index: int, amount_w: int, percent_w: int) -> None:
        name, colour, value = self.items[index]
        top, height, metrics = self._row_top(index), self._row(), self.fontMetrics()
        swatch = metrics.height() * 2 // 3
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(colour)
        painter.drawRoundedRect(QRectF(0, top + (height - swatch) / 2, swatch, swatch), 2, 2)
        name_w = self.width() - swatch - amount_w - percent_w - 24
        painter.setPen(TEXT)
        painter.drawText(QRectF(swatch + 8, top, name_w, height), LEFT,
                         metrics.elidedText(name, ELIDE, name_w))
        right = self.width() - percent_w
        painter.drawText(QRectF(right - amount_w - 8, top, amount_w, height), RIGHT,
                         self.formatter(value))
        painter.setPen(MUTED)
        painter.drawText(QRectF(right, top, percent_w, height), RIGHT,
                         fmt.percent(value / self.total()))

    def tooltip_at(self, pos: QPoint) -> str:
        for index, (name, _colour, value) in enumerate(self.items):
            if self._row_top(index) <= pos.y() < self._row_top(index) + self._row():
                share = fmt.percent(value / self.total())
                return f"{name}\n{self.formatter(value)} ({share})"
        return ""


# --- small painted pieces of the dashboard's lists ------------------------------

SECONDARY = Qt.ItemDataRole.UserRole + 1  # a cell's muted second line


class TwoLineDelegate(QStyledItemDelegate):
    """A list cell with a muted second line under its text (a mission's partnership)."""

    def sizeHint(self, option: QStyleOptionViewItem, index: Index) -> QSize:
        size = super().sizeHint(option, index)
        second = option.fontMetrics.horizontalAdvance(str(index.data(SECONDARY) or ""))
        return QSize(max(size.width(), second + 20) + 8, option.fontMetrics.height() * 2 + 6)

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: Index) -> None:
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        text, opt.text = opt.text, ""
        style = opt.widget.style() if opt.widget else QApplication.style()
        style.drawControl(QStyle.ControlElement.CE_ItemViewItem, opt, painter, opt.widget)
        rect = style.subElementRect(QStyle.SubElement.SE_ItemViewItemText, opt, opt.widget)
        rect, metrics = rect.adjusted(4, 3, -4, -3), opt.fontMetrics
        half = rect.height() // 2
        selected = bool(opt.state & QStyle.StateFlag.State_Selected)
        role = QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text
        painter.save()
        painter.setPen(opt.palette.color(role))
        painter.drawText(rect.adjusted(0, 0, 0, -half), LEFT,
                         metrics.elidedText(text, ELIDE, rect.width()))
        painter.setPen(MUTED)
        painter.drawText(rect.adjusted(0, half, 0, 0), LEFT,
                         metrics.elidedText(str(index.data(SECONDARY) or ""), ELIDE, rect.width()))
        painter.restore()


_BADGES: dict[str, QIcon] = {}


def country_badge(code: str | None) -> QIcon:
    """The ISO code on a small pale tag (flag emoji do not show on Windows), sharp at 2x."""
    if not code:
        return QIcon()
    if code not in _BADGES:
        icon = QIcon()
        for ratio in (1, 2):
            pixmap = QPixmap(26 * ratio, 16 * ratio)
            pixmap.setDevicePixelRatio(ratio)
            pixmap.fill(Qt.GlobalColor.transparent)
            font = QFont()
            font.setPixelSize(9)
            font.setBold(True)
            with QPainter(pixmap) as painter:
                painter.setRenderHint(QPainter.RenderHint.Antialiasing)
                painter.setPen(Qt.PenStyle.NoPen)
                painter.setBrush(QColor("#e3ecf3"))
                painter.drawRoundedRect(QRectF(0, 1, 26, 14), 3, 3)
                painter.setFont(font)
                painter.setPen(QColor("#1f5f8b"))
                painter.drawText(QRectF(0, 1, 26, 14), Qt.AlignmentFlag.AlignCenter, code.upper())
            icon.addPixmap(pixmap)
        _BADGES[code] = icon
    return _BADGES[code]
