"""Format numbers, money, dates and country names for display in fr, nl or en.

Every screen, PDF and workbook goes through here so that "20 000,00 €" looks
the same everywhere. Babel does the work (imported lazily to keep start-up
fast). Its output is kept as is, which means French uses a no-break space
(U+00A0) and a narrow no-break space (U+202F) where one sees spaces; tests
must normalise spaces before comparing, and :mod:`core.parse` reads them back.

English uses British conventions (en_GB): day-first dates ("6 Mar 2023",
"06/03/2023"), like the French and Dutch our users read and type, so that a
formatted date can always be read back by :func:`core.parse.parse_date`.
"""

from __future__ import annotations

import datetime as dt
from decimal import ROUND_HALF_UP, Decimal
from functools import lru_cache
from typing import TYPE_CHECKING

from core.errors import ValidationError
from core.i18n import DEFAULT_LANGUAGE, LANGUAGES, _, current_language

if TYPE_CHECKING:
    from collections.abc import Mapping

    from babel import Locale

BABEL_LOCALES = {"fr": "fr", "nl": "nl", "en": "en_GB"}

Number = Decimal | int | float


@lru_cache(maxsize=8)
def _locale_for(lang: str) -> Locale:
    from babel import Locale

    return Locale.parse(BABEL_LOCALES[lang])


def _locale(lang: str | None) -> Locale:
    """``lang`` (fr, nl, en), or the language in use when None."""
    lang = lang or current_language()
    return _locale_for(lang if lang in LANGUAGES else DEFAULT_LANGUAGE)


def money(amount: Number | None, currency: str = "EUR", lang: str | None = None) -> str:
    """ "20 000,00 €" (fr), "€ 20.000,00" (nl), "€20,000.00" (en); "" for None.

    The number of decimals is the currency's own (none for XOF: "1 250 000 F CFA").
    """
    if amount is None:
        return ""
    from babel.numbers import format_currency

    return format_currency(amount, currency or "EUR", locale=_locale(lang))


def number(value: Number | None, lang: str | None = None, places: int | None = None) -> str:
    """A number with the language's separators; ``places`` fixes the decimals (rounded half up)."""
    if value is None:
        return ""
    from babel.numbers import format_decimal

    if places is None:
        return format_decimal(value, locale=_locale(lang))
    return format_decimal(_rounded(value, places), format=_pattern(places), locale=_locale(lang))


def percent(value: Number | None, lang: str | None = None, places: int = 0) -> str:
    """``value`` is a fraction: 0.125 gives "13 %" (fr) or "12,5 %" with ``places=1``."""
    if value is None:
        return ""
    from babel.numbers import format_percent

    loc = _locale(lang)
    pattern = loc.percent_formats[None].pattern.replace("#,##0", _pattern(places), 1)
    return format_percent(_rounded(_exact(value) * 100, places) / 100, format=pattern, locale=loc)


def _pattern(places: int) -> str:
    return "#,##0." + "0" * places if places > 0 else "#,##0"


def _exact(value: Number) -> Decimal:
    return Decimal(repr(value)) if isinstance(value, float) else Decimal(value)


def _rounded(value: Number, places: int) -> Decimal:
    return _exact(value).quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_UP)


def date(value: dt.date | str | None, lang: str | None = None, format: str = "medium") -> str:
    """ "6 mars 2023" (fr, medium); ``format`` is short, medium, long, full or a Babel pattern.

    A string is read with :func:`core.parse.parse_date` (ISO from the database);
    one that is not a date is shown unchanged rather than hidden.
    """
    day = _as_date(value)
    if day is None:
        return "" if value is None else str(value)
    from babel.dates import format_date

    return format_date(day, format, locale=_locale(lang))


def month_year(value: dt.date | str | None, lang: str | None = None) -> str:
    """ "mars 2023", "maart 2023", "March 2023"."""
    return date(value, lang, format="LLLL y")


def _as_date(value: dt.date | str | None) -> dt.date | None:
    if value is None or value == "":
        return None
    if isinstance(value, dt.date):
        return value
    from core.parse import parse_date

    try:
        return parse_date(value)
    except ValidationError:
        return None


def country_name(code: str | None, lang: str | None = None) -> str:
    """ "Sénégal" for SN in French; an unknown code is shown as it is, None as ""."""
    if not code:
        return ""
    return _locale(lang).territories.get(code.upper(), code)


def period(start: dt.date | str | None, end: dt.date | str | None, lang: str | None = None) -> str:
    """ "12 mars 2020 – 19 mars 2020", or the one date that is known or repeated."""
    first, last = date(start, lang), date(end, lang)
    if first and last and first != last:
        return f"{first} – {last}"
    return first or last


def choice(choices: Mapping[str, str], value: str | None) -> str:
    """The translated label of a stored choice; an unknown value as it is; None as ""."""
    return _(choices[value]) if value is not None and value in choices else (value or "")


def joined(separator: str, *parts: object) -> str:
    """The parts that hold text, joined: "Marsassoum, Sénégal" without a dangling comma."""
    return separator.join(str(p) for p in parts if p is not None and str(p).strip())


def place(city: str | None, country: str | None, lang: str | None = None) -> str:
    """ "Marsassoum, Sénégal"."""
    return joined(", ", city, country_name(country, lang))


def sdgs(numbers: list[int] | None) -> str:
    """One goal a line: "6 – Eau propre et assainissement"; unknown numbers left out."""
    from core.spec import SDG_NAMES

    return "\n".join(f"{number(n)} – {_(SDG_NAMES[n])}" for n in numbers or [] if n in SDG_NAMES)
