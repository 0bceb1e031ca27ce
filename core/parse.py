"""Read what people type or paste: amounts, dates, countries and currencies.

The spreadsheet import and the forms both call this module, so a value is
read the same way everywhere. Our users write French or Dutch: numeric dates
are always day first and a lone comma is a decimal comma. Babel supplies the
month, weekday, country and currency names; it is imported lazily (start-up
time) and every table built from it is cached.
"""

from __future__ import annotations

import datetime as dt
import math
import re
import unicodedata
from decimal import Decimal
from functools import lru_cache

from core.errors import ValidationError
from core.i18n import _

NAME_LANGUAGES = ("fr", "nl", "en")  # names are recognised in all three, whatever the UI language

# --- keys ----------------------------------------------------------------

_LIGATURES = str.maketrans(
    {"œ": "oe", "æ": "ae", "ø": "o", "ł": "l", "đ": "d", "ð": "d", "þ": "th", "ı": "i"}
)


class _KeyChars(dict[int, str]):
    """What each character becomes in a key, worked out once per character.

    Used with ``str.translate``, which looks characters up in C: a key costs a
    few microseconds instead of a Python loop over its characters.
    """

    def __missing__(self, code: int) -> str:
        ch = chr(code)
        if unicodedata.combining(ch):
            kept = ""  # the accent of an NFKD-decomposed letter
        elif ch.isalnum() or unicodedata.category(ch)[0] == "M":
            kept = ch
        else:
            kept = " "
        self[code] = kept
        return kept


_KEY_CHARS = _KeyChars()


@lru_cache(maxsize=65536)
def normalise_key(text: str) -> str:
    """Casefold, drop accents, turn punctuation and spaces into single spaces.

    "  Ville-de-Marsassoum ! " and "ville de MARSASSOUM" give the same key;
    letters of every script (Arabic included) are kept.
    """
    folded = unicodedata.normalize("NFKD", text.casefold().translate(_LIGATURES))
    return " ".join(folded.translate(_KEY_CHARS).split())


# --- amounts -------------------------------------------------------------

_SPACES = str.maketrans(
    {
        "\u00a0": " ",
        "\u202f": " ",
        "\u2009": " ",
        "\u2007": " ",
        "\t": " ",
        "\u2212": "-",
        "\u2013": "-",
        "\u2019": "'",
    }
)
_NOT_NUMERIC = r"[^\d\s.,'()+\-]"
_CURRENCY_RUN = re.compile(rf"{_NOT_NUMERIC}+(?:[\s.]+{_NOT_NUMERIC}+)*\.?")
_SIGNED = re.compile(r"(?P<lead>[-+])?\s*(?P<num>[\d.,' ]*\d)\s*(?P<trail>-)?")
_GROUPS = re.compile(r"[ '.,]")
_DOT_THOUSANDS = re.compile(r"[1-9]\d{0,2}\.\d{3}")


def parse_amount(value: object, *, dot_thousands: bool = True) -> Decimal:
    """An exact Decimal from a number or from text such as "20 000,00 €".

    Separators: with both "." and ",", the last one is the decimal mark. A
    single "," is a decimal comma ("1,500" is 1.5, as French and Dutch write
    it); several are thousands. A single "." followed by exactly three
    digits, with one to three digits before it and no other separator, is a
    thousands dot ("1.000" is 1000, as in "3.450"); otherwise it is a decimal
    point. ``dot_thousands=False`` makes a single "." always decimal (rates).
    Spaces (also no-break) and "'" group thousands. "(350)", "-350" and
    "350-" are negative. A currency symbol or code is allowed around it.
    """
    return parse_amount_currency(value, dot_thousands=dot_thousands)[0]


