"""Builds each screen of the main window by its key, on first use."""

from __future__ import annotations

from typing import TYPE_CHECKING

from core.i18n import N_, _

if TYPE_CHECKING:
    from PySide6.QtWidgets import QWidget

    from ui.context import Context

LIST_TITLES = {
    "partnerships": N_("Partnerships"),
    "organisations": N_("Organisations"),
    "contacts": N_("Contacts"),
    "missions": N_("Missions"),
    "budget_lines": N_("Budget"),
    "transactions": N_("Transactions"),
    "deadlines": N_("Deadlines"),
    "journal_entries": N_("Journal"),
}


def build_page(ctx: Context, key: str) -> QWidget:
    if key in LIST_TITLES:
        from ui.list_page import ListPage

        return ListPage(ctx, key, _(LIST_TITLES[key]))
    if key == "dashboard":
        from ui.dashboard_page import DashboardPage

        return DashboardPage(ctx)
    if key == "trash":
        from ui.trash_page import TrashPage

        return TrashPage(ctx)
    if key == "partnership":
        from ui.partnership_page import PartnershipPage

        return PartnershipPage(ctx)
    if key == "mission":
        from ui.mission_page import MissionPage

        return MissionPage(ctx)
    if key == "search":
        from ui.search_page import SearchPage

        return SearchPage(ctx)
    raise KeyError(key)
