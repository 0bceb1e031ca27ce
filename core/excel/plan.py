"""What an import would do, row by row, before anything is written.

The sheet whose header is recognised is chosen, its columns mapped, and
every row read: created, updated, skipped as a duplicate, or rejected with
its reason (row, column, value). Blank lines, repeated headers and total
rows are passed over. The wizard shows this plan; ``apply`` writes it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import TYPE_CHECKING, Any

from core import records
from core.errors import UserError, ValidationError
from core.excel import cells, columns, extras
from core.excel.duplicates import Duplicates
from core.excel.keys import Lookups
from core.excel.options import ImportOptions, remembered_headers
from core.i18n import _
from core.parse import month_names, normalise_key, parse_amount
from core.spec import SPECS

if TYPE_CHECKING:
    from sqlite_utils import Database

    from core.excel.read import Sheet

# A row is a total when its first filled cell *is* one of these, alone or with words
# that qualify a total ("Total général", "TOTAL 2023", "Sous-total dépenses"): never
# when it merely begins like one, for Somé, Sommer, Somoto, Totah and Total Énergies
# are people, towns and companies.
TOTAL_WORDS = frozenset({
    "total", "totaal", "totaux", "totals", "totale", "sous total", "sous totaux",
    "subtotal", "sub total", "subtotaal", "somme", "som", "grand total", "eindtotaal",
    "algemeen totaal", "montant total", "totaal bedrag", "total amount",
})
TOTAL_INITIALS = frozenset(word[0] for word in TOTAL_WORDS)
# "8", "272 jumelages", "8 contacts": how many rows a total counts.
_COUNT = re.compile(r"\d+(?:\s+[^\W\d_]+\.?)?")
TOTAL_QUALIFIERS = frozenset({
    "general", "generale", "generaux", "generaal", "algemeen", "des", "de", "du", "la",
    "les", "van", "der", "het", "depenses", "recettes", "expenses", "income", "receipts",
    "uitgaven", "ontvangsten", "ttc", "ht", "eur", "euro", "euros", "annee", "year", "jaar",
})
# Fields a total row may fill besides its label: sums and the year they are for.
TOTAL_FIELD_TYPES = frozenset({"money", "rate", "year"})
# Import fields that name a linked record rather than hold a value.
REFERENCES = {"organisation", "partner", "funder", "partnership", "full_name", "id",
              "mission", "mission_start", "contact"}


@dataclass
class PlannedRow:
    row: int  # as the spreadsheet program numbers it
    action: str  # create, update, skip, reject
    values: dict[str, Any] = field(default_factory=dict)
    existing_id: int | None = None
    reason: str = ""
    cells: list[Any] = field(default_factory=list)
    checked: dict[str, Any] = field(default_factory=dict)  # SQL columns, as records.to_row made
    cause: str = ""  # a rejection's reason without its row, to name rows of one cause once


@dataclass(frozen=True)
class PassedRow:
    """A row under the header that is no record: blank, the header again, or a total."""

    row: int
    reason: str


@dataclass
class ImportPlan:
    kind: str
    path: Path
    sheet: str
    header_row: int
    headers: list[str]
    mapping: dict[int, str]
    rows: list[PlannedRow]
    new_organisations: dict[str, tuple[str, str | None, str]] = field(default_factory=dict)
    passed: list[PassedRow] = field(default_factory=list)
    foreign_numbers: list[int] = field(default_factory=list)  # rows whose N° is not theirs
    guessed: set[int] = field(default_factory=set)  # columns matched by a guess, to confirm
    shape: str | None = None  # the program that wrote the sheet, when recognised
    fixed: dict[str, Any] = field(default_factory=dict)  # --set: field -> value, every row
    chosen: cells.Chosen = field(default_factory=dict)  # what the user said words mean
    kept: list[int] = field(default_factory=list)  # unmatched columns kept in the notes
    unknown: dict[tuple[str, str], cells.Unknown] = field(default_factory=dict)  # field, word
    rejected: dict[str, dict[str, Any]] = field(default_factory=dict)  # see extras

    @property
    def table(self) -> str:
        return columns.KINDS[self.kind]

    @property
    def unmatched(self) -> list[str]:
        return [h for n, h in enumerate(self.headers) if h and n not in self.mapping]

    def count(self, action: str) -> int:
        return sum(1 for row in self.rows if row.action == action)

    @property
    def rows_read(self) -> int:
        """Rows under the header up to the last filled one: every one is accounted for."""
        return len(self.rows) + len(self.passed)


def _score(kind: str, row: list[Any], extra: dict[str, str]) -> int:
    return len(columns.map_columns(kind, row, extra))


def find_header(kind: str, sheets: list[Sheet], sheet_name: str | None,
                extra: dict[str, str]) -> tuple[Sheet, int]:
    """The sheet and row whose header names the most fields (at least two)."""
    candidates = [s for s in sheets if sheet_name is None or s.name == sheet_name]
    if sheet_name is not None and not candidates:
        raise UserError(_("There is no sheet named «{sheet}»; the sheets are: {names}.").format(
            sheet=sheet_name, names=", ".join(s.name for s in sheets)))
    best: tuple[int, Sheet | None, int] = (1, None, -1)
    for sheet in candidates:
        for index, row in enumerate(sheet.rows[:30]):
            score = _score(kind, row, extra)
            if score > best[0]:
                best = (score, sheet, index)
    if best[1] is None:
        raise UserError(_("No sheet has a header row that can be recognised for {kind}; "
                          "name the columns (for example «Nom», «Pays», «Montant»).").format(
                              kind=_(SPECS[columns.KINDS[kind]].label).lower()))
    return best[1], best[2]


def is_total_label(text: str) -> bool:
    """Whether a cell *is* a total's label, not a name that begins like one.

    After the total word may come a year, a month or a qualifier ("Sous-total mars").
    """
    words = normalise_key(text).split()
    for size in (2, 1):
        if " ".join(words[:size]) in TOTAL_WORDS:
            return all(w.isdigit() or w in TOTAL_QUALIFIERS or w in month_names()
                       for w in words[size:])
    return False


def _is_number(cell: object) -> bool:
    if isinstance(cell, bool | date):
        return False
    if isinstance(cell, int | float | Decimal):
        return True
    try:
        parse_amount(cells.text(cell))
    except ValidationError:
        return False
    return True


def _passed_reason(plan: ImportPlan, row: list[Any], texts: list[str],
                   header_keys: list[str], sum_columns: frozenset[int],
                   initials: frozenset[str]) -> str | None:
    """Why a row is passed over (blank, header repeated, total), or None for a record.

    A total row holds its label and sums only: a row that also fills a name, an
    e-mail, a date or any other field is a record, whatever its first cell says.
    ``initials``: the letters the header's first cell and a total word begin with.
    """
    lead = texts[0] if texts else ""
    if lead and lead[0].isalnum() and lead[0].casefold() not in initials:
        return None  # neither the header nor a total: most rows end here, cheaply
    filled = [n for n, t in enumerate(texts) if t]
    if not filled:
        return _("blank line")
    if normalise_key(lead) == header_keys[0] and [normalise_key(t) for t in texts] == (
            header_keys):  # the first cell alone rules out nearly every row, cheaply
        return _("the header repeated")
    first = filled[0]
    if is_total_label(texts[first]) and all(
            _sums_up(plan, n, row[n], texts[n], sum_columns) for n in filled[1:]):
        return _("total row «{text}»").format(text=texts[first])
    return None


def _sums_up(plan: ImportPlan, column: int, cell: object, text: str,
             sum_columns: frozenset[int]) -> bool:
    """Whether a cell beside a total's label says how much or how many, as totals do:
    a number in a column of sums (or of nothing), or a count such as "8" or "8 contacts"
    in any column but a date's (no name, e-mail or place starts like that)."""
    if column not in plan.mapping or column in sum_columns:
        return _is_number(cell)
    return plan.mapping[column] not in cells.DATE_FIELDS and bool(_COUNT.fullmatch(text))


