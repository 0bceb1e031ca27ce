"""Exact money arithmetic: cents, the EUR equivalent of a foreign amount, rates.

Money is stored as integer cents with its ISO 4217 currency, never as a
float; a foreign amount keeps its original value, the rate used and its EUR
amount. A rate is always "units of the currency for 1 EUR" (655.957 XOF).
Rounding to the cent is half up, i.e. half away from zero for negatives.
"""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal, InvalidOperation, localcontext

from core.errors import ValidationError
from core.i18n import _
from core.parse import parse_amount

FIXED_PARITIES: dict[str, Decimal] = {
    "XOF": Decimal("655.957"),
    "XAF": Decimal("655.957"),
    "KMF": Decimal("491.96775"),
}
CENT = Decimal("0.01")
RATE_PLACES = 6  # a rate derived from two amounts keeps six decimal places
# Ten thousand billion: past any budget, and a year of such rows still sums inside
# SQLite's 64-bit integers (a larger amount would stop the save with an overflow).
MAX_CENTS = 10**15


def to_cents(value: Decimal | int | str) -> int:
    """Exact cents from an amount; more than two decimals is refused, never rounded.

    A string must be a plain decimal ("20000.00", "-1250.5"), as in the
    database and the JSON dump; text typed by people goes through
    :func:`core.parse.parse_amount` first.
    """
    if isinstance(value, bool | float):
        raise TypeError(f"to_cents() takes a Decimal, an int or a str, not {value!r}")
    try:
        amount = Decimal(value.strip() if isinstance(value, str) else value)
        cents = amount.quantize(CENT) if amount.is_finite() else None
    except InvalidOperation:
        cents = None
    if cents is None:
        raise ValidationError(_("«{value}» is not an amount").format(value=value))
    if cents != amount:
        message = _("«{value}» has more than two decimal places").format(value=value)
        raise ValidationError(message)
    return int(cents.scaleb(2))


def from_cents(cents: int) -> Decimal:
    """Decimal with exactly two places: 2000000 -> Decimal("20000.00")."""
    if isinstance(cents, bool) or not isinstance(cents, int):
        raise TypeError(f"from_cents() takes an int, not {cents!r}")
    return Decimal(f"{cents}E-2")  # the constructor is exact; arithmetic would round at 28 digits


def cents_str(cents: int) -> str:
    """The decimal string of the dump: "20000.00", "-1250.50"."""
    return f"{from_cents(cents):f}"


def parse_rate(value: object) -> Decimal:
    """A positive rate, typed ("655,957", "655.957") or from a cell.

    Unlike an amount, a single "." is always a decimal point here: "655.957"
    is the XOF parity, not 655 957.
    """
    rate = parse_amount(value, dot_thousands=False)
    if rate <= 0:
        raise ValidationError(
            _("The rate must be greater than zero, not «{value}».").format(value=value)
        )
    return rate


def eur_cents(
    amount_cents: int, currency: str, rate: Decimal | None, amount_eur_cents: int | None
) -> tuple[Decimal | None, int]:
    """(rate used, EUR cents) for an amount in ``currency``.

    EUR: no rate. An EUR amount given (by the sheet or the user) is kept, with
    the given rate or one derived from the two amounts. Otherwise XOF, XAF and
    KMF use their fixed parity, whatever rate was given, and other currencies
    the given rate; without one the amount is refused, never taken as euros.
    """
    currency = currency.strip().upper()
    if currency == "EUR":
        return None, amount_cents
    if rate is not None:
        rate = parse_rate(rate)
    if amount_eur_cents is not None:
        if rate is None:
            rate = _derived_rate(amount_cents, amount_eur_cents)
        return rate, amount_eur_cents
    rate = FIXED_PARITIES.get(currency, rate)
    if rate is None:
        message = _("No exchange rate for {currency}: give the rate or the amount in euros.")
        raise ValidationError(message.format(currency=currency))
    return rate, convert_cents(amount_cents, rate)


def convert_cents(amount_cents: int, rate: Decimal) -> int:
    """Cents of the currency to EUR cents at ``rate`` units per EUR, rounded half up."""
    with localcontext() as context:
        context.prec = 50
        eur = (Decimal(amount_cents) / rate).quantize(Decimal(1), rounding=ROUND_HALF_UP)
    return int(eur)


def _derived_rate(amount_cents: int, amount_eur_cents: int) -> Decimal | None:
    """Units per EUR implied by two amounts, to six decimals; None when one is zero."""
    if amount_cents == 0 or amount_eur_cents == 0:
        return None
    if (amount_cents > 0) != (amount_eur_cents > 0):
        raise ValidationError(_("The amount and the amount in euros have opposite signs."))
    with localcontext() as context:
        context.prec = 50
        rate = (Decimal(amount_cents) / Decimal(amount_eur_cents)).quantize(
            Decimal(1).scaleb(-RATE_PLACES), rounding=ROUND_HALF_UP
        )
    return _without_trailing_zeros(rate) if rate else None


def _without_trailing_zeros(value: Decimal) -> Decimal:
    """655.957000 -> 655.957, but 1000.000000 -> 1000 (not 1E+3)."""
    normal = value.normalize()
    exponent = normal.as_tuple().exponent
    return normal.quantize(Decimal(1)) if isinstance(exponent, int) and exponent > 0 else normal
