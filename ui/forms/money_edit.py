"""An amount with its currency, the rate when one is needed, and its value in euros.

A transaction in CFA francs keeps its original amount (design: never summed
as if it were euros). People type amounts as they write them ("20 000 €",
"1.250,50", "1 250 000 FCFA"); ``core.parse`` reads them, a currency typed
with the amount selects itself, and a live label shows the EUR equivalent
computed by ``core.money`` exactly as it will be stored. The rate field only
appears for a currency without a fixed parity (MAD, BOB, USD…).
"""

from __future__ import annotations

from contextlib import suppress
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QLineEdit, QVBoxLayout, QWidget

from core import fmt, money
from core.errors import ValidationError
from core.i18n import _, current_language
from core.parse import parse_amount, parse_amount_currency
from ui.forms.base import Editor

if TYPE_CHECKING:
    from collections.abc import Callable
    from decimal import Decimal

    from core.spec import Field

# The currencies our partners use, first in the list; every other ISO code follows.
COMMON_CURRENCIES = ("EUR", "XOF", "XAF", "MAD", "BOB", "USD", "GBP", "CHF", "KMF")
MONEY_NAMES = ("amount", "currency", "rate", "amount_eur")


def currency_name(code: str) -> str:
    from babel.numbers import get_currency_name

    return get_currency_name(code, locale=fmt.BABEL_LOCALES[current_language()])