def _sum_columns(plan: ImportPlan) -> frozenset[int]:
    spec = SPECS[plan.table]
    names = {f.name for f in spec.fields if f.type in TOTAL_FIELD_TYPES} | cells.AMOUNT_FIELDS
    return frozenset(n for n, name in plan.mapping.items() if name in names)


def build_plan(db: Database, kind: str, path: Path, sheets: list[Sheet], *,
               sheet_name: str | None = None, extra: dict[str, str] | None = None,
               on_duplicate: str = "skip", options: ImportOptions | None = None) -> ImportPlan:
    options = options or ImportOptions()
    extra = {**remembered_headers(db, kind), **(extra or {}), **options.mapping}
    sheet, header_index = find_header(kind, sheets, sheet_name, extra)
    header = sheet.rows[header_index]
    matching = columns.match_columns(kind, header, extra)  # once per sheet, never per row
    plan = ImportPlan(kind, Path(path), sheet.name, header_index + 1,
                      [cells.text(h) for h in header], matching.mapping, [],
                      guessed=matching.guessed, shape=matching.shape)
    extras.configure(db, plan, options, REFERENCES)
    duplicates = Duplicates(Lookups(db, kind, plan.new_organisations), plan.foreign_numbers)
    header_keys = [normalise_key(h) for h in plan.headers]  # once, not per row
    if not sheet.rows[header_index + 1:]:
        raise UserError(_("{path}: the sheet «{sheet}» has no data row.").format(
            path=path, sheet=sheet.name))
    sum_columns = _sum_columns(plan)
    initials = TOTAL_INITIALS | {plan.headers[0][:1].casefold(), header_keys[0][:1]}
    blanks: list[PassedRow] = []  # counted only when a filled row comes after them
    for offset, row in enumerate(sheet.rows[header_index + 1:], start=header_index + 2):
        # Once per row: the checks below all read them (text cells without a call).
        texts = [c.strip() if type(c) is str else cells.text(c) for c in row]
        reason = _passed_reason(plan, row, texts, header_keys, sum_columns, initials)
        if reason is None:
            plan.passed += blanks
            blanks = []
            plan.rows.append(_plan_row(plan, duplicates, offset, row, texts, on_duplicate))
        elif any(texts):
            plan.passed += [*blanks, PassedRow(offset, reason)]
            blanks = []
        else:
            blanks.append(PassedRow(offset, reason))
    if not plan.rows:
        raise UserError(_("{path}: the sheet «{sheet}» has no data row.").format(
            path=path, sheet=sheet.name))
    return plan


