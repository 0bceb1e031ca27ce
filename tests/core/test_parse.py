"""core.parse: amounts, dates, countries and currencies as people type them."""

from __future__ import annotations

import datetime as dt
import subprocess
import sys
from decimal import Decimal
from pathlib import Path

import pytest

from core.errors import ValidationError
from core.parse import (
    normalise_key,
    parse_amount,
    parse_amount_currency,
    parse_country,
    parse_currency,
    parse_date,
)

ROOT = Path(__file__).resolve().parents[2]


def test_importing_does_not_load_babel() -> None:
    code = "import sys, core.parse, core.fmt, core.money; sys.exit('babel' in sys.modules)"
    assert subprocess.run([sys.executable, "-c", code], cwd=ROOT).returncode == 0


# --- amounts -------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("20 000 €", "20000"),
        ("20 000,00 €", "20000.00"),
        ("20\u00a0000,00\u00a0€", "20000.00"),
        ("20\u202f000,00\u202f€", "20000.00"),
        ("1.250,50", "1250.50"),
        ("1,250.50", "1250.50"),
        ("3.450,00", "3450.00"),
        ("1250.5", "1250.5"),
        ("1250,5", "1250.5"),
        ("(350,00)", "-350.00"),
        ("-1 250,50 FCFA", "-1250.50"),
        ("- 1 250,50", "-1250.50"),
        ("1 250,50-", "-1250.50"),
        ("\u22121 250,50", "-1250.50"),
        ("+12", "12"),
        ("EUR 1.000", "1000"),
        ("€1,000.00", "1000.00"),
        ("-€1,250.00", "-1250.00"),
        ("€ -1.250,00", "-1250.00"),
        ("(€1,000.00)", "-1000.00"),
        ("1000", "1000"),
        ("  42  ", "42"),
        ("1.000", "1000"),  # one dot, three digits after: thousands
        ("12.500", "12500"),
        ("0.500", "0.500"),  # "0" cannot start a thousands group: decimal
        ("1250.500", "1250.500"),
        ("1,5", "1.5"),
        ("1,500", "1.500"),  # one comma: always the decimal comma
        ("1,000,000", "1000000"),
        ("1.000.000,50", "1000000.50"),
        ("1'000.50", "1000.50"),
        (".5", "0.5"),
    ],
)
def test_amount_text(text: str, expected: str) -> None:
    assert parse_amount(text) == Decimal(expected)
    assert str(parse_amount(text)) == expected  # exact, scale included


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (1250.5, Decimal("1250.5")),
        (0.1, Decimal("0.1")),
        (12, Decimal("12")),
        (-3, Decimal("-3")),
        (Decimal("1.005"), Decimal("1.005")),
    ],
)
def test_amount_numbers_kept_exactly(value: object, expected: Decimal) -> None:
    result = parse_amount(value)
    assert isinstance(result, Decimal)
    assert str(result) == str(expected)


@pytest.mark.parametrize(
    "text",
    [
        "vingt",
        "",
        "   ",
        "12abc",
        "1.2.3,4,5",
        "1.2.3",
        "12,5 k€",
        "EUR 10 EUR",
        "1 25",
        "1,2,3",
        "--5",
        "(-5)",
        "1e5",
        "1250,",
        "nan",
        "€",
        "-",
        "1 000 € 50",
        "12 ZZZ",
    ],
)
def test_amount_garbage_refused(text: str) -> None:
    with pytest.raises(ValidationError, match="not an amount"):
        parse_amount(text)


@pytest.mark.parametrize("value", [None, True, float("nan"), float("inf"), Decimal("NaN")])
def test_amount_non_numbers_refused(value: object) -> None:
    with pytest.raises(ValidationError):
        parse_amount(value)


def test_single_dot_is_decimal_when_asked() -> None:
    assert parse_amount("655.957", dot_thousands=False) == Decimal("655.957")
    assert parse_amount("1.000,5", dot_thousands=False) == Decimal("1000.5")


@pytest.mark.parametrize(
    ("text", "amount", "currency"),
    [
        ("20 000 €", "20000", "EUR"),
        ("20 000 euros", "20000", "EUR"),
        ("EUR 1.000", "1000", "EUR"),
        ("-1 250,50 FCFA", "-1250.50", "XOF"),
        ("1 250 000 F CFA", "1250000", "XOF"),
        ("1 250 000 F\u202fCFA", "1250000", "XOF"),
        ("500 CFA", "500", "XOF"),
        ("500 XOF", "500", "XOF"),
        ("500 XAF", "500", "XAF"),
        ("100 DH", "100", "MAD"),
        ("100 MAD", "100", "MAD"),
        ("100 dirhams", "100", "MAD"),
        ("50 Bs.", "50", "BOB"),
        ("50 BOB", "50", "BOB"),
        ("$10", "10", "USD"),
        ("10 USD", "10", "USD"),
        ("£5", "5", "GBP"),
        ("5 CHF", "5", "CHF"),
        ("10 KMF", "10", "KMF"),
        ("10 GNF", "10", "GNF"),
        ("1 250,50", "1250.50", None),
    ],
)
def test_amount_with_currency(text: str, amount: str, currency: str | None) -> None:
    assert parse_amount_currency(text) == (Decimal(amount), currency)