def parse_amount_currency(
    value: object, *, dot_thousands: bool = True
) -> tuple[Decimal, str | None]:
    """Like :func:`parse_amount`, plus the ISO 4217 currency written with it, if any."""
    if isinstance(value, bool):
        raise _not_amount(value)
    if isinstance(value, Decimal | int | float):
        return _number_as_decimal(value), None
    text = str(value).translate(_SPACES).strip() if value is not None else ""
    numeric, currency_text = _split_currency(text, value)
    currency = _lookup_currency(currency_text) if currency_text else None
    amount = _signed_number(numeric, dot_thousands)
    if amount is None or (currency_text and currency is None):
        raise _not_amount(value)
    return amount, currency


def _not_amount(value: object) -> ValidationError:
    return ValidationError(_("«{value}» is not an amount").format(value=value))


def _number_as_decimal(value: Decimal | int | float) -> Decimal:
    """Numbers from a spreadsheet cell: floats via their shortest repr, never binary arithmetic."""
    number = Decimal(repr(value)) if isinstance(value, float) else Decimal(value)
    if not number.is_finite():
        raise _not_amount(value)
    return number


def _split_currency(text: str, original: object) -> tuple[str, str | None]:
    """Separate the number from one currency word or symbol written before or after it."""
    runs = list(_CURRENCY_RUN.finditer(text))
    if not runs:
        return text, None
    before, after = text[: runs[0].start()], text[runs[-1].end() :]
    if len(runs) > 1 or (_has_digit(before) and _has_digit(after)):
        raise _not_amount(original)
    return f"{before} {after}", runs[0].group()


def _has_digit(text: str) -> bool:
    return any(ch.isdigit() for ch in text)


def _signed_number(text: str, dot_thousands: bool) -> Decimal | None:
    text = text.strip()
    negative = text.startswith("(") and text.endswith(")")
    if negative:
        text = text[1:-1].strip()
    match = _SIGNED.fullmatch(text)
    if match is None or (match["lead"] and match["trail"]):
        return None
    if negative and (match["lead"] or match["trail"]):
        return None
    number = _unsigned_number(match["num"], dot_thousands)
    if number is None:
        return None
    return -number if negative or "-" in (match["lead"], match["trail"]) else number


def _unsigned_number(text: str, dot_thousands: bool) -> Decimal | None:
    """Digits and separators to a Decimal; None when the grouping makes no sense."""
    mark = _decimal_mark(text, dot_thousands)
    if mark and text.count(mark) != 1:
        return None
    whole, _sep, fraction = text.partition(mark) if mark else (text, "", "")
    if mark and not fraction.isdigit():
        return None
    groups = _GROUPS.split(whole)
    if len(groups) > 1 and not (1 <= len(groups[0]) <= 3 and all(len(g) == 3 for g in groups[1:])):
        return None
    digits = "".join(groups) or "0"
    if not digits.isdigit():
        return None
    return Decimal(f"{digits}.{fraction}" if fraction else digits)


def _decimal_mark(text: str, dot_thousands: bool) -> str | None:
    """Which of "." and "," is the decimal mark in ``text``, if any (see parse_amount)."""
    dots, commas = text.count("."), text.count(",")
    if dots and commas:
        return "." if text.rfind(".") > text.rfind(",") else ","
    if commas:
        return "," if commas == 1 else None
    if dots != 1:
        return None
    return None if dot_thousands and _DOT_THOUSANDS.fullmatch(text) else "."


# --- currencies ----------------------------------------------------------

_CURRENCY_NAMES = {
    "EUR": ("€", "eur", "euro", "euros"),
    "XOF": ("fcfa", "cfa", "xof", "franccfa", "francscfa", "cfafranc", "cfafrancs"),
    "XAF": ("xaf",),
    "MAD": ("dh", "dhs", "mad", "dirham", "dirhams", "دم", "درهم"),
    "BOB": ("bs", "bob", "boliviano", "bolivianos"),
    "USD": ("$", "usd", "us$", "$us", "dollar", "dollars"),
    "GBP": ("£", "gbp", "£gb", "gb£", "livresterling", "livressterling", "pound", "pounds"),
    "CHF": ("chf", "francsuisse", "francssuisses"),
    "KMF": ("kmf", "franccomorien", "francscomoriens"),
}
_CURRENCY_ALIASES = {name: code for code, names in _CURRENCY_NAMES.items() for name in names}


