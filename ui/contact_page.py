"""The contact page: one person, what the file holds about them, and their GDPR rights.

Their details and legal basis, the partnerships and missions they are part
of, the minutes that name them, and the log of every export of their data;
from here the officer answers an access request (one workbook) or erases
the person (anonymisation), as the GDPR asks a commune to be able to do.
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, Any

from core import fmt
from core import spec as S
from core.gdpr import log
from core.gdpr.access import gather
from core.i18n import _
from ui import gdpr_actions
from ui.record_page import RecordPage
from ui.sections import WARNING, Col, KeyValueGrid, Line, Section, TableSection

if TYPE_CHECKING:
    from PySide6.QtWidgets import QWidget

    from ui.context import Context

Row = dict[str, Any]


class ContactPage(RecordPage):
    TABLE = "contacts"
    WATCHED = frozenset({"contacts", "organisations", "partnerships", "partnership_contacts",
                         "missions", "mission_participants", "journal_entries",
                         "personal_data_log"})

    def __init__(self, ctx: Context, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.anonymise_dialog: gdpr_actions.AnonymiseDialog | None = None
        self.access_button = self.add_bar_button(_("E&xport their data…"), self.export_access)
        self.access_button.setToolTip(_("Everything held about this person, in one workbook "
                                        "(GDPR right of access)"))
        self.anonymise_button = self.add_bar_button(_("&Anonymise…"), self.anonymise)
        self.anonymise_button.setToolTip(_("Erase this person, keeping missions, partnerships "
                                           "and accounts (GDPR right to erasure)"))
        self.overview = self.add_section(Section(_("Details")))
        self.facts = KeyValueGrid(pairs_per_row=2)
        self.overview.body.addWidget(self.facts)
        self.partnerships = self._table(_("Partnerships"), [Col(_("Partnership"), stretch=True),
                                        Col(_("Role")), Col(_("Notes"), wrap=True, optional=True)],
                                        _("Linked to no partnership."), "partnerships")
        self.missions = self._table(_("Missions"), [Col(_("Mission"), stretch=True),
                                    Col(_("Dates")), Col(_("Destination")), Col(_("Category"))],
                                    _("Took part in no mission."), "missions")
        self.journal = self._table(_("Journal entries that name them"), [
            Col(_("Date")), Col(_("Title"), stretch=True), Col(_("Partnerships"), wrap=True)],
            _("No journal entry names them."), "journal_entries")
        self.log = self._table(_("Personal data log"), [
            Col(_("Date")), Col(_("Action")), Col(_("File or list"), stretch=True),
            Col(_("Contacts in it"), numeric=True)],
            _("Their data was never exported."), None)
        self.content.addStretch(1)
        self.set_tab_order()

    def _table(self, title: str, columns: list[Col], empty: str, table: str | None
               ) -> TableSection:
        section = TableSection(title, columns, empty)
        if table is not None:
            section.table.opened.connect(lambda rid: self.open_record.emit(table, rid))
        return self.add_section(section)  # type: ignore[return-value]

    # --- loading --------------------------------------------------------------

    def load(self, record_id: int) -> None:
        data = gather(self.ctx.db, record_id, mentioned_in=("journal_entries",))
        contact = data["contact"]
        self.title.setText(fmt.joined(" ", contact["first_name"], contact["last_name"]))
        anonymised = log.is_anonymised(self.ctx.db, record_id)
        self.badge.set_status(_("Anonymised") if anonymised else "", WARNING)
        self.anonymise_button.setEnabled(not anonymised)
        self._load_facts(contact, data["organisation"])
        self.partnerships.set_lines([Line(r["partnership_id"], [
            r["partnership"], fmt.choice(S.PARTNERSHIP_ROLES, r["role"]), r["notes"] or ""])
            for r in data["partnerships"]])
        self.missions.set_lines([Line(r["mission_id"], [
            r["mission"], fmt.period(r["start_date"], r["end_date"]),
            fmt.place(r["destination_city"], r["destination_country"]),
            fmt.choice(S.PARTICIPANT_CATEGORIES, r["category"])]) for r in data["missions"]])
        self.journal.set_lines([Line(r["id"], [fmt.date(r["date"]), r["title"],
                                               r["partnership"]])
                                for r in reversed(data["journal_entries"])])
        self.log.set_lines([Line(None, [
            _local_time(r["logged_at"]),
            _(log.ACTIONS.get(r["action"], r["action"])), r["what"], str(r["contacts"])])
            for r in data["personal_data_log"]])

    def _load_facts(self, contact: Row, organisation: Row | None) -> None:
        basis = contact["legal_basis"]
        legal: tuple[str, str | None, str] = (
            (_("Legal basis"), fmt.joined(", ", fmt.choice(S.LEGAL_BASES, basis),
                                          fmt.date(contact["legal_basis_date"])), "")
            if basis else (_("Legal basis"), _("No legal basis recorded"), WARNING))
        self.facts.set_items([
            (_("Organisation"), organisation["name"] if organisation else ""),
            (_("Role"), contact["role"]),
            (_("E-mail"), contact["email"]),
            (_("Phone"), contact["phone"]),
            (_("Languages"), contact["languages"]),
            (_("Country"), fmt.country_name(contact["country"])),
            legal,
        ], wide=[(_("Notes"), contact["notes"])])

    # --- acting ---------------------------------------------------------------

    def export_access(self) -> None:
        if self.record_id is not None:
            gdpr_actions.export_access(self, self.ctx, self.record_id)

    def anonymise(self) -> None:
        if self.record_id is not None:
            self.anonymise_dialog = gdpr_actions.anonymise(self, self.ctx, [self.record_id])


def _local_time(stamp: str) -> str:
    """A UTC stamp of the log as the date and time on this computer."""
    try:
        when = dt.datetime.fromisoformat(stamp.replace("Z", "+00:00")).astimezone()
    except ValueError:
        return stamp
    return f"{fmt.date(when.date())} {when:%H:%M}"