def test_amount_currency_of_a_number_is_unknown() -> None:
    assert parse_amount_currency(1250.5) == (Decimal("1250.5"), None)


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("€", "EUR"),
        ("eur", "EUR"),
        ("Euros", "EUR"),
        ("FCFA", "XOF"),
        ("F CFA", "XOF"),
        ("CFA", "XOF"),
        ("xof", "XOF"),
        ("XAF", "XAF"),
        ("MAD", "MAD"),
        ("DH", "MAD"),
        ("Dirham", "MAD"),
        ("BOB", "BOB"),
        ("Bs", "BOB"),
        ("USD", "USD"),
        ("$", "USD"),
        ("GBP", "GBP"),
        ("£", "GBP"),
        ("CHF", "CHF"),
        ("KMF", "KMF"),
        (" gnf ", "GNF"),
    ],
)
def test_currency(text: str, code: str) -> None:
    assert parse_currency(text) == code


@pytest.mark.parametrize("text", ["", "k€", "francs", "ZZZ", None, "EURO DOLLAR"])
def test_currency_unknown(text: object) -> None:
    with pytest.raises(ValidationError, match="not a known currency"):
        parse_currency(text)


# --- dates ---------------------------------------------------------------

MARCH_6 = dt.date(2023, 3, 6)


@pytest.mark.parametrize(
    "text",
    [
        "06/03/2023",
        "6/3/2023",
        "06-03-2023",
        "06.03.2023",
        "6/3/23",
        "2023-03-06",
        "2023/03/06",
        "2023-03-06T10:00:00",
        "2023-03-06 10:00",
        "06/03/2023 00:00",
        "6 mars 2023",
        "6 maart 2023",
        "6 March 2023",
        "March 6, 2023",
        "Mar 6, 2023",
        "6 mrt 2023",
        "6 MARS 2023",
        "06-mars-23",
        "lundi 6 mars 2023",
        "Monday, March 6, 2023",
        "maandag 6 maart 2023",
        "le 6 mars 2023",
        "6th March 2023",
        " 6 mars 2023 ",
    ],
)
def test_date_text(text: str) -> None:
    assert parse_date(text) == MARCH_6


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("1er mars 2023", dt.date(2023, 3, 1)),
        ("6 févr. 2023", dt.date(2023, 2, 6)),
        ("6 fevrier 2023", dt.date(2023, 2, 6)),
        ("6 Février 2023", dt.date(2023, 2, 6)),
        ("15 août 2024", dt.date(2024, 8, 15)),
        ("15 aout 2024", dt.date(2024, 8, 15)),
        ("3 déc. 2024", dt.date(2024, 12, 3)),
        ("3 okt 2024", dt.date(2024, 10, 3)),
        ("3 mei 2024", dt.date(2024, 5, 3)),
        ("3 juil. 2024", dt.date(2024, 7, 3)),
        ("3 sept. 2024", dt.date(2024, 9, 3)),
        ("12/11/2024", dt.date(2024, 11, 12)),  # day first, always
        ("6/3/69", dt.date(2069, 3, 6)),
        ("6/3/70", dt.date(1970, 3, 6)),
        ("6/3/99", dt.date(1999, 3, 6)),
        ("29/02/2024", dt.date(2024, 2, 29)),
    ],
)
def test_date_forms(text: str, expected: dt.date) -> None:
    assert parse_date(text) == expected


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (44991, MARCH_6),
        (44991.75, MARCH_6),  # the time of day is dropped
        (Decimal("44991"), MARCH_6),
        (1, dt.date(1900, 1, 1)),
        (59, dt.date(1900, 2, 28)),
        (61, dt.date(1900, 3, 1)),  # after Excel's fake 29 February 1900
        (2958465, dt.date(9999, 12, 31)),
        (dt.datetime(2023, 3, 6, 10, 30), MARCH_6),
        (MARCH_6, MARCH_6),
    ],
)
def test_date_objects_and_excel_serials(value: object, expected: dt.date) -> None:
    assert parse_date(value) == expected


