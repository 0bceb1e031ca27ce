"""The screen the app opens on: what is alive, what comes next, what is late, where money stands.

A part-time officer opens the file once a week; this page must answer
"what needs me now?" at a glance, without a click. Every figure comes from
``core.dashboard`` and ``core.finance``; the page only lays it out, and
re-reads it when records change, but only while it is on screen.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QSize, Qt, QTimer, Signal
from PySide6.QtGui import QColor, QFont, QShowEvent
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QScrollArea,
    QSizePolicy,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from core import dashboard, finance, fmt, settings
from core.i18n import _, ngettext
from core.spec import INCOME_CATEGORIES, MISSION_DIRECTIONS, MISSION_STATUSES
from ui.charts import (
    OTHERS,
    PALETTE,
    SECONDARY,
    BarChart,
    ShareChart,
    TwoLineDelegate,
    country_badge,
)

if TYPE_CHECKING:
    from ui.context import Context

Row = dict[str, Any]
RENEWAL_DAYS = 180  # "expires within six months", as core.dashboard.agreements_to_renew
CHART_ROWS = 10
COMING_DAYS = 60
TOP_FUNDERS = 5
OVERDUE, SOON, MUTED = QColor("#b3261e"), QColor("#9a5b00"), QColor("#6b7785")
PLANNED, SPENT, RECEIVED = QColor("#b7cbdc"), QColor("#1f5f8b"), QColor("#4f9d8a")
RECORD = Qt.ItemDataRole.UserRole  # (table, id) of the record a row opens

STYLE = """
QScrollArea, QWidget#dashboard { background: #f4f6f8; }
QFrame#card { background: white; border: 1px solid #dde2e8; border-radius: 8px; }
QLabel#cardTitle {
    font-size: 11pt; font-weight: 600; color: #1d2935; padding: 4px 0 0 0; margin: 0;
}
QLabel#figureCaption, QLabel#figureNote, QLabel#subtitle, QLabel#note { color: #5b6875; }
QLabel#figureValue { font-size: 14pt; font-weight: 600; color: #1d2935; }
QTreeWidget { border: none; background: white; alternate-background-color: #f6f8fa; }
QTreeWidget::item { padding: 2px 4px; height: 18px; }
QTreeWidget::item:selected { background: #d5e6f3; color: #10202e; }
"""


class DashboardPage(QWidget):
    """Four figures, three lists and two charts; a double-click opens the record."""

    open_record = Signal(str, int)  # table, id

    def __init__(self, ctx: Context, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self._stale = False
        self._budget_ids: list[int] = []
        self._timer = QTimer(self, singleShot=True, interval=150)  # one refresh per burst
        self._timer.timeout.connect(self.refresh)
        self._build()
        self.setStyleSheet(STYLE)
        ctx.events.data_changed.connect(self._on_changed)
        self.refresh()

    # --- layout ---------------------------------------------------------------

    def _build(self) -> None:
        content = QWidget()
        content.setObjectName("dashboard")
        grid = QGridLayout(content)
        grid.setContentsMargins(20, 12, 20, 12)
        grid.setSpacing(10)
        grid.addLayout(self._header(), 0, 0, 1, 2)
        grid.addLayout(self._figures(), 1, 0, 1, 2)
        grid.addLayout(self._lists(), 2, 0)
        grid.addLayout(self._charts(), 2, 1)
        grid.setColumnStretch(0, 60)
        grid.setColumnStretch(1, 40)
        grid.setRowStretch(2, 1)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(content)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(scroll)

    def _header(self) -> QHBoxLayout:
        self.title = label("pageTitle", _("Dashboard"))
        self.subtitle = label("subtitle")
        header = QHBoxLayout()
        header.addWidget(self.title)
        header.addSpacing(12)
        header.addWidget(self.subtitle, 1, Qt.AlignmentFlag.AlignBottom)
        return header

    def _figures(self) -> QHBoxLayout:
        self.figure_partnerships = Figure(_("Active partnerships"))
        self.figure_mission = Figure(_("Next mission"))
        self.figure_overdue = Figure(_("Overdue deadlines"))
        self.figure_budget = Figure("")
        figures = QHBoxLayout()
        figures.setSpacing(14)
        for figure in (self.figure_partnerships, self.figure_mission, self.figure_overdue,
                       self.figure_budget):
            figures.addWidget(figure, 1)
        return figures

    def _lists(self) -> QVBoxLayout:
        # Both names share the room and are elided (full text in the tooltip): a very long
        # partnership name must not push the country and the expiry out of the card.
        self.partnerships = self._tree(
            [_("Partnership"), _("Country"), _("Partner authority"), _("Expires")], 2, 0)
        self.partnerships.headerItem().setToolTip(3, _("Agreement expires"))
        self.missions = self._tree([_("Date"), _("Mission"), _("Destination")], 1)
        self.missions.setItemDelegate(TwoLineDelegate(self.missions))
        self.deadlines = self._tree([_("Date"), _("What"), _("When")], 1)
        return column(card(_("Active partnerships"), self.partnerships)[0],
                      card(_("Next missions"), self.missions)[0],
                      card(_("Deadlines"), self.deadlines)[0])

    def _charts(self) -> QVBoxLayout:
        self.budget_chart = BarChart()
        self.budget_chart.category_activated.connect(self._chart_activated)
        self.share_chart = ShareChart()
        self.cofinancing_note = label("note")
        budget_card, self.budget_title = card("", self.budget_chart)
        share_card, self.cofinancing_title = card("", self.share_chart, self.cofinancing_note)
        return column(budget_card, share_card)

    def _tree(self, headers: list[str], *stretch: int) -> QTreeWidget:
        tree = QTreeWidget()
        tree.setHeaderLabels(headers)
        tree.setRootIsDecorated(False)
        tree.setUniformRowHeights(True)
        tree.setAlternatingRowColors(True)
        tree.setAllColumnsShowFocus(True)
        tree.setFrameShape(QFrame.Shape.NoFrame)
        tree.setIconSize(QSize(26, 16))
        tree.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        header = tree.header()
        header.setStretchLastSection(False)
        header.setSectionsMovable(False)
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        for section in stretch:
            header.setSectionResizeMode(section, QHeaderView.ResizeMode.Stretch)
        tree.itemActivated.connect(self._item_activated)
        return tree

    # --- data -----------------------------------------------------------------

    def refresh(self) -> None:
        """Re-read everything shown: a handful of indexed queries."""
        self._timer.stop()
        self._stale = False
        db, today = self.ctx.db, self.ctx.today
        name, when = settings.get(db, "municipality_name"), fmt.date(today, format="full")
        self.subtitle.setText(f"{name} · {when}" if name else when)
        active = dashboard.active_partnerships(db)
        missions = dashboard.next_missions(db, today)
        summary = finance.year_summary(db, today.year)
        self._fill_figures(active, missions, summary)
        self._fill_partnerships(active)
        self._fill_missions(missions)
        self._fill_deadlines(dashboard.overdue_deadlines(db, today),
                             dashboard.coming_deadlines(db, today, COMING_DAYS))
        self._fill_budget(summary)
        self._fill_cofinancing(finance.cofinancing(db, today.year))

    def _fill_figures(self, active: list[Row], missions: list[Row], summary: list[Row]) -> None:
        countries = len({row["country"] for row in active if row["country"]})
        self.figure_partnerships.show_value(fmt.number(len(active)), ngettext(
            "in {n} country", "in {n} countries", countries).format(n=fmt.number(countries))
            if countries else "")
        if missions:
            first = missions[0]
            place = first["destination_city"] or fmt.country_name(first["destination_country"])
            days = self._days(first["start_date"])
            when = self._days_text(first["start_date"]) if days >= 0 else _("under way")
            self.figure_mission.show_value(fmt.date(first["start_date"]), f"{place} · {when}")
        else:
            self.figure_mission.show_value("—", _("none planned"))
        late, soon = dashboard.deadline_counts(self.ctx.db, self.ctx.today, COMING_DAYS)
        self.figure_overdue.show_value(fmt.number(late), ngettext(
            "{n} due within {days} days", "{n} due within {days} days", soon).format(
            n=fmt.number(soon), days=COMING_DAYS), OVERDUE if late else None)
        planned = sum((row["planned_expense"] for row in summary), Decimal(0))
        spent = sum((row["spent"] for row in summary), Decimal(0))
        self.figure_budget.caption.setText(_("Spent in {year}").format(year=self.ctx.today.year))
        note = _("of {planned} planned").format(planned=fmt.money(planned))
        share = f" ({fmt.percent(spent / planned)})" if planned else ""
        self.figure_budget.show_value(fmt.money(spent), note + share)

    def _fill_partnerships(self, rows: list[Row]) -> None:
        self.partnerships.clear()
        for row in rows:
            expiry = row["agreement_expiry_date"]
            item = add_row(self.partnerships, [
                row["name"], fmt.country_name(row["country"]), row["partner_name"] or "",
                fmt.date(expiry) or "—"], ("partnerships", row["id"]))
            item.setIcon(1, country_badge(row["country"]))
            days = self._days(expiry) if expiry else RENEWAL_DAYS + 1
            if days <= RENEWAL_DAYS:
                item.setForeground(3, OVERDUE if days < 0 else SOON)
                item.setFont(3, bold(item.font(3)))
                item.setToolTip(3, _("The agreement has expired.") if days < 0 else _(
                    "Expires {when}: time to prepare the renewal.").format(
                    when=self._days_text(expiry)))
            elif not expiry:
                item.setForeground(3, MUTED)
        fit(self.partnerships, _("No active partnership yet."))

    def _fill_missions(self, rows: list[Row]) -> None:
        self.missions.clear()
        for row in rows:
            country = row["destination_country"]
            item = add_row(self.missions, [
                fmt.date(row["start_date"]), row["title"],
                row["destination_city"] or fmt.country_name(country)], ("missions", row["id"]))
            status = MISSION_STATUSES.get(row["status"])
            direction = MISSION_DIRECTIONS.get(row["direction"])
            for col, second in enumerate((_(status) if status else "", row["partnership_name"],
                                          _(direction) if direction else "")):
                item.setData(col, SECONDARY, second)
            item.setToolTip(1, f"{row['title']}\n{row['partnership_name']}")
            item.setIcon(2, country_badge(country))
            item.setToolTip(2, fmt.country_name(country))
        fit(self.missions, _("No mission planned."))

    def _fill_deadlines(self, overdue: list[Row], coming: list[Row]) -> None:
        self.deadlines.clear()
        for n, row in enumerate(overdue + coming):
            item = add_row(self.deadlines, [
                fmt.date(row["due_date"]), row["title"], self._days_text(row["due_date"])],
                ("deadlines", row["id"]))
            item.setToolTip(1, "\n".join(t for t in (row["title"], row["partnership_name"]) if t))
            if n < len(overdue):
                for col in range(item.columnCount()):
                    item.setForeground(col, OVERDUE)
                item.setFont(2, bold(item.font(2)))
        fit(self.deadlines, _("Nothing due in the next {days} days.").format(days=COMING_DAYS),
            stretch=True)

    def _fill_budget(self, summary: list[Row]) -> None:
        year = self.ctx.today.year
        title = _("Budget {year}").format(year=year)
        if len(summary) > CHART_ROWS:  # a network of towns: the largest ones, readable
            summary = sorted(summary, key=lambda r: -max(r["planned_expense"], r["spent"],
                                                         r["received"]))[:CHART_ROWS]
            title = _("Budget {year}: the {n} largest partnerships").format(year=year,
                                                                            n=CHART_ROWS)
        self.budget_title.setText(title)
        self._budget_ids = [row["partnership_id"] for row in summary]
        self.budget_chart.empty_text = _("No budget or transaction in {year}.").format(year=year)
        self.budget_chart.set_data([row["name"] for row in summary], [
            (_("Planned expenses"), PLANNED, [row["planned_expense"] for row in summary]),
            (_("Spent"), SPENT, [row["spent"] for row in summary]),
            (_("Received"), RECEIVED, [row["received"] for row in summary])])

    def _fill_cofinancing(self, rows: list[Row]) -> None:
        year = self.ctx.today.year
        self.cofinancing_title.setText(_("Co-financing {year}").format(year=year))
        self.share_chart.empty_text = _("No income planned or received in {year}.").format(
            year=year)
        received = sum((row["received"] for row in rows), Decimal(0))
        planned = sum((row["planned"] for row in rows), Decimal(0))
        self.share_chart.set_data(funder_shares(rows, "received" if received else "planned"))
        note = _("{received} received of {planned} planned") if received else _(
            "{planned} planned; nothing received yet")
        self.cofinancing_note.setText(note.format(received=fmt.money(received),
                                                  planned=fmt.money(planned)))
        self.cofinancing_note.setVisible(bool(rows))

    def _days(self, day: str) -> int:
        return (date.fromisoformat(day) - self.ctx.today).days

    def _days_text(self, day: str) -> str:
        days = self._days(day)
        if days < 0:
            return ngettext("{n} day late", "{n} days late", -days).format(n=fmt.number(-days))
        if days <= 1:
            return _("today") if days == 0 else _("tomorrow")
        return ngettext("in {n} day", "in {n} days", days).format(n=fmt.number(days))

    # --- behaviour ------------------------------------------------------------

    def _on_changed(self, _table: str) -> None:
        self._stale = True
        if self.isVisible():
            self._timer.start()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._stale:
            self.refresh()

    def _item_activated(self, item: QTreeWidgetItem, _column: int) -> None:
        record = item.data(0, RECORD)
        if record:
            self.open_record.emit(record[0], int(record[1]))

    def _chart_activated(self, index: int) -> None:
        self.open_record.emit("partnerships", self._budget_ids[index])


class Figure(QFrame):
    """One summary figure: a caption, a big value, a short note."""

    def __init__(self, caption: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("card")
        self.caption = label("figureCaption", caption)
        self.value = label("figureValue")
        self.note = label("figureNote")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(14, 6, 14, 7)
        layout.setSpacing(0)
        for widget in (self.caption, self.value, self.note):
            layout.addWidget(widget)

    def show_value(self, value: str, note: str = "", colour: QColor | None = None) -> None:
        self.value.setText(value)
        self.value.setStyleSheet(f"color: {colour.name()};" if colour else "")
        self.note.setText(note)
        self.setToolTip(f"{self.caption.text()}\n{value}\n{note}")


def card(title: str, *widgets: QWidget) -> tuple[QFrame, QLabel]:
    """A white rounded panel with a title above its widgets."""
    frame, heading = QFrame(), label("cardTitle", title)
    frame.setObjectName("card")
    layout = QVBoxLayout(frame)
    layout.setSizeConstraint(QVBoxLayout.SizeConstraint.SetMinAndMaxSize)  # no taller than its list
    layout.setContentsMargins(14, 8, 14, 10)
    layout.setSpacing(6)
    for widget in (heading, *widgets):
        if isinstance(widget, QLabel):
            widget.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)
        layout.addWidget(widget)
    return frame, heading


def column(*cards: QWidget) -> QVBoxLayout:
    """Cards one above the other; the last one takes the spare height, up to its content."""
    layout = QVBoxLayout()
    layout.setSpacing(10)
    for n, widget in enumerate(cards):
        layout.addWidget(widget, 1 if n == len(cards) - 1 else 0)
    layout.addStretch(0)
    return layout


def label(name: str, text: str = "") -> QLabel:
    """A label the style sheet finds by ``name``."""
    widget = QLabel(text)
    widget.setObjectName(name)
    return widget


def add_row(tree: QTreeWidget, texts: list[str], record: tuple[str, int]) -> QTreeWidgetItem:
    item = QTreeWidgetItem(tree, texts)
    item.setData(0, RECORD, record)
    for col, text in enumerate(texts):
        item.setToolTip(col, text)
    return item


def fit(tree: QTreeWidget, empty_text: str, stretch: bool = False) -> None:
    """Size a list to its rows, or say why it is empty; ``stretch`` may scroll below 3 rows."""
    if tree.topLevelItemCount() == 0:
        item = QTreeWidgetItem(tree, [empty_text])
        item.setFlags(Qt.ItemFlag.NoItemFlags)
        item.setFirstColumnSpanned(True)
        item.setForeground(0, MUTED)
    header, row = tree.header().sizeHint().height(), max(tree.sizeHintForRow(0), 20)
    height = header + tree.topLevelItemCount() * row + 4
    tree.setMinimumHeight(min(height, header + 3 * row + 4) if stretch else height)
    tree.setMaximumHeight(height)


def funder_shares(rows: list[Row], field: str) -> list[tuple[str, QColor, Decimal]]:
    """The largest funders by name, the rest together as "n other funders"."""
    named = sorted((row for row in rows if row[field] > 0), key=lambda r: -r[field])
    if len(named) == TOP_FUNDERS + 1:  # naming the last one takes no more room
        return [(funder_name(row), QColor(PALETTE[n]), row[field]) for n, row in enumerate(named)]
    shares = [(funder_name(row), QColor(PALETTE[n]), row[field])
              for n, row in enumerate(named[:TOP_FUNDERS])]
    rest = sum((row[field] for row in named[TOP_FUNDERS:]), Decimal(0))
    if rest:
        shares.append((_("{n} other funders").format(n=len(named) - TOP_FUNDERS), OTHERS, rest))
    return shares


def funder_name(row: Row) -> str:
    """The funder organisation, else the kind of income ("Own funds", "In kind")."""
    label = INCOME_CATEGORIES.get(row["category"])
    return row["funder"] or (_(label) if label else row["category"])


def bold(font: QFont) -> QFont:
    font.setBold(True)
    return font
