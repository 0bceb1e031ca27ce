"""The OECD lists the declarations need, shipped as files rather than typed by the user.

The DAC List of ODA Recipients says which partner countries count as
development assistance; the DAC sector codes say what an action is about;
the CRS channel codes say through whom the money went. Their year and
source are in ``resources/data/README.md``.
"""

from __future__ import annotations

import csv
from functools import cache

from core import paths
from core.i18n import N_

DAC_LIST_FILE = "dac_recipients_2024.csv"
# The flows the shipped list is effective for (the OECD revises it every three years).
DAC_LIST_YEARS = (2024, 2025)
SECTORS_FILE = "dac_sectors.csv"
UNSPECIFIED_SECTOR = "99810"  # "Sectors not specified", when a project gives none

# CRS channels of delivery a commune's money goes through.
CHANNELS = {
    "11002": N_("Local government (donor country)"),
    "12002": N_("Local government (recipient country)"),
    "22000": N_("Donor country-based NGO"),
    "23000": N_("Developing country-based NGO"),
    "51000": N_("University, college or research institute"),
    "60000": N_("Private sector institution"),
    "90000": N_("Other"),
}
_CHANNEL_OF_KIND = {
    "municipal_service": "11002",
    "school": "51000",
    "company": "60000",
    "funder": "90000",
    "support_network": "90000",
    "other": "90000",
}
_NGO_KINDS = ("association", "twinning_committee", "ngo")


def _rows(name: str) -> list[dict[str, str]]:
    with (paths.resources_dir() / "data" / name).open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


@cache
def dac_recipients() -> dict[str, str]:
    """ISO code -> English name of every country on the DAC list of ODA recipients."""
    return {row["code"]: row["name"] for row in _rows(DAC_LIST_FILE)}


@cache
def dac_sectors() -> dict[str, str]:
    """5-digit DAC sector code -> English name."""
    return {row["code"]: row["name"] for row in _rows(SECTORS_FILE)}


def is_oda_recipient(country: str | None) -> bool:
    return bool(country) and country in dac_recipients()


def channel(org_kind: str | None, org_country: str | None) -> str:
    """The CRS channel of an expense, from the organisation it was paid to.

    Money spent by the commune itself (travel, staff time: no organisation)
    goes through the donor's local government; money paid to the partner
    authority, through the recipient's.
    """
    if org_kind is None:
        return "11002"
    if org_kind == "partner_authority":
        return "12002" if is_oda_recipient(org_country) else "11002"
    if org_kind in _NGO_KINDS:
        return "23000" if is_oda_recipient(org_country) else "22000"
    return _CHANNEL_OF_KIND.get(org_kind, "90000")
