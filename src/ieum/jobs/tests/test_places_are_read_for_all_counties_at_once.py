"""The lawfulness rules need each county's province and decline designation on a day; the jobs
pages read them for all counties in a fixed number of queries, with the same answers as the
reference data's own per-county methods (before and after the 1 Jul 2026 Gwangju–Jeonnam merger)."""

from __future__ import annotations

import datetime as dt

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from ieum.core.models import Municipality
from ieum.jobs.selectors import places_on

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    "day", [dt.date(2025, 6, 1), dt.date(2026, 6, 30), dt.date(2026, 7, 1), dt.date(2026, 11, 26)]
)
def test_places_agree_with_each_countys_own_answer(region, day):
    places = places_on(day)
    for m in Municipality.objects.all():
        province = m.province_on(day)
        assert places[m.code].province == (province.code if province else ""), (m.code, day)
        assert places[m.code].decline == m.is_decline_area_on(day), (m.code, day)
    assert any(p.decline for p in places.values()), "the region pack designates decline areas"


def test_places_cost_the_same_queries_however_many_counties(region):
    with CaptureQueriesContext(connection) as seen:
        places_on(dt.date(2026, 11, 26))
    assert len(seen.captured_queries) <= 3
