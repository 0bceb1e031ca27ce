"""The IATI codes an activity file uses, and the checks the XSD cannot make.

The XSD says where an element goes, not whether "XYZ" is a currency or
"99999" a sector: those come from IATI's codelists. The small lists are
written here (IATI 2.03 codelists); currencies and countries come from
Babel's ISO tables, sectors from the DAC list shipped with the app. Each
problem names the record that causes it, so the user knows what to fix.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import cache

from core.declarations import data
from core.i18n import _

# IATI OrganisationRole.
ROLE_FUNDING, ROLE_ACCOUNTABLE, ROLE_EXTENDING, ROLE_IMPLEMENTING = "1", "2", "3", "4"
ORGANISATION_ROLES = {ROLE_FUNDING, ROLE_ACCOUNTABLE, ROLE_EXTENDING, ROLE_IMPLEMENTING}
# IATI TransactionType: what a commune records.
INCOMING_FUNDS, EXPENDITURE = "1", "4"
TRANSACTION_TYPES = {"1", "2", "3", "4", "5", "6", "7", "8", "9", "10", "11", "12", "13"}
# IATI PolicyMarker (vocabulary 1, the OECD DAC markers) for the project fields.
POLICY_MARKERS = {
    "marker_gender": "1",
    "marker_environment": "2",
    "marker_biodiversity": "5",
    "marker_climate_mitigation": "6",
    "marker_climate_adaptation": "7",
    "marker_disability": "10",
    "marker_nutrition": "12",
}
POLICY_MARKER_CODES = {str(code) for code in range(1, 13)}
LOCAL_GOVERNMENT = "11"  # IATI OrganisationType
# IATI ActivityStatus from our statuses.
PARTNERSHIP_STATUS = {"exploratory": "1", "active": "2", "dormant": "6", "ended": "4"}
PROJECT_STATUS = {"planned": "1", "ongoing": "2", "completed": "4", "suspended": "6",
                  "cancelled": "5"}
SDG_GOALS = "2"  # IATI TagVocabulary 2: UN Sustainable Development Goals


@cache
def currencies() -> frozenset[str]:
    from babel.numbers import list_currencies

    return frozenset(list_currencies())


@cache
def countries() -> frozenset[str]:
    from babel import Locale

    territories = Locale("en").territories
    return frozenset(code for code in territories
                     if isinstance(code, str) and len(code) == 2 and code.isalpha()) | {"XK"}


def problems_of_code(kind: str, code: str | None, record: str) -> list[str]:
    """What is wrong with ``code`` as a ``kind`` (currency, country, sector), for ``record``."""
    if not code:
        return [_("{record}: no {what}.").format(record=record, what=_WHAT[kind]())]
    lists: dict[str, Callable[[], frozenset[str]]] = {
        "currency": currencies, "country": countries,
        "sector": lambda: frozenset(data.dac_sectors())}
    known = lists[kind]()
    if code not in known:
        return [_("{record}: «{code}» is not a known {what}.").format(
            record=record, code=code, what=_WHAT[kind]())]
    return []


_WHAT = {
    "currency": lambda: _("currency (ISO 4217)"),
    "country": lambda: _("country (ISO 3166)"),
    "sector": lambda: _("OECD DAC sector"),
}
