"""The partnership page: the whole story of one partnership, for whoever comes next.

When the officer or the elected officials change, this page is what the
successor reads, top to bottom: who the partner is and what was signed,
the people, the projects, the missions, the money year by year, what is
still due, and the journal of what was decided.
"""

from __future__ import annotations

from datetime import date, timedelta
from typing import TYPE_CHECKING, Any

from core import fmt, journal, listing, missions, partnerships, records
from core.fmt import choice
from core.i18n import _
from core.spec import PARTNERSHIP_STATUSES
from ui import record_rows as rows
from ui import reports
from ui.partnership_budget import BudgetSection
from ui.record_page import RecordPage
from ui.record_pickers import LinkContactDialog
from ui.sections import (
    DANGER,
    INFO,
    NEUTRAL,
    SUCCESS,
    WARNING,
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

STATUS_COLOURS = {"exploratory": INFO, "active": SUCCESS, "dormant": WARNING, "ended": NEUTRAL}


class PartnershipPage(RecordPage):
    """One partnership, read-first; every part has the buttons to add to it."""

    TABLE = "partnerships"
    WATCHED = frozenset(
        {
            "partnerships",
            "partnership_contacts",
            "contacts",
            "organisations",
            "projects",
            "missions",
            "mission_participants",
            "budget_lines",
            "transactions",
            "deadlines",
            "journal_entries",
            "journal_entry_partnerships",
        }
    )

    def __init__(self, ctx: Context, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.link_dialog: LinkContactDialog | None = None
        self.preview_button, self.save_pdf_button = reports.add_buttons(
            self, "partnership", _("Handover sheet of the partnership")
        )
        self._overview()
        self._contacts()
        self._projects()
        self._missions()
        self.budget = BudgetSection(_("Budget and actuals"), _("No budget or transaction yet."))
        self.budget.add_button(_("New &budget line"), lambda: self.new("budget_lines"))
        self.budget.add_button(_("New &transaction"), lambda: self.new("transactions"))
        self.add_section(self.budget)
        self._deadlines()
        self._journal()
        self.content.addStretch(1)
        self.set_tab_order()

    # --- building -------------------------------------------------------------

    def _overview(self) -> None:
        self.overview = self.add_section(Section(_("Overview")))
        self.facts = KeyValueGrid(pairs_per_row=2)
        self.summary = text_label()
        for widget in (self.facts, self.summary):
            self.overview.body.addWidget(widget)

    def _contacts(self) -> None:
        self.contacts = TableSection(
            _("Contacts"),
            [
                Col(_("Name")),
                Col(_("Role in the partnership")),
                Col(_("Function and organisation"), wrap=True, weight=2),
                Col(_("E-mail and phone"), optional=True),
            ],
            _("No contact linked yet."),
        )
        self.contacts.add_button(_("&Link a contact…"), self.link_contact)
        self.unlink_button = self.contacts.add_row_button(_("&Remove link"), self.unlink_contact)
        self.contacts.table.opened.connect(self._open_contact)
        self.add_section(self.contacts)

    def _projects(self) -> None:
        self.projects = TableSection(
            _("Projects"),
            [
                Col(_("Title"), wrap=True),
                Col(_("Where")),
                Col(_("Status")),
                Col(_("Dates")),
                Col(_("SDGs"), optional=True),
                Col(_("OECD DAC sector"), optional=True),
            ],
            _("No project yet."),
        )
        self.projects.add_button(_("New &project"), lambda: self.new("projects"))
        self.projects.table.opened.connect(lambda pid: self.edit("projects", pid))
        self.add_section(self.projects)

    def _missions(self) -> None:
        self.missions = TableSection(
            _("Missions"),
            [
                Col(_("Dates")),
                Col(_("Title"), wrap=True),
                Col(_("Direction")),
                Col(_("Destination")),
                Col(_("Status")),
                Col(_("Participants"), numeric=True),
            ],
            _("No mission yet."),
        )
        self.missions.add_button(_("New &mission"), lambda: self.new("missions"))
        self.missions.table.opened.connect(lambda mid: self.open_record.emit("missions", mid))
        self.add_section(self.missions)

    def _deadlines(self) -> None:
        self.deadlines = TableSection(
            _("Open deadlines"),
            [Col(_("Due date")), Col(_("Title"), wrap=True), Col(_("Kind"))],
            _("Nothing due."),
        )
        self.deadlines.add_button(_("New deadl&ine"), lambda: self.new("deadlines"))
        self.deadlines.table.opened.connect(lambda did: self.edit("deadlines", did))
        self.add_section(self.deadlines)

    def _journal(self) -> None:
        self.journal = TableSection(
            _("Journal"),
            [
                Col(_("Date")),
                Col(_("Kind")),
                Col(_("Title"), wrap=True, weight=2),
                Col(_("Decisions and follow-up"), wrap=True, weight=3),
            ],
            _("No journal entry yet."),
        )
        self.journal.add_button(_("New &journal entry"), lambda: self.new("journal_entries"))
        self.journal.table.opened.connect(lambda jid: self.edit("journal_entries", jid))
        self.add_section(self.journal)

    # --- loading --------------------------------------------------------------

    def load(self, record_id: int) -> None:
        p = records.get(self.ctx.db, "partnerships", record_id)
        self.title.setText(p["name"])
        status = p["status"] or ""
        self.badge.set_status(
            choice(PARTNERSHIP_STATUSES, status), STATUS_COLOURS.get(status, NEUTRAL)
        )
        self._load_overview(p)
        self._load_tables(record_id)

    def _load_overview(self, p: Row) -> None:
        partner = p["partner_organisation_id"]
        self.facts.set_items(
            [
                (
                    _("Partner authority"),
                    records.title(self.ctx.db, "organisations", partner) if partner else "",
                ),
                (_("Country"), fmt.country_name(p["country"])),
                (_("Since"), fmt.date(p["start_date"])),
                (_("Ended"), fmt.date(p["end_date"])),
                (_("Agreement signed"), fmt.date(p["agreement_signed_date"])),
                self._expiry(p["agreement_expiry_date"]),
            ],
            wide=[
                (_("Framework programme"), p["framework_programme"]),
                (_("Themes"), p["themes"]),
                (_("SDGs"), fmt.sdgs(p["sdgs"])),
            ],
        )
        self.summary.setText(p["summary"] or "")
        self.summary.setVisible(bool(p["summary"]))

    def _expiry(self, expiry: str | None) -> tuple[str, str, str]:
        """The agreement's end, in red once past and in amber within six months."""
        label = _("Agreement expires")
        if not expiry:
            return label, "", ""
        text, day = fmt.date(expiry), date.fromisoformat(expiry)
        if day < self.ctx.today:
            return label, _("{date} (expired)").format(date=text), DANGER
        if day <= self.ctx.today + timedelta(days=183):
            return label, _("{date} (in less than six months)").format(date=text), WARNING
        return label, text, ""

    def _load_tables(self, pid: int) -> None:
        db, today = self.ctx.db, self.ctx.today.isoformat()
        self.contacts.set_lines(rows.contact_lines(partnerships.contacts_of(db, pid)))
        projects = records.list_records(
            db, "projects", filters={"partnership_id": pid}, order_by="start_date"
        )
        self.projects.set_lines(rows.project_lines(projects))
        self.missions.set_lines(rows.mission_lines(missions.of_partnership(db, pid)))
        self.budget.load(db, pid)
        due = listing.fetch(db, "deadlines", filters={"partnership_id": pid, "done": 0})
        self.deadlines.set_lines(rows.open_deadline_lines(due, today))
        self.journal.set_lines(rows.journal_lines(journal.entries_of(db, pid)))

    # --- acting ---------------------------------------------------------------

    def new(self, table: str) -> int | None:
        """A new record of ``table`` inside this partnership."""
        if self.record_id is None:
            return None
        return self.edit(table, None, {"partnership_id": self.record_id})

    def link_contact(self) -> LinkContactDialog | None:
        """Open the dialog (not modal-blocking: tests and screenshots drive it)."""
        if self.record_id is None:
            return None
        self.link_dialog = LinkContactDialog(self.ctx.db, self)
        self.link_dialog.accepted.connect(self._save_link)
        self.link_dialog.open()
        return self.link_dialog

    def _save_link(self) -> None:
        if self.link_dialog is None or self.record_id is None:
            return
        values = self.link_dialog.values()
        partnerships.link_contact(
            self.ctx.db, self.record_id, values["contact_id"], values["role"], values["notes"]
        )
        self.ctx.changed("partnership_contacts")

    def unlink_contact(self) -> None:
        link_id = self.contacts.table.selected_id()
        if link_id is None:
            return
        name = self.contacts.table.lines[self.contacts.table.currentRow()].cells[0]
        self.remove_with_undo(
            "partnership_contacts",
            link_id,
            _("{name} is no longer linked to the partnership.").format(name=name),
        )

    def _open_contact(self, link_id: int) -> None:
        link = records.get(self.ctx.db, "partnership_contacts", link_id)
        self.edit("contacts", link["contact_id"])
