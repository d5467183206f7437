from __future__ import annotations

import datetime as dt

import pytest

from ieum.core.selectors import is_decline_area

CITIES = ["46110", "46130", "46150", "46170", "46230"]  # Mokpo, Yeosu, Suncheon, Naju, Gwangyang
MUAN = "46840"
DECLINING_COUNTIES = [
    "46710", "46720", "46730", "46770", "46780", "46790", "46800", "46810",
    "46820", "46830", "46860", "46870", "46880", "46890", "46900", "46910",
]  # fmt: skip
DAY = dt.date(2025, 3, 1)


@pytest.mark.parametrize("code", DECLINING_COUNTIES)
def test_the_sixteen_counties_are_decline_areas(region, code):
    assert is_decline_area(code, DAY)


@pytest.mark.parametrize("code", [*CITIES, MUAN])
def test_muan_and_the_five_cities_are_not(region, code):
    assert not is_decline_area(code, DAY)


def test_no_county_was_one_before_the_designation_of_18_october_2021(region):
    assert not is_decline_area("46830", dt.date(2021, 10, 17))
    assert is_decline_area("46830", dt.date(2021, 10, 18))


def test_gwangju_districts_are_not_decline_areas(region):
    assert not is_decline_area("29200", dt.date(2026, 7, 1), include_interest=True)
