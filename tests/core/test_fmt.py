"""core.fmt: display formats per language, and that core.parse reads them back."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from core import fmt, i18n
from core.i18n import current_language, set_language
from core.parse import parse_amount, parse_amount_currency, parse_country, parse_date

LANGS = ("fr", "nl", "en")
MARCH_6 = dt.date(2023, 3, 6)


def plain(text: str) -> str:
    """Babel writes no-break and narrow no-break spaces; compare with plain ones."""
    return text.replace("\u00a0", " ").replace("\u202f", " ")


@pytest.fixture
def dutch() -> Iterator[None]:
    previous = current_language()
    set_language("nl")
    yield
    set_language(previous)


@pytest.mark.parametrize(
    ("lang", "expected"),
    [
        ("fr", "20 000,00 €"),
        ("nl", "€ 20.000,00"),
        ("en", "€20,000.00"),
    ],
)
def test_money_eur(lang: str, expected: str) -> None:
    assert plain(fmt.money(Decimal("20000"), "EUR", lang)) == expected


@pytest.mark.parametrize(
    ("lang", "expected"),
    [
        ("fr", "-1 250,50 €"),
        ("nl", "€ -1.250,50"),
        ("en", "-€1,250.50"),
    ],
)
def test_money_negative(lang: str, expected: str) -> None:
    assert plain(fmt.money(Decimal("-1250.50"), "EUR", lang)) == expected


def test_money_never_breaks_across_lines() -> None:
    """Groups and the currency are held by no-break spaces (which kind is Babel's choice)."""
    text = fmt.money(Decimal("20000"), "EUR", "fr")
    assert " " not in text and plain(text) == "20 000,00 €"
    assert parse_amount_currency(text) == (Decimal("20000"), "EUR")


@pytest.mark.parametrize(("currency", "digits"), [("XOF", "1250000"), ("MAD", "1250000,00"),
                                                   ("USD", "1250000,00")])
@pytest.mark.parametrize("lang", LANGS)
def test_money_other_currencies(currency: str, digits: str, lang: str) -> None:
    """The symbol is CLDR's ("F CFA", "$US"): compare what it means, and the decimals."""
    text = fmt.money(Decimal("1250000"), currency, lang)
    assert parse_amount_currency(text) == (Decimal("1250000"), currency)
    if lang == "fr":  # the CFA franc has no cents; the others two decimals
        assert "".join(c for c in text if c.isdigit() or c == ",") == digits


def test_money_defaults() -> None:
    i18n.set_language("fr")
    assert plain(fmt.money(Decimal("1"))) == "1,00 €"  # EUR, current language
    assert fmt.money(None) == ""


def test_current_language_is_used(dutch: None) -> None:
    assert plain(fmt.money(Decimal("1"))) == "€ 1,00"
    assert fmt.date(MARCH_6) == "6 mrt 2023"
    assert fmt.country_name("BE") == "België"


def test_unknown_language_falls_back_to_french() -> None:
    assert plain(fmt.money(Decimal("1"), "EUR", "de")) == "1,00 €"


@pytest.mark.parametrize(
    ("lang", "expected", "two_places"),
    [
        ("fr", "1 234 567,891", "2,50"),
        ("nl", "1.234.567,891", "2,50"),
        ("en", "1,234,567.891", "2.50"),
    ],
)
def test_number(lang: str, expected: str, two_places: str) -> None:
    assert plain(fmt.number(Decimal("1234567.891"), lang)) == expected
    assert fmt.number(2.5, lang, places=2) == two_places
    assert fmt.number(None, lang) == ""


def test_number_rounds_half_up() -> None:
    assert fmt.number(Decimal("0.125"), "en", places=2) == "0.13"
    assert fmt.number(Decimal("2.5"), "en", places=0) == "3"


@pytest.mark.parametrize(
    ("lang", "whole", "one_place"),
    [
        ("fr", "13 %", "12,5 %"),
        ("nl", "13%", "12,5%"),
        ("en", "13%", "12.5%"),
    ],
)
def test_percent(lang: str, whole: str, one_place: str) -> None:
    assert plain(fmt.percent(Decimal("0.125"), lang)) == whole
    assert plain(fmt.percent(0.125, lang, places=1)) == one_place
    assert fmt.percent(None, lang) == ""


@pytest.mark.parametrize(
    ("lang", "short", "medium", "long"),
    [
        ("fr", "06/03/2023", "6 mars 2023", "6 mars 2023"),
        ("nl", "06-03-2023", "6 mrt 2023", "6 maart 2023"),
        ("en", "06/03/2023", "6 Mar 2023", "6 March 2023"),
    ],
)
def test_date(lang: str, short: str, medium: str, long: str) -> None:
    assert fmt.date(MARCH_6, lang, "short") == short
    # CLDR versions differ on the abbreviation's dot ("mrt" / "mrt."): read the meaning
    assert fmt.date(MARCH_6, lang).replace(".", "") == medium
    assert parse_date(fmt.date(MARCH_6, lang), lang_hint=lang) == MARCH_6
    assert fmt.date(MARCH_6, lang, "long") == long
    assert fmt.date("2023-03-06", lang) == fmt.date(MARCH_6, lang)
    assert fmt.date(dt.datetime(2023, 3, 6, 23, 59), lang) == fmt.date(MARCH_6, lang)


def test_date_empty_and_unreadable() -> None:
    assert fmt.date(None, "fr") == ""
    assert fmt.date("", "fr") == ""
    assert fmt.date("sometime", "fr") == "sometime"


@pytest.mark.parametrize(
    ("lang", "expected"),
    [
        ("fr", "mars 2023"),
        ("nl", "maart 2023"),
        ("en", "March 2023"),
    ],
)
def test_month_year(lang: str, expected: str) -> None:
    assert fmt.month_year(MARCH_6, lang) == expected
    assert fmt.month_year(None, lang) == ""


@pytest.mark.parametrize(
    ("code", "lang", "expected"),
    [
        ("SN", "fr", "Sénégal"),
        ("SN", "nl", "Senegal"),
        ("BE", "nl", "België"),
        ("BE", "en", "Belgium"),
        ("ma", "fr", "Maroc"),
        ("QQ", "fr", "QQ"),
        (None, "fr", ""),
        ("", "en", ""),
    ],
)
def test_country_name(code: str | None, lang: str, expected: str) -> None:
    assert fmt.country_name(code, lang) == expected


# --- fmt and parse agree -------------------------------------------------


@given(cents=st.integers(min_value=-(10**15), max_value=10**15), lang=st.sampled_from(LANGS))
def test_money_reads_back(cents: int, lang: str) -> None:
    amount = Decimal(cents).scaleb(-2)
    assert parse_amount(fmt.money(amount, "EUR", lang)) == amount


@given(
    day=st.dates(min_value=dt.date(1900, 1, 1), max_value=dt.date(2099, 12, 31)),
    lang=st.sampled_from(LANGS),
    form=st.sampled_from(("short", "medium", "long", "full")),
)
def test_date_reads_back(day: dt.date, lang: str, form: str) -> None:
    assert parse_date(fmt.date(day, lang, form)) == day


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("code", ["SN", "BE", "MA", "PS", "BO", "BF", "CI", "CD", "NL", "GB"])
def test_country_name_reads_back(code: str, lang: str) -> None:
    assert parse_country(fmt.country_name(code, lang)) == code


def test_period_choice_joined_place_shared_by_screens_and_reports() -> None:
    from core.spec import MISSION_DIRECTIONS

    set_language("fr")
    assert fmt.period("2020-03-12", "2020-03-19") == "12 mars 2020 – 19 mars 2020"
    assert fmt.period("2020-03-12", "2020-03-12") == "12 mars 2020"
    assert fmt.period("2020-03-12", None) == "12 mars 2020"
    assert fmt.period(None, None) == ""
    assert fmt.choice(MISSION_DIRECTIONS, "incoming") == "Accueil"
    assert fmt.choice(MISSION_DIRECTIONS, "sideways") == "sideways"
    assert fmt.choice(MISSION_DIRECTIONS, None) == ""
    assert fmt.joined(", ", "Marsassoum", None, "  ", "") == "Marsassoum"
    assert fmt.place("Marsassoum", "SN") == "Marsassoum, Sénégal"
    assert fmt.place(None, "SN") == "Sénégal"
