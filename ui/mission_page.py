"""The mission page: one delegation trip, as a successor or an auditor needs to read it.

Who went where and when, why, what the programme was day by day, what came
of it and what must follow; who took part; what it cost (each amount in its
own currency and in euros) and what is still due for it.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from core import missions, records
from core.fmt import choice, period, place
from core.i18n import N_, _
from core.spec import MISSION_DIRECTIONS, MISSION_STATUSES
from ui import record_rows as rows
from ui import reports
from ui.record_page import RecordPage
from ui.record_pickers import ParticipantDialog
from ui.sections import (
    DANGER,
    INFO,
    NEUTRAL,
    SUCCESS,
    Col,
    KeyValueGrid,
    Section,
    TableSection,
    text_label,
)

if TYPE_CHECKING:
    from PySide6.QtWidgets import QWidget

    from ui.context import Context

Row = dict[str, Any]

STATUS_COLOURS = {"planned": INFO, "confirmed": SUCCESS, "done": NEUTRAL, "cancelled": DANGER}
TEXTS = (
    ("purpose", N_("Purpose")),
    ("programme", N_("Programme")),
    ("outcomes", N_("Outcomes")),
    ("follow_up", N_("Follow-up")),
)


class MissionPage(RecordPage):
    """One mission; participants, money and deadlines can be added from here."""

    TABLE = "missions"
    WATCHED = frozenset(
        {
            "missions",
            "partnerships",
            "projects",
            "mission_participants",
            "contacts",
            "organisations",
            "transactions",
            "deadlines",
        }
    )

    def __init__(self, ctx: Context, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.partnership_id: int | None = None
        self.participant_dialog: ParticipantDialog | None = None
        self.partnership_button = self.add_bar_button(
            _("Open the &partnership"), self.open_partnership
        )
        self.bar_buttons.insertWidget(0, self.partnership_button)
        self.preview_button, self.save_pdf_button = reports.add_buttons(
            self, "mission", _("Mission order and summary, to sign")
        )
        self.overview = self.add_section(Section(_("Overview")))
        self.facts = KeyValueGrid(pairs_per_row=2)
        self.overview.body.addWidget(self.facts)
        self.texts = {name: self._text_section(_(label)) for name, label in TEXTS}
        self._participants()
        self._money()
        self._deadlines()
        self.content.addStretch(1)
        self.set_tab_order()

    def _text_section(self, title: str) -> tuple[Section, Any]:
        section = self.add_section(Section(title))
        label = text_label()
        section.body.addWidget(label)
        return section, label

    def _participants(self) -> None:
        self.participants = TableSection(
            _("Participants"),
            [
                Col(_("Name")),
                Col(_("Category")),
                Col(_("Function and organisation"), wrap=True, optional=True),
                Col(_("Notes"), wrap=True, optional=True),
            ],
            _("No participant yet."),
        )
        self.participants.add_button(_("&Add a participant…"), self.add_participant)
        self.remove_button = self.participants.add_row_button(_("&Remove"), self.remove_participant)
        self.add_section(self.participants)

    def _money(self) -> None:
        self.money = TableSection(
            _("Expenses and income"),
            [
                Col(_("Date")),
                Col(_("Label"), wrap=True),
                Col(_("Category")),
                Col(_("Amount"), numeric=True),
                Col(_("Rate (per euro)"), numeric=True, optional=True),
                Col(_("Amount in EUR"), numeric=True),
            ],
            _("No transaction for this mission yet."),
        )
        self.money.add_button(_("New &transaction"), lambda: self.new("transactions"))
        self.money.table.opened.connect(lambda tid: self.edit("transactions", tid))
        self.add_section(self.money)

    def _deadlines(self) -> None:
        self.deadlines = TableSection(
            _("Deadlines"),
            [
                Col(_("Due date")),
                Col(_("Title"), wrap=True),
                Col(_("Kind")),
                Col(_("Done on"), optional=True),
            ],
            _("Nothing due for this mission."),
        )
        self.deadlines.add_button(_("New deadl&ine"), lambda: self.new("deadlines"))
        self.deadlines.table.opened.connect(lambda did: self.edit("deadlines", did))
        self.add_section(self.deadlines)

    # --- loading --------------------------------------------------------------

    def load(self, record_id: int) -> None:
        m = records.get(self.ctx.db, "missions", record_id)
        self.partnership_id = m["partnership_id"]
        self.title.setText(m["title"])
        status = m["status"] or ""
        self.badge.set_status(choice(MISSION_STATUSES, status), STATUS_COLOURS.get(status, NEUTRAL))
        self._load_overview(m)
        for name, (section, label) in self.texts.items():
            label.setText(m[name] or "")
            section.setVisible(bool(m[name]))
        db = self.ctx.db
        self.participants.set_lines(rows.participant_lines(missions.participants(db, record_id)))
        money = missions.transactions_of(db, record_id)
        self.money.set_lines(rows.transaction_lines(money), count=len(money))
        due = missions.deadlines_of(db, record_id)
        self.deadlines.set_lines(rows.deadline_lines(due, self.ctx.today.isoformat()))

    def _load_overview(self, m: Row) -> None:
        db = self.ctx.db
        self.facts.set_items(
            [
                (_("Partnership"), records.title(db, "partnerships", m["partnership_id"])),
                (
                    _("Project"),
                    records.title(db, "projects", m["project_id"]) if m["project_id"] else "",
                ),
                (_("Direction"), choice(MISSION_DIRECTIONS, m["direction"])),
                (_("Destination"), place(m["destination_city"], m["destination_country"])),
                (_("Dates"), period(m["start_date"], m["end_date"])),
            ]
        )

    # --- acting ---------------------------------------------------------------

    def new(self, table: str) -> int | None:
        """A new transaction or deadline for this mission and its partnership."""
        if self.record_id is None:
            return None
        defaults = {"partnership_id": self.partnership_id, "mission_id": self.record_id}
        return self.edit(table, None, defaults)

    def open_partnership(self) -> None:
        if self.partnership_id is not None:
            self.open_record.emit("partnerships", self.partnership_id)

    def add_participant(self) -> ParticipantDialog | None:
        """Open the dialog (not modal-blocking: tests and screenshots drive it)."""
        if self.record_id is None:
            return None
        self.participant_dialog = ParticipantDialog(self.ctx.db, self)
        self.participant_dialog.accepted.connect(self._save_participant)
        self.participant_dialog.open()
        return self.participant_dialog

    def _save_participant(self) -> None:
        if self.participant_dialog is None or self.record_id is None:
            return
        missions.add_participant(self.ctx.db, self.record_id, **self.participant_dialog.values())
        self.ctx.changed("mission_participants")

    def remove_participant(self) -> None:
        table = self.participants.table
        participant_id = table.selected_id()
        if participant_id is None:
            return
        name = table.lines[table.currentRow()].cells[0]
        self.remove_with_undo(
            "mission_participants",
            participant_id,
            _("{name} removed from the mission.").format(name=name),
        )
