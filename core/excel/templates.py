"""Empty import workbooks, one per kind, for partners abroad to fill in.

The headers are the ones the import recognises, in the user's language;
dropdowns offer the country names, the currency codes and the choices
(status, category…), so that what comes back can be read; a "Notes" sheet
says in plain words what each column expects. Text columns are formatted as
text, so that a phone number typed "+221 33 …" stays a phone number.
"""

from __future__ import annotations

from itertools import zip_longest
from typing import TYPE_CHECKING

from core import fmt
from core.excel.exportcolumns import KindColumn, import_columns
from core.excel.exportsheet import Column, Table, letter, write_table
from core.excel.write import Book
from core.i18n import _
from core.spec import PLURALS, SPECS

if TYPE_CHECKING:
    from pathlib import Path

    from openpyxl.worksheet._write_only import WriteOnlyWorksheet

COMMON_CURRENCIES = ("EUR", "XOF", "XAF", "MAD", "BOB", "USD", "GBP", "CHF", "KMF")
LAST_ROW = 5000  # rows offered with dropdowns


def write_template(kind: str, out: Path) -> None:
    """Write the empty import workbook of ``kind`` to ``out``."""
    from core.excel.export import table_of

    table = table_of(kind)
    columns = import_columns(table)
    lists = {c.key: values for c in columns if (values := choice_list(c))}
    with Book(out) as book:
        entry = Table(
            _(PLURALS[table]),
            [Column(c.header, c.cell_kind) for c in columns],
            [],
            entry=True,
        )
        ws = write_table(book, entry).ws
        write_table(book, notes_table(columns))
        lists_ws = write_table(book, lists_table(columns, lists)).ws
        lists_ws.sheet_state = "hidden"
        add_dropdowns(ws, columns, lists, lists_ws.title)


def choice_list(column: KindColumn) -> list[str]:
    """The values offered in a column's dropdown; none for free columns."""
    f = column.field
    if f is None or column.role != "field":
        return []
    if f.type == "choice":
        return [_(label) for label in f.choices.values()]
    if f.type == "country":
        return countries()
    if f.type == "currency":
        return currencies()
    return []


def countries() -> list[str]:
    """Every country's name in the current language, in alphabetical order."""
    from core.parse import normalise_key
    from core.settings import country_codes

    return sorted({fmt.country_name(code) for code in country_codes()}, key=normalise_key)


def currencies() -> list[str]:
    """Our partners' currencies first, then every other ISO 4217 code."""
    from babel.numbers import list_currencies

    others = sorted(set(list_currencies()) - set(COMMON_CURRENCIES))
    return [*COMMON_CURRENCIES, *others]


def lists_table(columns: list[KindColumn], lists: dict[str, list[str]]) -> Table:
    """The hidden sheet the dropdowns read their values from, one column per list."""
    headers = [Column(c.header) for c in columns if c.key in lists]
    rows = zip_longest(*lists.values())
    return Table(_("Lists"), headers or [Column("")], list(rows))


def add_dropdowns(
    ws: WriteOnlyWorksheet, columns: list[KindColumn], lists: dict[str, list[str]], source: str
) -> None:
    """A dropdown on each column with a list; a choice must be one of its values, a country
    or a currency may be another one after a warning (the import reads more than the list)."""
    from openpyxl.utils import quote_sheetname
    from openpyxl.worksheet.datavalidation import DataValidation

    for position, key in enumerate(lists):
        index = next(i for i, c in enumerate(columns) if c.key == key)
        ref = letter(position)
        f = columns[index].field
        strict = f is not None and f.type == "choice"
        rule = DataValidation(
            type="list",
            formula1=f"{quote_sheetname(source)}!${ref}$2:${ref}${len(lists[key]) + 1}",
            allow_blank=True,
            showErrorMessage=True,
            errorStyle="stop" if strict else "warning",
            errorTitle=columns[index].header[:32],
            error=_("Choose a value from the list.")[:255],
        )
        rule.add(f"{letter(index)}2:{letter(index)}{LAST_ROW}")
        ws.data_validations.append(rule)


# --- the notes sheet -------------------------------------------------------------


def notes_table(columns: list[KindColumn]) -> Table:
    """One line per column: its header, whether it is required, what to write in it."""
    headers = [Column(_("Column")), Column(_("Required")), Column(_("What to write"))]
    rows = [
        [c.header, _("Yes") if c.field and c.field.required else "", explain(c, columns)]
        for c in columns
    ]
    return Table(_("Notes"), headers, rows, max_width=100)


def explain(column: KindColumn, columns: list[KindColumn]) -> str:
    """What a column expects, in plain words."""
    f = column.field
    assert f is not None
    if column.role == "name":
        assert f.ref is not None
        record = _(SPECS[f.ref].label).lower()
        return _("The name of the {record}, as it is written in the application.").format(
            record=record
        )
    if column.role == "detail":
        return _explain_detail(column.key)
    if f.type == "choice":
        return _("One of: {values}.").format(values=", ".join(_(v) for v in f.choices.values()))
    if f.name == "amount":
        currency = next((c.header for c in columns if c.key == "currency"), "")
        return _(
            "The amount, in the currency of the «{currency}» column: 1 250,50 or 1250.50."
        ).format(currency=currency)
    return _explain_type(f.name, f.type)


def _explain_detail(key: str) -> str:
    """The columns beside a link that find the linked record (see exportcolumns.LINK_DETAILS)."""
    texts = {
        "mission_start": _("The mission's start date, day first: with its title, it finds "
                           "the mission."),
        "partnership": _("The mission's partnership, when two missions have the same title "
                         "and start date."),
        "email": _("The contact's e-mail: it finds the contact, even among people who share "
                   "an address or a name. Leave both contact columns empty and write the "
                   "name for someone who is not a contact."),
    }
    return texts.get(key, _("Free text."))


def _explain_type(name: str, type_: str) -> str:
    if name == "amount_eur":
        return _("The same amount in euros, when you know it; otherwise the rate gives it.")
    texts = {
        "date": _("A date, day first: 06/03/2023 or 6 March 2023."),
        "year": _("A year, such as 2026."),
        "currency": _("The currency's ISO code: EUR, XOF (CFA franc), MAD, BOB…; empty: euros."),
        "rate": _(
            "How many units of the currency make 1 euro (10.85 for MAD). Not needed for "
            "euros, for XOF and XAF (fixed parity), nor when the amount in euros is given."
        ),
        "country": _(
            "The country's name in French, Dutch or English, or its two-letter code (SN, MA)."
        ),
        "sdgs": _("Numbers of the Sustainable Development Goals (1 to 17), separated by commas."),
        "dac": _("The OECD DAC sector: a 5-digit code, such as 15112."),
        "bool": _("Yes or No."),
    }
    return texts.get(type_, _("Free text."))
