"""A track's minimum income beyond any real one is refused by the form (it used to reach the
database and fail there with a 500; found by the bad-input sweep)."""

from __future__ import annotations

from ieum.visas.forms import TrackForm

TRACK = {
    "code": "e7-welders",
    "name": "E-7 welders",
    "base_status": "E-7",
    "korean_min": "2",
    "income_min": "30000000",
    "valid_from": "2027-01-01",
    "source": "Province plan",
}


def test_a_minimum_income_beyond_any_real_value_is_refused():
    assert TrackForm(TRACK).is_valid()
    form = TrackForm({**TRACK, "income_min": "99999999999999999999"})
    assert not form.is_valid() and "income_min" in form.errors