@pytest.mark.parametrize("value", ["31/02/2023", "29/02/2023", "13/13/2023", "32 mars 2023", 60])
def test_date_impossible(value: object) -> None:
    with pytest.raises(ValidationError, match="does not exist"):
        parse_date(value)


@pytest.mark.parametrize(
    "value",
    [
        "",
        "garbage",
        "2023",
        "6 mars",
        "mars 2023",
        "06/03-2023",
        "6 foo 2023",
        "44991",
        0,
        -5,
        2958466,
        float("nan"),
        True,
        None,
    ],
)
def test_date_garbage(value: object) -> None:
    with pytest.raises(ValidationError, match="not a date"):
        parse_date(value)


def test_date_lang_hint_accepted() -> None:
    assert parse_date("06/03/2023", lang_hint="en") == MARCH_6


# --- countries -----------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("SN", "SN"),
        ("sn", "SN"),
        ("SEN", "SN"),
        ("bel", "BE"),
        ("Sénégal", "SN"),
        ("Senegal", "SN"),
        ("SÉNÉGAL", "SN"),
        ("Le Sénégal", "SN"),
        ("République du Sénégal", "SN"),
        ("België", "BE"),
        ("Belgie", "BE"),
        ("Belgique", "BE"),
        ("Belgium", "BE"),
        ("Maroc", "MA"),
        ("Marokko", "MA"),
        ("Morocco", "MA"),
        ("Royaume du Maroc", "MA"),
        ("Palestine", "PS"),
        ("Palestina", "PS"),
        ("Territoires palestiniens", "PS"),
        ("Palestinian Territories", "PS"),
        ("État de Palestine", "PS"),
        ("Bolivie", "BO"),
        ("Bolivia", "BO"),
        ("État plurinational de Bolivie", "BO"),
        ("Burkina", "BF"),
        ("Burkina Faso", "BF"),
        ("burkina-faso", "BF"),
        ("Côte d'Ivoire", "CI"),
        ("Côte d’Ivoire", "CI"),
        ("cote divoire", "CI"),
        ("Ivory Coast", "CI"),
        ("Ivoorkust", "CI"),
        ("RDC", "CD"),
        ("Congo-Kinshasa", "CD"),
        ("République démocratique du Congo", "CD"),
        ("Congo-Brazzaville", "CG"),
        ("Pays-Bas", "NL"),
        ("Pays Bas", "NL"),
        ("Nederland", "NL"),
        ("Holland", "NL"),
        ("The Netherlands", "NL"),
        ("USA", "US"),
        ("États-Unis", "US"),
        ("Royaume-Uni", "GB"),
        ("UK", "GB"),
        ("Mali", "ML"),
        ("Bénin", "BJ"),
        ("Cameroun", "CM"),
        ("Guatemala", "GT"),
        ("Guinée-Bissau", "GW"),
        ("Viet Nam", "VN"),
        ("Vietnam", "VN"),
        ("Trinidad and Tobago", "TT"),
        ("La Réunion", "RE"),
        ("Réunion", "RE"),
        ("Birmanie", "MM"),
        ("Myanmar", "MM"),
        ("Turkey", "TR"),
        ("Allemagne", "DE"),
    ],
)
def test_country(text: str, code: str) -> None:
    assert parse_country(text) == code


def test_every_babel_name_reads_back() -> None:
    from babel import Locale

    for lang in ("fr", "nl", "en"):
        for code, name in Locale.parse(lang).territories.items():
            if (
                len(code) == 2
                and code.isalpha()
                and code
                not in {
                    "EU",
                    "EZ",
                    "UN",
                    "QO",
                    "XA",
                    "XB",
                    "ZZ",
                }
            ):
                assert parse_country(name) == code, (lang, name)
                assert parse_country(code.lower()) == code


@pytest.mark.parametrize("text", ["Narnia", "", "X", "EU", "ZZ", "république", None, "Europe"])
def test_country_unknown(text: object) -> None:
    with pytest.raises(ValidationError, match="not a known country"):
        parse_country(text)


@pytest.mark.parametrize("text", ["Congo", "Corée"])
def test_country_ambiguous(text: str) -> None:
    with pytest.raises(ValidationError, match="ambiguous"):
        parse_country(text)


# --- keys ----------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "key"),
    [
        ("Ville-de-Marsassoum", "ville de marsassoum"),
        ("  VILLE de  marsassoum ! ", "ville de marsassoum"),
        ("Comité de jumelage", "comite de jumelage"),
        ("Œuvre d’Élan", "oeuvre d elan"),
        ("Straße", "strasse"),
        ("بلدية مرسى", "بلدية مرسى"),
        ("", ""),
    ],
)
def test_normalise_key(text: str, key: str) -> None:
    assert normalise_key(text) == key
