"""The e-APD worksheet: what a French commune copies into the State's online form each spring.

The form itself is online, behind a login, with no template; so the
workbook states the rule and the deadline on its first sheet, then gives
the rows to type (country × channel × DAC sector), the amount of each
partnership with its live MAX(0, …) formula, the partnerships left out,
every transaction counted and the "1 % Oudin-Santini" budgets.
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, Any

from core import fmt, settings
from core.declarations import apd_rule, data
from core.declarations.sheets import text_sheet
from core.excel.exportsheet import Column, Table, write_table
from core.excel.write import Book, Formula
from core.i18n import NC_, _
from core.money import from_cents
from core.spec import BUDGET_SOURCES, CATEGORIES

if TYPE_CHECKING:
    from pathlib import Path

    from sqlite_utils import Database

SHEETS = {
    "rules": NC_("sheet", "Rules and deadline"),
    "rows": NC_("sheet", "Declaration"),
    "partnerships": NC_("sheet", "By partnership"),
    "left_out": NC_("sheet", "Not on the DAC list"),
    "detail": NC_("sheet", "Transactions counted"),
    "one_percent": NC_("sheet", "1 % budgets"),
}


def export_apd(db: Database, out: Path, year: int) -> apd_rule.Declaration:
    """Write the e-APD worksheet of ``year`` to ``out`` (whole or not at all)."""
    with db.atomic():
        declared = apd_rule.declaration(db, year)
        municipality = settings.get(db, "municipality_name")
        identifiers = _identifiers(db)
    with Book(out, municipality) as book:
        text_sheet(book, _(SHEETS["rules"]), rules_lines(declared, municipality, identifiers))
        for table in (rows_table(declared), partnerships_table(declared),
                      left_out_table(declared), detail_table(declared),
                      one_percent_table(declared)):
            write_table(book, table)
    return declared


def _identifiers(db: Database) -> str:
    siren, insee = settings.get(db, "municipality_siren"), settings.get(db, "municipality_insee")
    return fmt.joined(" · ", siren and f"SIREN {siren}", insee and f"INSEE {insee}")


def rules_lines(declared: apd_rule.Declaration, municipality: str, ids: str) -> list[list[Any]]:
    """The first sheet: who declares what, by when, and how the amounts were computed."""
    year = declared.year
    lines: list[list[Any]] = [
        [_("e-APD declaration of official development assistance – year {year}").format(
            year=year)],
        [fmt.joined(" – ", municipality, ids)],
        [],
        [_("Deadline"), _("Campaign from 15 April to 31 May {next}, for the expenses of {year} "
                          "(art. L.1115-6 CGCT).").format(next=year + 1, year=year)],
        [_("Rule"), _("For each partnership whose partner country is on the DAC list of ODA "
                      "recipients, the amount declared is the commune's own disbursement: its "
                      "expenses of the year in EUR (staff time included, declarable as "
                      "«dépenses de service et charges de suivi»), minus what other funders "
                      "paid that year (income of the kinds grant and partner contribution; own "
                      "funds and in-kind are not subtracted), never below zero.")],
        [_("Left out"), _("Partnerships with a country not on the list are left out and "
                          "listed on their own sheet.")],
        [_("Rows"), _("One row per country × channel × DAC sector; a partnership's amount is "
                      "shared among its rows in proportion to what was spent in each.")],
        [_("DAC list"), _("OECD DAC List of ODA Recipients effective for {first} and {last} "
                          "flows.").format(first=data.DAC_LIST_YEARS[0],
                                           last=data.DAC_LIST_YEARS[1])],
        [],
        [_("Total to declare"), from_cents(declared.total)],
        [_("Partnerships counted"), len(declared.counted)],
        [_("Partnerships left out"), len(declared.left_out)],
    ]
    lines += [[_("Warning"), text] for text in one_percent_warnings(declared)]
    return lines


def one_percent_warnings(declared: apd_rule.Declaration) -> list[str]:
    return [
        _("{budget}: {spent} spent, more than 1 % of the {resources} of resources entered.")
        .format(budget=_(BUDGET_SOURCES[item.budget]), spent=fmt.money(from_cents(item.spent)),
                resources=fmt.money(item.resources))
        for item in declared.one_percent if item.over
    ]


def rows_table(declared: apd_rule.Declaration) -> Table:
    columns = [
        Column(_("Country code")), Column(_("Country")), Column(_("Channel code")),
        Column(_("Channel"), "wrap"), Column(_("DAC sector code")), Column(_("DAC sector"), "wrap"),
        Column(_("Amount declared"), "eur", total=True),
    ]
    rows = [
        [country, fmt.country_name(country), channel, _(data.CHANNELS[channel]), sector,
         data.dac_sectors().get(sector, ""), from_cents(cents)]
        for (country, channel, sector), cents in declared.rows.items()
    ]
    return Table(_(SHEETS["rows"]), columns, rows, caption=_caption(declared, SHEETS["rows"]))


def partnerships_table(declared: apd_rule.Declaration) -> Table:
    columns = [
        Column(_("Partnership"), "wrap"), Column(_("Country")),
        Column(_("Expenses"), "eur", total=True),
        Column(_("Paid by other funders"), "eur", total=True),
        Column(_("Amount declared"), "eur", total=True),
    ]
    rows = [
        [p.name, fmt.country_name(p.country), from_cents(p.expenses),
         from_cents(p.other_funders), Formula(f"=MAX(0,C{index}-D{index})")]
        for index, p in enumerate(declared.counted, start=2)
    ]
    return Table(_(SHEETS["partnerships"]), columns, rows,
                 caption=_caption(declared, SHEETS["partnerships"]))


def left_out_table(declared: apd_rule.Declaration) -> Table:
    columns = [Column(_("Partnership"), "wrap"), Column(_("Country")),
               Column(_("Expenses"), "eur", total=True), Column(_("Why"), "wrap")]
    rows = [
        [p.name, fmt.country_name(p.country) or None, from_cents(p.expenses),
         _("Country not on the DAC list of ODA recipients.") if p.country
         else _("The partnership has no country.")]
        for p in declared.left_out
    ]
    return Table(_(SHEETS["left_out"]), columns, rows,
                 caption=_caption(declared, SHEETS["left_out"]))


def detail_table(declared: apd_rule.Declaration) -> Table:
    from decimal import Decimal

    columns = [
        Column(_("Date"), "date"), Column(_("Partnership"), "wrap"), Column(_("Label"), "wrap"),
        Column(_("Category")), Column(_("Counted as")), Column(_("Country")),
        Column(_("Channel code")), Column(_("DAC sector code")), Column(_("Paid from budget")),
        Column(_("Amount"), "money"), Column(_("Currency")), Column(_("Rate (per euro)"), "rate"),
        Column(_("Amount in EUR"), "eur"),
    ]
    counted = {"expense": _("Expense"), "subtracted": _("Subtracted (other funder)")}
    rows = [
        [dt.date.fromisoformat(t["date"]), t["partnership"], t["label"],
         fmt.choice(CATEGORIES, t["category"]), counted[t["counted_as"]], t["country"],
         data.channel(t["org_kind"], t["org_country"]) if t["kind"] == "expense" else None,
         t["sector"] if t["kind"] == "expense" else None,
         fmt.choice(BUDGET_SOURCES, t["budget_source"] or "general"),
         from_cents(t["amount_cents"]), t["currency"], Decimal(t["rate"]) if t["rate"] else None,
         from_cents(t["amount_eur_cents"])]
        for t in declared.detail
    ]
    return Table(_(SHEETS["detail"]), columns, rows, caption=_caption(declared, SHEETS["detail"]))


def one_percent_table(declared: apd_rule.Declaration) -> Table:
    columns = [
        Column(_("Budget")), Column(_("Spent in the year"), "eur"),
        Column(_("Resources entered"), "eur"), Column(_("1 % of the resources"), "eur"),
        Column(_("Check"), "wrap"),
    ]
    rows = []
    for index, item in enumerate(declared.one_percent, start=2):
        rows.append([
            _(BUDGET_SOURCES[item.budget]), from_cents(item.spent), item.resources,
            Formula(f"=C{index}/100") if item.resources is not None else None,
            _("Over the 1 % ceiling") if item.over
            else _("Resources not entered") if item.resources is None and item.spent
            else _("Within the ceiling") if item.resources is not None else None,
        ])
    return Table(_(SHEETS["one_percent"]), columns, rows,
                 caption=_caption(declared, SHEETS["one_percent"]))


def _caption(declared: apd_rule.Declaration, sheet: str) -> str:
    return f"e-APD {declared.year} – {_(sheet)}"
