"""The OECD lists shipped with the app: who is an ODA recipient, which sector codes exist."""

from __future__ import annotations

import pytest
from sqlite_utils import Database

from core import records
from core.declarations import data
from core.errors import ValidationError
from tests.core import factories


def test_the_dac_list_holds_our_partners_countries_and_not_the_graduated_ones() -> None:
    assert {"SN", "MA", "BO", "GT", "CM", "BJ", "PE", "ML", "BF", "PS", "XK"} <= set(
        data.dac_recipients())
    # Chile and Uruguay left the list in 2018, Antigua and Barbuda in 2022; donors never on it.
    assert not {"CL", "UY", "AG", "FR", "BE", "NL"} & set(data.dac_recipients())


def test_channels_follow_who_was_paid() -> None:
    assert data.channel(None, None) == "11002"  # the commune's own spending
    assert data.channel("partner_authority", "SN") == "12002"
    assert data.channel("ngo", "SN") == "23000"
    assert data.channel("twinning_committee", "BE") == "22000"
    assert set(map(data.channel, ["school", "company", "other"], [None] * 3)) <= set(data.CHANNELS)


def test_a_project_s_sector_is_a_code_of_the_list(db: Database) -> None:
    pid = factories.partnership(db)
    ok = records.create(db, "projects", {"partnership_id": pid, "title": "Eau",
                                         "dac_sector": "14030"})
    assert records.get(db, "projects", ok)["dac_sector"] == "14030"
    with pytest.raises(ValidationError) as caught:
        records.create(db, "projects", {"partnership_id": pid, "title": "X",
                                        "dac_sector": "12345"})
    assert caught.value.field == "dac_sector"
