"""The summary's lines about what the user may want to check or say.

Which program wrote the sheet, which columns were matched by a guess,
which went nowhere (or into the notes), which values were given for every
row, which words were not understood (with the ``--value`` that would
say what they mean), and rejected rows, one line per cause.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from core.excel import cells
from core.i18n import _, ngettext

if TYPE_CHECKING:
    from core.excel.plan import ImportPlan


def option_lines(plan: ImportPlan, *, hints: bool = True) -> list[str]:
    lines: list[str] = []
    if plan.shape:
        lines.append(_("Read as an export from {program}.").format(program=plan.shape))
    for column in sorted(plan.guessed) if hints else ():
        lines.append(_("Column «{header}» taken as {field}: a guess, to confirm (or correct "
                       "with --map).").format(header=plan.headers[column],
                                              field=plan.mapping[column]))
    for name, value in plan.fixed.items():
        lines.append(_("Every row: {field} = {value}").format(field=name,
                                                             value=cells.text(value)))
    if plan.kept:
        lines.append(_("Columns kept in the notes: {names}").format(
            names=", ".join(plan.headers[n] for n in plan.kept)))
    elif plan.unmatched:
        lines.append(_("Columns not imported: {names}").format(names=", ".join(plan.unmatched)))
    lines += unknown_lines(plan, hints=hints)
    return lines


def header_of(plan: ImportPlan, field: str) -> str:
    return next((plan.headers[n] for n, f in plan.mapping.items() if f == field), field)


def unknown_lines(plan: ImportPlan, *, hints: bool = True) -> list[str]:
    """Each word not understood once, with the rows it is on and how to say what it means."""
    lines = []
    for (field, _word), unknown in plan.unknown.items():
        header, word, rows = header_of(plan, field), unknown.typed, unknown.rows
        if not hints:
            lines.append(ngettext("«{header}»: «{word}» is not a known value (row {rows}).",
                                  "«{header}»: «{word}» is not a known value (rows {rows}).",
                                  len(rows)).format(header=header, word=word,
                                                    rows=_numbers(rows)))
            continue
        lines.append(ngettext(
            "«{header}»: «{word}» is not a known value (row {rows}); say what it means with "
            "--value \"{header}:{word}=CHOICE\", CHOICE one of: {choices}.",
            "«{header}»: «{word}» is not a known value (rows {rows}); say what it means with "
            "--value \"{header}:{word}=CHOICE\", CHOICE one of: {choices}.", len(rows)).format(
                header=header, word=word, rows=_numbers(rows),
                choices=", ".join(cells.choices_of(plan.table, field))))
    return lines


def foreign_number_lines(plan: ImportPlan) -> list[str]:
    """The rows whose number (a predecessor's «N°» 1, 2, 3…) is another record's here."""
    rows = plan.foreign_numbers
    if not rows:
        return []
    column = next((plan.headers[n] for n, name in plan.mapping.items() if name == "id"), "")
    return [ngettext(
        "row {rows}: the number in «{column}» is that of another record of this database; "
        "the row is matched by what it holds",
        "rows {rows}: the numbers in «{column}» are those of other records of this "
        "database; the rows are matched by what they hold", len(rows)).format(
            rows=_numbers(rows), column=column)]


def rejected_lines(plan: ImportPlan) -> list[str]:
    """Each rejected row's reason; rows rejected for one cause named together, once."""
    lines: list[str] = []
    groups: dict[str, list[int]] = {}
    for row in plan.rows:
        if row.action != "reject":
            continue
        if not row.cause:
            lines.append(row.reason)
        elif row.cause not in groups:
            groups[row.cause] = [row.row]
            lines.append(row.cause)  # a placeholder, replaced below in its place
        else:
            groups[row.cause].append(row.row)
    return [_grouped(line, groups[line]) if line in groups else line for line in lines]


def _grouped(cause: str, rows: list[int]) -> str:
    return ngettext("row {rows}: {message}", "rows {rows}: {message}", len(rows)).format(
        rows=_numbers(rows), message=cause)


def _numbers(rows: list[int]) -> str:
    shown = ", ".join(str(n) for n in rows[:12])
    return shown if len(rows) <= 12 else _("{first} and {n} more").format(
        first=shown, n=len(rows) - 12)
