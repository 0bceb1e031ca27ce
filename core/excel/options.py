"""What the user says about a sheet beyond its cells: matches, fixed values, word meanings.

``--map "Header=field"`` (or the wizard's column list) corrects a match;
``--set field=value`` gives a field the sheet lacks one value for every row;
``--value "Header:cell value=choice"`` says which choice an unknown word
means; ``--keep-unmatched`` keeps the other columns in the notes. What the
user confirmed in the wizard is remembered per kind of record, per header
and per word, for the next file too.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from core import settings
from core.errors import UserError
from core.excel import cells, columns
from core.i18n import _
from core.parse import normalise_key

if TYPE_CHECKING:
    from collections.abc import Mapping

    from sqlite_utils import Database


@dataclass
class ImportOptions:
    mapping: dict[str, str] = field(default_factory=dict)  # header -> field ("" = leave out)
    fixed: dict[str, str] = field(default_factory=dict)  # field -> value, as typed
    # header (or field) -> cell value -> choice
    values: dict[str, dict[str, str]] = field(default_factory=dict)
    keep_unmatched: bool = False


def split_pair(item: str, option: str) -> tuple[str, str]:
    """ "left=right" from a --map or --set argument; the error names the option."""
    left, sep, right = item.partition("=")
    if not sep or not left.strip():
        raise UserError(_("{option} expects LEFT=RIGHT, not «{item}».").format(
            option=option, item=item))
    return left.strip(), right.strip()


def parse_value(item: str) -> tuple[str, str, str]:
    """ "Statut:En veille=dormant" -> ("Statut", "En veille", "dormant")."""
    head, sep, rest = item.partition(":")
    word, eq, choice = rest.rpartition("=")
    if not sep or not eq or not head.strip() or not word.strip() or not choice.strip():
        raise UserError(_("--value expects \"Header:cell value=choice\", not «{item}».").format(
            item=item))
    return head.strip(), word.strip(), choice.strip()


def check_fields(kind: str, names: list[str], option: str) -> None:
    known = columns.fields(kind)
    for name in names:
        if name and name not in known:
            raise UserError(_("{option} {name}: {name} is not a field of {kind}; the fields "
                              "are: {fields}.").format(option=option, name=name, kind=kind,
                                                       fields=", ".join(known)))


def chosen_values(table: str, headers: list[str], mapping: dict[int, str],
                  values: dict[str, dict[str, str]]) -> cells.Chosen:
    """The user's word meanings by field: a header is found in the sheet, or is a field."""
    by_header = {normalise_key(h): mapping[n] for n, h in enumerate(headers) if n in mapping}
    chosen: cells.Chosen = {}
    for head, meanings in values.items():
        name = by_header.get(normalise_key(head), head)
        options = cells.choices_of(table, name)
        if not options:
            raise UserError(_("--value «{head}»: no column of the sheet is a field with "
                              "choices by that name.").format(head=head))
        for word, choice in meanings.items():
            chosen.setdefault(name, {})[normalise_key(word) or word] = _choice_key(
                table, name, choice, options)
    return chosen


def _choice_key(table: str, name: str, choice: str, options: Mapping[str, str]) -> str:
    found = cells.choice_key(table, name, choice)
    if found is None:
        raise UserError(_("«{choice}» is not a choice of {field}; the choices are: "
                          "{choices}.").format(choice=choice, field=name,
                                               choices=", ".join(options)))
    return found


# --- remembered from the wizard -------------------------------------------------------


def _key(what: str, kind: str) -> str:
    return f"import_{what}:{kind}"


def _load(db: Database, what: str, kind: str) -> dict:  # type: ignore[type-arg]
    stored = settings.get(db, _key(what, kind))
    return json.loads(stored) if stored else {}


def remembered_headers(db: Database, kind: str) -> dict[str, str]:
    """Normalised header -> field the user confirmed for this kind of record."""
    return _load(db, "headers", kind)


def remember_headers(db: Database, kind: str, confirmed: dict[str, str]) -> None:
    known = remembered_headers(db, kind)
    known.update({normalise_key(h): f for h, f in confirmed.items() if normalise_key(h)})
    settings.put(db, _key("headers", kind), json.dumps(known, ensure_ascii=False))


def remembered_values(db: Database, kind: str) -> cells.Chosen:
    """Field -> normalised word -> choice the user gave for this kind of record."""
    return _load(db, "values", kind)


def remember_values(db: Database, kind: str, chosen: cells.Chosen) -> None:
    known = remembered_values(db, kind)
    for name, meanings in chosen.items():
        known.setdefault(name, {}).update(meanings)
    settings.put(db, _key("values", kind), json.dumps(known, ensure_ascii=False))


def from_arguments(maps: list[str], sets: list[str], values: list[str],
                   keep_unmatched: bool) -> ImportOptions:
    """The command line's --map, --set, --value and --keep-unmatched, read and checked."""
    meanings: dict[str, dict[str, str]] = {}
    for item in values:
        head, word, choice = parse_value(item)
        meanings.setdefault(head, {})[word] = choice
    return ImportOptions(mapping=dict(split_pair(m, "--map") for m in maps),
                         fixed=dict(split_pair(s, "--set") for s in sets),
                         values=meanings, keep_unmatched=keep_unmatched)
