"""Turning one cell of a user's sheet into the value of a field, or a reason why not.

Cells come as people type them: "20 000 €", "6 mars 2023", "Sénégal",
"Recette", an Excel date. Each import field knows its parser; a cell that
cannot be read raises ``CellError`` with a message the officer understands.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date, datetime
from functools import cache

from core import parse
from core.errors import ValidationError
from core.excel import words
from core.i18n import N_, _, in_every_language
from core.money import parse_rate
from core.spec import SPECS


class CellError(Exception):
    """A cell that cannot be read, with the reason in the user's language."""


class UnknownValue(CellError):
    """A choice cell whose word we do not know: the user can say which choice it means."""

    def __init__(self, field: str, value: str) -> None:
        super().__init__(_("«{value}» is not one of the expected values").format(value=value))
        self.field = field
        self.value = value


# A field -> {normalised cell value -> choice}: what the user said unknown words mean.
Chosen = dict[str, dict[str, str]]


@dataclass
class Unknown:
    """One word not understood in a column, as first typed, and the rows that hold it."""

    typed: str
    rows: list[int] = field(default_factory=list)


DATE_FIELDS = {"start_date", "end_date", "date", "agreement_signed_date",
               "agreement_expiry_date", "legal_basis_date", "due_date"}
COUNTRY_FIELDS = {"country", "destination_country"}
# The amount, and a finance extract's two columns: one for expenses, one for income.
AMOUNT_FIELDS = {"amount", "amount_eur", "expense_amount", "income_amount"}


def text(value: object) -> str:
    """A cell as text; a phone number read as 3225580812.0 comes back without ".0"."""
    if type(value) is str:  # most cells: the quick way first
        return value.strip()
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, datetime | date):
        return value.isoformat()[:10]
    return str(value).strip()


@cache
def choice_index(table: str, field: str) -> dict[str, str]:
    """Normalised word -> choice: the app's own labels in fr/nl/en, then the usual words."""
    index: dict[str, str] = {}
    for key, label in SPECS[table].field(field).choices.items():
        for name in (key, key.replace("_", " "), *in_every_language(label)):
            index.setdefault(parse.normalise_key(name), key)
    for key, names in words.usual_words(table, field).items():
        for name in names:
            index.setdefault(parse.normalise_key(name), key)
    return index


def choice(table: str, field: str, value: object, chosen: Chosen | None = None) -> str:
    typed = text(value)
    word = parse.normalise_key(typed)
    key = _chosen(chosen, field, word) or choice_index(table, field).get(word)
    if key is None:
        raise UnknownValue(field, typed)
    return key


def _chosen(chosen: Chosen | None, field: str, word: str) -> str | None:
    return chosen[field].get(word) if chosen and field in chosen else None


_YES_NO = {**{parse.normalise_key(w) or w: True for w in words.YES},
           **{parse.normalise_key(w) or w: False for w in words.NO}}


def yes_no(field: str, value: object, chosen: Chosen | None = None) -> bool:
    """"oui", "ja", "x", "nee"...; an empty cell never gets here."""
    if isinstance(value, bool | int | float):
        return bool(value)
    typed = text(value)
    word = parse.normalise_key(typed) or typed
    found = _chosen(chosen, field, word)
    if found is not None:
        return found == "yes"
    if word not in _YES_NO:
        raise UnknownValue(field, typed)
    return _YES_NO[word]


def sdgs(value: object) -> list[int]:
    numbers = [int(n) for n in re.findall(r"\d+", text(value))]
    if not numbers or any(not 1 <= n <= 17 for n in numbers):
        raise CellError(_("«{value}» is not a list of SDGs from 1 to 17").format(value=value))
    return numbers


def _guarded(parser: object, value: object) -> object:
    try:
        return parser(value)  # type: ignore[operator]
    except ValidationError as error:
        raise CellError(str(error)) from None


def convert(table: str, field: str, value: object, chosen: Chosen | None = None) -> object:
    """The field's value for a non-empty cell; ``chosen``: the user's meaning of words."""
    if field in DATE_FIELDS:
        return _guarded(parse.parse_date, value).isoformat()  # type: ignore[attr-defined]
    if field in COUNTRY_FIELDS:
        return _guarded(parse.parse_country, value)
    if field in AMOUNT_FIELDS:
        return _guarded(parse.parse_amount_currency, value)
    if field == "rate":
        return _guarded(parse_rate, value)
    if field == "currency":
        return _guarded(parse.parse_currency, value)
    if field == "year":
        return _year(value)
    if field == "sdgs":
        return sdgs(value)
    if field in _choice_fields(table):
        return choice(table, field, value, chosen)
    if field in _bool_fields(table):
        return yes_no(field, value, chosen)
    typed = text(value)
    if ":::" in typed and field in ("email", "phone"):  # Google: "a@x.org ::: b@y.org"
        return typed.split(":::")[0].strip()
    return typed


def _year(value: object) -> int:
    if isinstance(value, datetime | date):
        return value.year
    found = re.fullmatch(r"\s*(\d{4})(?:\.0)?\s*", text(value))
    if not found:
        raise CellError(_("«{value}» is not a year").format(value=value))
    return int(found.group(1))


@cache
def _choice_fields(table: str) -> frozenset[str]:
    return frozenset(f.name for f in SPECS[table].fields if f.type == "choice")


@cache
def _bool_fields(table: str) -> frozenset[str]:
    return frozenset(f.name for f in SPECS[table].fields if f.type == "bool")


_SPECIAL = DATE_FIELDS | COUNTRY_FIELDS | AMOUNT_FIELDS | {
    "rate", "currency", "year", "sdgs", "email", "phone"}


@cache
def is_plain_text(table: str, field: str) -> bool:
    """Whether :func:`convert` gives a field the cell's text as it is (most fields do)."""
    return field not in _SPECIAL and field not in _choice_fields(table) and (
        field not in _bool_fields(table))


def choice_key(table: str, field: str, typed: str) -> str | None:
    """The choice a user names by its key, its label or a usual word ("oui" for yes)."""
    word = parse.normalise_key(typed) or typed
    if field in _bool_fields(table):
        found = _YES_NO.get(word)
        return None if found is None else ("yes" if found else "no")
    if field in _choice_fields(table):
        return typed if typed in SPECS[table].field(field).choices else (
            choice_index(table, field).get(word))
    return None


def choices_of(table: str, field: str) -> Mapping[str, str]:
    """A choice or yes/no field's choices (key -> label, N_ text), for the user to pick from."""
    if field in _bool_fields(table):
        return {"yes": N_("Yes"), "no": N_("No")}
    if field in _choice_fields(table):
        return SPECS[table].field(field).choices
    return {}


def split_name(full: str) -> tuple[str, str]:
    """First and last name from one cell; a surname in capitals is the last name.

    "Awa Diatta" -> ("Awa", "Diatta"); "DIATTA Awa" -> ("Awa", "DIATTA").
    """
    words = full.split()
    if len(words) < 2:
        return "", full
    capitals = [w for w in words if w.isupper() and len(w) > 1]
    if capitals and len(capitals) < len(words):
        return " ".join(w for w in words if w not in capitals), " ".join(capitals)
    return words[0], " ".join(words[1:])

