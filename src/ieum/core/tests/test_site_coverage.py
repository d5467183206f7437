from __future__ import annotations

import datetime as dt

from ieum.core.selectors import site_for

YEOSU, MOKPO, BOSEONG = "46130", "46110", "46780"


def test_the_hq_serves_yeosu_before_the_east_center_opens(region):
    assert site_for(YEOSU, dt.date(2025, 6, 30)).code == "hq"


def test_the_east_center_serves_yeosu_from_1_july_2025(region):
    assert site_for(YEOSU, dt.date(2025, 7, 1)).code == "east"
    assert site_for(BOSEONG, dt.date(2026, 1, 1)).code == "east"


def test_the_hq_keeps_the_western_ones(region):
    assert site_for(MOKPO, dt.date(2025, 6, 30)).code == "hq"
    assert site_for(MOKPO, dt.date(2025, 7, 1)).code == "hq"


def test_no_site_serves_anyone_before_the_hq_opened(region):
    assert site_for(MOKPO, dt.date(2024, 7, 31)) is None