def parse_currency(text: object) -> str:
    """An ISO 4217 code from a code ("xof") or a symbol or name ("€", "F CFA", "DH")."""
    raw = str(text).translate(_SPACES).strip() if text is not None else ""
    code = _lookup_currency(raw) if raw else None
    if code is None:
        raise ValidationError(_("«{value}» is not a known currency").format(value=text))
    return code


@lru_cache(maxsize=1024)
def _lookup_currency(text: str) -> str | None:
    """FCFA alone means XOF (West Africa, most partners); Cameroon's is written XAF."""
    folded = unicodedata.normalize("NFKD", text.casefold())
    key = "".join(
        ch for ch in folded if not (unicodedata.combining(ch) or ch.isspace() or ch == ".")
    )
    if key in _CURRENCY_ALIASES:
        return _CURRENCY_ALIASES[key]
    return key.upper() if key.upper() in _iso_currencies() else None


@lru_cache(maxsize=1)
def _iso_currencies() -> frozenset[str]:
    from babel.numbers import list_currencies

    return frozenset(list_currencies())


# --- dates ---------------------------------------------------------------

_EXCEL_EPOCH = dt.date(1899, 12, 30)  # serial 1 is 1900-01-01 once Excel's fake 29 Feb is skipped
_EXCEL_MAX = 2958465  # 9999-12-31
_TIME = r"(?:[T ]\d{1,2}[:h]\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?"
_YMD = re.compile(rf"(\d{{4}})([-/.])(\d{{1,2}})\2(\d{{1,2}}){_TIME}")
_DMY = re.compile(rf"(\d{{1,2}})([-/.])(\d{{1,2}})\2(\d{{4}}|\d{{2}}){_TIME}")
_DAY = re.compile(r"(\d{1,2})(?:er|re|e|ste|de|st|nd|rd|th)?")
_YEAR = re.compile(r"\d{4}|\d{2}")
_EXTRA_MONTHS = {"fev": 2, "febr": 2, "aou": 8, "juill": 7, "sept": 9}


def parse_date(value: object, *, lang_hint: str | None = None) -> dt.date:
    """A date from a date, an Excel serial number or text.

    Numeric text is always day first ("06/03/2023" is 6 March), as French and
    Belgian users write it; two-digit years are 2000-2069 or 1970-1999. Month
    and weekday names are read in French, Dutch and English together (they
    do not clash), so ``lang_hint`` changes nothing today; it is accepted so
    that callers can pass the file's language if that ever matters.
    """
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if isinstance(value, int | float | Decimal) and not isinstance(value, bool):
        return _excel_date(value)
    text = str(value).translate(_SPACES).strip() if isinstance(value, str) else ""
    for reader in (_numeric_date, _text_date):
        parts = reader(text)
        if parts is not None:
            return _make_date(*parts, original=value)
    raise ValidationError(_("«{value}» is not a date").format(value=value))


def _excel_date(serial: int | float | Decimal) -> dt.date:
    """Excel's 1900 date system, which counts a 29 February 1900 that never was."""
    if not math.isfinite(serial) or not 1 <= serial < _EXCEL_MAX + 1:
        raise ValidationError(_("«{value}» is not a date").format(value=serial))
    days = int(serial)
    if days == 60:
        raise ValidationError(_("«{value}» does not exist in the calendar").format(value=serial))
    return _EXCEL_EPOCH + dt.timedelta(days=days if days > 60 else days + 1)


def _numeric_date(text: str) -> tuple[int, int, int] | None:
    """(year, month, day) from "2023-03-06[T10:00]" or day-first "6/3/23", "06.03.2023"."""
    match = _YMD.fullmatch(text)
    if match:
        return int(match[1]), int(match[3]), int(match[4])
    match = _DMY.fullmatch(text)
    if match:
        return _full_year(match[4]), int(match[3]), int(match[1])
    return None


