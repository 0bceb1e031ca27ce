"""Sentences about each kind of record, written whole so that they translate well.

"New {kind}" cannot be translated into French ("Nouveau partenariat" but
"Nouvelle mission"), nor can "this {kind}" or a plural count: each table
gets its own complete messages, extracted by gettext like any other.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from core.i18n import N_, _, ngettext

if TYPE_CHECKING:
    from collections.abc import Callable

NEW_TITLES = {
    "organisations": N_("New organisation"),
    "contacts": N_("New contact"),
    "partnerships": N_("New partnership"),
    "partnership_contacts": N_("New link with a contact"),
    "projects": N_("New project"),
    "missions": N_("New mission"),
    "mission_participants": N_("New participant"),
    "budget_lines": N_("New budget line"),
    "transactions": N_("New transaction"),
    "journal_entries": N_("New journal entry"),
    "journal_entry_partnerships": N_("New journal link"),
    "deadlines": N_("New deadline"),
}
EDIT_TITLES = {
    "organisations": N_("Edit organisation"),
    "contacts": N_("Edit contact"),
    "partnerships": N_("Edit partnership"),
    "partnership_contacts": N_("Edit link with a contact"),
    "projects": N_("Edit project"),
    "missions": N_("Edit mission"),
    "mission_participants": N_("Edit participant"),
    "budget_lines": N_("Edit budget line"),
    "transactions": N_("Edit transaction"),
    "journal_entries": N_("Edit journal entry"),
    "journal_entry_partnerships": N_("Edit journal link"),
    "deadlines": N_("Edit deadline"),
}
THIS = {
    "organisations": N_("This organisation"),
    "contacts": N_("This contact"),
    "partnerships": N_("This partnership"),
    "partnership_contacts": N_("This link with a contact"),
    "projects": N_("This project"),
    "missions": N_("This mission"),
    "mission_participants": N_("This participant"),
    "budget_lines": N_("This budget line"),
    "transactions": N_("This transaction"),
    "journal_entries": N_("This journal entry"),
    "journal_entry_partnerships": N_("This journal link"),
    "deadlines": N_("This deadline"),
}
COUNTS: dict[str, Callable[[int], str]] = {
    "organisations": lambda n: ngettext("{n} organisation", "{n} organisations", n),
    "contacts": lambda n: ngettext("{n} contact", "{n} contacts", n),
    "partnerships": lambda n: ngettext("{n} partnership", "{n} partnerships", n),
    "partnership_contacts": lambda n: ngettext(
        "{n} link with a contact", "{n} links with contacts", n
    ),
    "projects": lambda n: ngettext("{n} project", "{n} projects", n),
    "missions": lambda n: ngettext("{n} mission", "{n} missions", n),
    "mission_participants": lambda n: ngettext("{n} participant", "{n} participants", n),
    "budget_lines": lambda n: ngettext("{n} budget line", "{n} budget lines", n),
    "transactions": lambda n: ngettext("{n} transaction", "{n} transactions", n),
    "journal_entries": lambda n: ngettext("{n} journal entry", "{n} journal entries", n),
    "journal_entry_partnerships": lambda n: ngettext(
        "{n} link with the journal", "{n} links with the journal", n
    ),
    "deadlines": lambda n: ngettext("{n} deadline", "{n} deadlines", n),
}


def window_title(table: str, editing: bool) -> str:
    return _((EDIT_TITLES if editing else NEW_TITLES)[table])


def count_text(table: str, n: int) -> str:
    """ "3 participants", in the language in use."""
    return COUNTS[table](n).format(n=n)


def impact_text(table: str, impact: dict[str, int]) -> str:
    """ "This mission and 3 participants, 2 transactions will go to the trash." """
    others = [
        count_text(other, n - (1 if other == table else 0))
        for other, n in impact.items()
        if n - (1 if other == table else 0) > 0
    ]
    this = _(THIS[table])
    if not others:
        return _("{this} will go to the trash.").format(this=this)
    return _("{this} and {others} will go to the trash.").format(
        this=this, others=", ".join(others)
    )