def _plan_row(plan: ImportPlan, duplicates: Duplicates, number: int, row: list[Any],
              texts: list[str], on_duplicate: str) -> PlannedRow:
    planned = PlannedRow(number, "create", cells=list(row))
    lookups = duplicates.lookups
    raw: dict[str, Any] = {}
    try:
        raw = _read_cells(plan, number, row, texts)
        planned.values = lookups.resolve(raw)
        planned.checked = records.to_row(SPECS[plan.table], lookups.checkable(planned.values))
    except _RowError as error:
        planned.action, planned.reason = "reject", str(error)
        return planned
    except ValidationError as error:
        _invalid(plan, planned, error)
        return planned
    except UserError as error:
        planned.cause = extras.missing_partnership(plan, raw) or str(error)
        planned.action, planned.reason = "reject", _("row {row}: {message}").format(
            row=number, message=planned.cause)
        return planned
    duplicates.mark(planned, raw.get("id"), on_duplicate)
    return planned


def _invalid(plan: ImportPlan, planned: PlannedRow, error: ValidationError) -> None:
    """Reject a row the record's rules refuse, naming the column that holds the field.

    A field no column holds (a required partnership the sheet lacks, or a link whose
    cell was empty) is named in words, and the rows it rejects are named once together:
    never by its name in the database ("partnership_id").
    """
    planned.action = "reject"
    if error.field in plan.mapping.values():
        planned.reason = _reason(plan, planned.row, error.field, None, str(error))
        return
    planned.cause = str(error)
    planned.reason = _("row {row}: {message}").format(row=planned.row, message=planned.cause)


class _RowError(Exception):
    pass


def _header_of(plan: ImportPlan, field_name: str | None) -> str:
    for column, mapped in plan.mapping.items():
        if mapped == field_name:
            return plan.headers[column]
    return field_name or ""


def _reason(plan: ImportPlan, row: int, field_name: str | None, value: object,
            message: str) -> str:
    column = _header_of(plan, field_name)
    if value is None or str(value) in message:  # the parser's message quotes it already
        return _("row {row}, column {column}: {message}").format(row=row, column=column,
                                                                 message=message)
    return _("row {row}, column {column}: «{value}»: {message}").format(
        row=row, column=column, value=value, message=message)


def _read_cells(plan: ImportPlan, number: int, row: list[Any],
                texts: list[str]) -> dict[str, Any]:
    """Field -> value for every non-empty mapped cell (a field's first column first).

    The first unreadable cell rejects the row; unknown words are all noted first, so
    that the user is asked about each of them once.
    """
    raw: dict[str, Any] = {}
    failed = ""
    table = plan.table
    for column, field_name in plan.mapping.items():
        if column >= len(row) or texts[column] == "" or field_name in raw:
            continue
        value = row[column]
        if field_name in REFERENCES or cells.is_plain_text(table, field_name):
            raw[field_name] = texts[column]
            continue
        try:
            raw[field_name] = cells.convert(table, field_name, value, plan.chosen)
        except cells.UnknownValue as error:
            plan.unknown.setdefault((field_name, normalise_key(error.value)),
                                    cells.Unknown(error.value)).rows.append(number)
            failed = failed or _reason(plan, number, field_name, value, str(error))
        except cells.CellError as error:
            raise _RowError(_reason(plan, number, field_name, value, str(error))) from None
    if failed:
        raise _RowError(failed)
    extras.complete(plan, raw, texts)
    return raw