def _text_date(text: str) -> tuple[int, int, int] | None:
    """(year, month, day) from "1er mars 2023", "6 maart 2023", "March 6, 2023", "06-mars-23"."""
    months, weekdays = month_names(), _weekday_names()
    words = normalise_key(text).split()
    while len(words) > 3 and (words[0] in weekdays or words[0] == "le"):
        words = words[1:]
    if len(words) != 3:
        return None
    month_first = words[0] in months
    day, month, year = (words[1], words[0], words[2]) if month_first else words
    day_match = _DAY.fullmatch(day)
    if month not in months or day_match is None or not _YEAR.fullmatch(year):
        return None
    return _full_year(year), months[month], int(day_match[1])


def _full_year(year: str) -> int:
    number = int(year)
    if len(year) > 2:
        return number
    return 2000 + number if number < 70 else 1900 + number


def _make_date(year: int, month: int, day: int, *, original: object) -> dt.date:
    try:
        return dt.date(year, month, day)
    except ValueError:
        message = _("«{value}» does not exist in the calendar").format(value=original)
        raise ValidationError(message) from None


@lru_cache(maxsize=1)
def month_names() -> dict[str, int]:
    """Full and abbreviated month names, fr/nl/en, as keys ("fevr", "mrt", "march")."""
    from babel import Locale

    names: dict[str, int] = dict(_EXTRA_MONTHS)
    for lang in NAME_LANGUAGES:
        months = Locale.parse(lang).months
        for context in ("format", "stand-alone"):
            for width in ("wide", "abbreviated"):
                for number, name in months[context][width].items():
                    names[normalise_key(name)] = number
    return names


@lru_cache(maxsize=1)
def _weekday_names() -> frozenset[str]:
    from babel import Locale

    names: set[str] = set()
    for lang in NAME_LANGUAGES:
        days = Locale.parse(lang).days
        for context in ("format", "stand-alone"):
            for width in ("wide", "abbreviated"):
                names.update(normalise_key(name) for name in days[context][width].values())
    return frozenset(names)


# --- countries -----------------------------------------------------------

_NOT_COUNTRIES = frozenset({"EU", "EZ", "UN", "QO", "XA", "XB", "ZZ"})
_ARTICLES = frozenset({"le", "la", "les", "l", "the", "de", "het"})
_OFFICIAL = _ARTICLES | {
    "republique",
    "republic",
    "republiek",
    "royaume",
    "kingdom",
    "koninkrijk",
    "etat",
    "state",
    "staat",
    "plurinational",
    "federale",
    "federal",
    "islamique",
    "islamic",
    "islamitische",
    "grand",
    "duche",
    "duchy",
    "groothertogdom",
    "du",
    "des",
    "d",
    "of",
    "van",
}
_JOINERS = {"et": "", "and": "", "en": "", "st": "saint", "ste": "sainte"}
_COUNTRY_ALIASES: dict[str, tuple[str, ...]] = {
    "BE": ("belgique", "belgie", "belgium"),
    "NL": ("holland", "hollande", "nederland"),
    "CI": ("ivory coast",),
    "PS": (
        "palestine",
        "palestina",
        "etat de palestine",
        "state of palestine",
        "territoire palestinien",
    ),
    "BF": ("burkina",),
    "CD": (
        "rdc",
        "drc",
        "rd congo",
        "dr congo",
        "zaire",
        "republique democratique du congo",
        "democratic republic of the congo",
        "democratic republic of congo",
        "democratische republiek congo",
    ),
    "CG": ("republique du congo", "republic of the congo", "republic of congo", "republiek congo"),
    "US": (
        "usa",
        "etats unis d amerique",
        "united states of america",
        "verenigde staten van amerika",
    ),
    "GB": (
        "uk",
        "grande bretagne",
        "great britain",
        "groot brittannie",
        "angleterre",
        "england",
        "engeland",
    ),
    "CZ": ("czech republic", "republique tcheque", "tsjechische republiek"),
    "TR": ("turkey",),
    "SZ": ("swaziland",),
    "MK": ("macedonia", "macedoine", "macedonie"),
    "CV": ("cabo verde",),
    "MM": ("birmanie", "burma", "birma"),
    "TL": ("east timor",),
    "KR": ("republic of korea",),
    "VA": ("vatican",),
}
_AMBIGUOUS = frozenset({"congo", "coree", "korea"})


