"""core.money: exact cents, EUR equivalents of foreign amounts, rates."""

from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from core.errors import ValidationError
from core.money import (
    FIXED_PARITIES,
    cents_str,
    convert_cents,
    eur_cents,
    from_cents,
    parse_rate,
    to_cents,
)


@pytest.mark.parametrize(
    ("value", "cents"),
    [
        (Decimal("1.50"), 150),
        (Decimal("1.5"), 150),
        (Decimal("1.000"), 100),  # trailing zeros are not extra places
        (Decimal("20000.00"), 2000000),
        (Decimal("-1250.50"), -125050),
        (Decimal("0"), 0),
        (Decimal("1E+3"), 100000),
        (5, 500),
        (-7, -700),
        ("20000.00", 2000000),
        ("-1250.5", -125050),
        (" 12 ", 1200),
    ],
)
def test_to_cents(value: Decimal | int | str, cents: int) -> None:
    assert to_cents(value) == cents


@pytest.mark.parametrize("value", [Decimal("1.005"), Decimal("0.001"), "1.005", "-0.125"])
def test_to_cents_refuses_more_than_two_places(value: Decimal | str) -> None:
    with pytest.raises(ValidationError, match="more than two decimal places"):
        to_cents(value)


@pytest.mark.parametrize("value", ["", "abc", "1,5", "20 000", Decimal("NaN"), Decimal("Inf")])
def test_to_cents_refuses_non_amounts(value: Decimal | str) -> None:
    with pytest.raises(ValidationError, match="not an amount"):
        to_cents(value)


@pytest.mark.parametrize("value", [1.5, True])
def test_to_cents_refuses_floats_and_bools(value: object) -> None:
    with pytest.raises(TypeError):
        to_cents(value)  # type: ignore[arg-type]


def test_from_cents_has_two_places() -> None:
    assert str(from_cents(2000000)) == "20000.00"
    assert str(from_cents(0)) == "0.00"
    assert str(from_cents(-125050)) == "-1250.50"
    assert str(from_cents(10**30)) == "1" + "0" * 28 + ".00"
    with pytest.raises(TypeError):
        from_cents(True)


@pytest.mark.parametrize(
    ("cents", "text"),
    [
        (2000000, "20000.00"),
        (-125050, "-1250.50"),
        (5, "0.05"),
        (-1, "-0.01"),
        (0, "0.00"),
    ],
)
def test_cents_str(cents: int, text: str) -> None:
    assert cents_str(cents) == text


@given(st.integers(min_value=-(10**20), max_value=10**20))
def test_cents_round_trip(cents: int) -> None:
    assert to_cents(from_cents(cents)) == cents
    assert to_cents(cents_str(cents)) == cents


# --- EUR equivalents -----------------------------------------------------


def test_eur_needs_no_rate() -> None:
    assert eur_cents(125050, "EUR", None, None) == (None, 125050)
    assert eur_cents(125050, "eur", Decimal("2"), 1) == (None, 125050)


@pytest.mark.parametrize(
    ("xof_cents", "eur"),
    [
        (65595700, 100000),  # 655 957 XOF = 1 000,00 EUR exactly
        (100, 0),  # 1 XOF = 0,0015 EUR
        (125000, 191),  # 1 250 XOF = 1,9056 EUR
        (-125000, -191),
        (327, 0),  # 3.27 XOF = 0.498 cent
        (328, 1),  # 3.28 XOF = 0.500 03 cent
    ],
)
def test_fixed_parity(xof_cents: int, eur: int) -> None:
    assert eur_cents(xof_cents, "XOF", None, None) == (Decimal("655.957"), eur)


def test_fixed_parity_wins_over_a_given_rate() -> None:
    assert eur_cents(65595700, "XAF", Decimal("650"), None) == (Decimal("655.957"), 100000)
    assert eur_cents(49196775, "KMF", None, None) == (FIXED_PARITIES["KMF"], 100000)


def test_half_up_at_the_cent() -> None:
    assert convert_cents(5, Decimal("10")) == 1  # 0.5 cent -> 1
    assert convert_cents(-5, Decimal("10")) == -1  # half away from zero
    assert convert_cents(4, Decimal("10")) == 0


def test_given_rate() -> None:
    assert eur_cents(108000, "MAD", Decimal("10.8"), None) == (Decimal("10.8"), 10000)
    assert eur_cents(100, "BOB", Decimal("7.5"), None) == (Decimal("7.5"), 13)


def test_given_eur_amount_is_kept() -> None:
    assert eur_cents(108000, "MAD", Decimal("10.8"), 9999) == (Decimal("10.8"), 9999)
    # the EUR amount given wins over the parity; the rate says what it implies
    assert eur_cents(65595700, "XOF", None, 100000) == (Decimal("655.957"), 100000)
    assert eur_cents(65595700, "XOF", None, 100001) == (Decimal("655.95044"), 100001)


@pytest.mark.parametrize(
    ("amount", "eur", "rate"),
    [
        (108000, 10000, Decimal("10.8")),
        (100000000, 100000, Decimal("1000")),
        (100, 3, Decimal("33.333333")),
        (1, 3, Decimal("0.333333")),
        (0, 0, None),
        (100, 0, None),
    ],
)
def test_rate_derived_from_the_two_amounts(amount: int, eur: int, rate: Decimal | None) -> None:
    used, eur_used = eur_cents(amount, "MAD", None, eur)
    assert eur_used == eur
    assert used == rate
    if rate is not None:
        assert str(used) == str(rate)


def test_opposite_signs_refused() -> None:
    with pytest.raises(ValidationError, match="opposite signs"):
        eur_cents(100, "MAD", None, -5)


def test_no_rate_no_conversion() -> None:
    with pytest.raises(ValidationError, match="No exchange rate for MAD"):
        eur_cents(100, "MAD", None, None)


def test_bad_rate_refused() -> None:
    with pytest.raises(ValidationError, match="greater than zero"):
        eur_cents(100, "MAD", Decimal("0"), None)


# --- rates ---------------------------------------------------------------


@pytest.mark.parametrize(
    ("value", "rate"),
    [
        ("655,957", "655.957"),
        ("655.957", "655.957"),
        (655.957, "655.957"),
        (Decimal("491.96775"), "491.96775"),
        ("10,8", "10.8"),
        (" 7.5 ", "7.5"),
        ("1.000,5", "1000.5"),
        (12, "12"),
    ],
)
def test_parse_rate(value: object, rate: str) -> None:
    assert str(parse_rate(value)) == rate


@pytest.mark.parametrize("value", ["0", "-1", Decimal("-0.5"), 0])
def test_parse_rate_must_be_positive(value: object) -> None:
    with pytest.raises(ValidationError, match="greater than zero"):
        parse_rate(value)


@pytest.mark.parametrize("value", ["abc", "", None])
def test_parse_rate_garbage(value: object) -> None:
    with pytest.raises(ValidationError, match="not an amount"):
        parse_rate(value)