class CurrencyCombo(QComboBox):
    """ISO 4217 codes; the usual ones first, the name of each in its tooltip."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        from babel.numbers import list_currencies

        for code in COMMON_CURRENCIES:
            self._add(code)
        self.insertSeparator(self.count())
        for code in sorted(list_currencies() - set(COMMON_CURRENCIES)):
            self._add(code)

    def _add(self, code: str) -> None:
        self.addItem(code, code)
        self.setItemData(self.count() - 1, currency_name(code), Qt.ItemDataRole.ToolTipRole)

    def code(self) -> str:
        return str(self.currentData() or "EUR")

    def set_code(self, code: str | None) -> None:
        code = (code or "EUR").upper()
        if self.findData(code) < 0:
            self._add(code)
        self.setCurrentIndex(self.findData(code))
        self.setToolTip(currency_name(code))


def needs_rate(code: str) -> bool:
    return code != "EUR" and code not in money.FIXED_PARITIES


def readable(value: Decimal, read: Callable[[str], Decimal], places: tuple[int, ...]) -> str:
    """``value`` formatted for the language, with the fewest decimals that read back the same.

    English groups thousands with "," which ``core.parse`` takes for a decimal comma
    when it stands alone ("1,850"): such a text gets its decimals ("1,850.00").
    """
    for count in places:
        text = fmt.number(value, places=count)
        with suppress(ValidationError):
            if read(text) == value:
                return text
    return format(value, "f")


def amount_text(amount: Decimal | None) -> str:
    """ "1 250 000" or "1 250,50": no decimals shown when there are none."""
    if amount is None:
        return ""
    return readable(amount, parse_amount, (0, 2) if amount == amount.to_integral_value() else (2,))


def rate_text(rate: Decimal | None) -> str:
    if rate is None:
        return ""
    exponent = rate.normalize().as_tuple().exponent
    decimals = -exponent if isinstance(exponent, int) and exponent < 0 else 0
    return readable(rate, money.parse_rate, (decimals, decimals + 2))


class MoneyEdit(Editor):
    """Fills ``amount``, ``currency``, ``rate`` and ``amount_eur`` together."""

    def __init__(self, field: Field, parent: QWidget | None = None) -> None:
        super().__init__(field, parent)
        self.amount = QLineEdit()
        self.amount.setPlaceholderText(_("e.g. 1 250,50"))
        self.currency = CurrencyCombo()
        self.rate = QLineEdit()
        self.rate_label, self.rate_unit, self.eur = QLabel(_("Rate: 1 € =")), QLabel(), QLabel()
        self._lay_out()
        self.loaded: dict[str, Any] | None = None
        for signal in (self.amount.textEdited, self.rate.textEdited):
            signal.connect(self._update)
            signal.connect(self.changed)
        self.currency.currentIndexChanged.connect(self._update)
        self.currency.currentIndexChanged.connect(self.changed)
        self.amount.editingFinished.connect(self._tidy)
        self._update()

    def _lay_out(self) -> None:
        column = QVBoxLayout()
        column.setContentsMargins(0, 0, 0, 0)
        top, bottom = QHBoxLayout(), QHBoxLayout()
        top.addWidget(self.amount, 1)
        top.addWidget(self.currency)
        self.rate.setMaximumWidth(self.rate.fontMetrics().horizontalAdvance("0") * 12)
        for widget in (self.rate_label, self.rate, self.rate_unit, self.eur):
            bottom.addWidget(widget)
        bottom.addStretch(1)
        column.addLayout(top)
        column.addLayout(bottom)
        self.row.addLayout(column)
        self.setFocusProxy(self.amount)

    @property
    def names(self) -> tuple[str, ...]:
        return MONEY_NAMES

    # --- reading what was typed ------------------------------------------

    def _typed(self) -> tuple[Decimal | None, str | None]:
        text = self.amount.text().strip()
        if not text:
            return None, None
        try:
            amount, code = parse_amount_currency(text)
            money.to_cents(amount)  # more than two decimals is refused, never rounded
        except ValidationError as error:
            raise self.error(str(error), "amount") from None
        return amount, code

    def _rate(self) -> Decimal | None:
        text = self.rate.text().strip()
        if not text or not needs_rate(self.currency.code()):
            return None
        try:
            return money.parse_rate(text)
        except ValidationError as error:
            raise self.error(str(error), "rate") from None

    def _key(self, amount: Decimal | None, code: str, rate: Decimal | None) -> tuple[Any, ...]:
        return amount, code, rate if needs_rate(code) else None

    # --- the editor's shape ----------------------------------------------

    def value(self) -> dict[str, Any]:
        amount, typed_code = self._typed()
        code, rate = typed_code or self.currency.code(), self._rate()
        loaded = self.loaded
        if loaded and self._key(amount, code, rate) == self._key(
            loaded.get("amount"), loaded.get("currency") or "EUR", loaded.get("rate")
        ):
            return {name: loaded.get(name) for name in MONEY_NAMES}  # untouched: kept exactly
        if amount is not None and needs_rate(code) and rate is None:
            message = _("Give the rate: how many {currency} for 1 €.").format(currency=code)
            raise self.error(message, "rate")
        return {"amount": amount, "currency": code, "rate": rate, "amount_eur": None}

    def set_value(self, value: Any) -> None:
        values = dict(value or {})
        self.loaded = values if values.get("amount") is not None else None
        self.amount.setText(amount_text(values.get("amount")))
        self.currency.set_code(values.get("currency"))
        self.rate.setText(rate_text(values.get("rate")))
        self._update()

    # --- live feedback ---------------------------------------------------

    def _tidy(self) -> None:
        """Leaving the amount: select a currency typed with it, show the number neatly."""
        try:
            amount, code = self._typed()
        except ValidationError:
            return
        if code and code != self.currency.code():
            self.currency.set_code(code)
        if amount is not None:
            self.amount.setText(amount_text(amount))

    def _update(self) -> None:
        code = self.currency.code()
        self.currency.setToolTip(currency_name(code))
        for widget in (self.rate_label, self.rate, self.rate_unit):
            widget.setVisible(needs_rate(code))
        self.rate_unit.setText(code)
        self.eur.setVisible(code != "EUR")
        self.eur.setText(self._eur_text())

    def _eur_text(self) -> str:
        try:
            values = self.value()
        except ValidationError:
            return ""
        if values["amount"] is None or values["currency"] == "EUR":
            return ""
        cents = money.to_cents(values["amount"])
        eur_given = values["amount_eur"]
        eur_cents = money.to_cents(eur_given) if eur_given is not None else None
        try:
            _used, eur = money.eur_cents(cents, values["currency"], values["rate"], eur_cents)
        except ValidationError:
            return ""
        amount = fmt.money(money.from_cents(eur), "EUR")
        parity = money.FIXED_PARITIES.get(values["currency"])
        if parity is None:
            return _("≈ {amount}").format(amount=amount)
        return _("≈ {amount} (fixed rate: 1 € = {rate} {currency})").format(
            amount=amount, rate=fmt.number(parity), currency=values["currency"]
        )


class EurEdit(Editor):
    """An amount in euros beside the main one (a transaction's bank fees): no currency, no rate."""

    def __init__(self, field: Field, parent: QWidget | None = None) -> None:
        super().__init__(field, parent)
        self.amount = self.wrap(QLineEdit())
        self.amount.setPlaceholderText(_("e.g. 12,50"))
        self.amount.textEdited.connect(self.changed)
        self.wrap(QLabel("€"), 0)

    def value(self) -> Decimal | None:
        text = self.amount.text().strip()
        if not text:
            return None
        try:
            amount = parse_amount(text)
            money.to_cents(amount)  # more than two decimals is refused, never rounded
        except ValidationError as error:
            raise self.error(str(error)) from None
        return amount

    def set_value(self, value: Any) -> None:
        self.amount.setText("" if value is None else fmt.number(value, places=2))