def parse_country(text: object) -> str:
    """An ISO 3166 alpha-2 code from a code ("SN", "sen") or a French, Dutch or English name.

    Names come from Babel's territory names in the three languages plus
    common aliases ("RDC", "Holland", "UK"); case, accents, punctuation,
    articles ("Le Sénégal") and official prefixes ("Royaume du Maroc") do not
    matter. "Congo" alone is refused as ambiguous: Belgian users often mean
    Kinshasa, the name means Brazzaville.
    """
    raw = str(text).strip() if text is not None else ""
    code = _lookup_country(raw) if raw else None
    if code is None:
        if _country_key(normalise_key(raw).split()) in _AMBIGUOUS:
            message = _("«{value}» is ambiguous: write the full name or the ISO code")
            raise ValidationError(message.format(value=text))
        raise ValidationError(_("«{value}» is not a known country").format(value=text))
    return code


@lru_cache(maxsize=4096)
def _lookup_country(raw: str) -> str | None:
    names = _country_names()
    if len(raw) == 2 and raw.upper() in _country_codes():
        return raw.upper()
    words = normalise_key(raw).split()
    for candidate in (words, _drop_leading(words, _ARTICLES), _drop_leading(words, _OFFICIAL)):
        code = names.get(_country_key(candidate))
        if code is not None:
            return code
    return _country_codes_alpha3().get(raw.upper()) if raw.isalpha() else None


def _drop_leading(words: list[str], droppable: frozenset[str] | set[str]) -> list[str]:
    index = 0
    while index < len(words) - 1 and words[index] in droppable:
        index += 1
    return words[index:]


def _country_key(words: list[str]) -> str:
    return "".join(_JOINERS.get(word, word) for word in words)


@lru_cache(maxsize=1)
def _country_names() -> dict[str, str]:
    """Normalised name -> code: aliases first, then Babel's names (fr, nl, en)."""
    from babel import Locale

    names = {
        _country_key(alias.split()): code
        for code, aliases in _COUNTRY_ALIASES.items()
        for alias in aliases
    }
    for lang in NAME_LANGUAGES:
        for code, name in Locale.parse(lang).territories.items():
            if len(code) == 2 and code.isalpha() and code not in _NOT_COUNTRIES:
                for variant in _name_variants(name):
                    names.setdefault(variant, code)
    return names


def _name_variants(name: str) -> set[str]:
    """ "Myanmar (Burma)" -> myanmarburma, myanmar, burma; "La Réunion" -> lareunion, reunion."""
    base, _sep, rest = name.partition("(")
    words = normalise_key(name).split()
    variants = {_country_key(words), _country_key(_drop_leading(words, _ARTICLES))}
    if rest:
        variants |= {
            _country_key(normalise_key(base).split()),
            _country_key(normalise_key(rest).split()),
        }
    return variants


@lru_cache(maxsize=1)
def _country_codes() -> frozenset[str]:
    return frozenset(_country_names().values())


@lru_cache(maxsize=1)
def _country_codes_alpha3() -> dict[str, str]:
    """ISO alpha-3 codes ("SEN") and retired ones ("UK", "ZR") from CLDR's territory aliases."""
    from babel.core import get_global

    codes = _country_codes()
    return {
        alias: targets[0]
        for alias, targets in get_global("territory_aliases").items()
        if alias.isalpha() and len(targets) == 1 and targets[0] in codes
    }
