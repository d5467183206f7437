from __future__ import annotations

import datetime as dt

import pytest

from ieum.core.models import Municipality
from ieum.core.selectors import province_of

LAST_DAY = dt.date(2026, 6, 30)
FIRST_DAY = dt.date(2026, 7, 1)
GWANGJU_DISTRICTS = ["29110", "29140", "29155", "29170", "29200"]


def test_yeongam_belongs_to_jeonnam_until_the_merger(region):
    assert province_of("46830", LAST_DAY).name_ko == "전라남도"


def test_yeongam_belongs_to_the_merged_province_from_1_july_2026(region):
    assert province_of("46830", FIRST_DAY).name_ko == "전남광주통합특별시"


def test_a_municipality_object_can_be_asked_too(region):
    yeongam = Municipality.objects.get(code="46830")

    assert province_of(yeongam, FIRST_DAY) == province_of("46830", FIRST_DAY)
    assert yeongam.province_on(LAST_DAY).code == "46"


@pytest.mark.parametrize("code", GWANGJU_DISTRICTS)
def test_gwangju_districts_join_the_merged_province(region, code):
    assert province_of(code, LAST_DAY).name_ko == "광주광역시"
    assert province_of(code, FIRST_DAY).name_ko == "전남광주통합특별시"


def test_every_one_of_the_27_has_exactly_one_province_each_day(region):
    for day in (dt.date(2024, 1, 1), LAST_DAY, FIRST_DAY, dt.date(2030, 1, 1)):
        for municipality in Municipality.objects.all():
            assert municipality.memberships.valid_on(day).count() == 1, (municipality.code, day)
