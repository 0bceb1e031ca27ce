"""Builds each screen of the main window by its key, on first use."""

from __future__ import annotations

from typing import TYPE_CHECKING

from core.i18n import _
from core.spec import PLURALS

if TYPE_CHECKING:
    from PySide6.QtWidgets import QWidget

    from ui.context import Context

LIST_TABLES = ("partnerships", "organisations", "contacts", "missions", "budget_lines",
               "transactions", "deadlines", "journal_entries")


def build_page(ctx: Context, key: str) -> QWidget:
    if key in LIST_TABLES:
        from ui.list_page import ListPage

        return ListPage(ctx, key, _(PLURALS[key]))
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
    if key == "contact":
        from ui.contact_page import ContactPage

        return ContactPage(ctx)
    if key == "search":
        from ui.search_page import SearchPage

        return SearchPage(ctx)
    raise KeyError(key)
