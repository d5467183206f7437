from __future__ import annotations

import pytest

from ieum.portal.selectors import help_info

pytestmark = pytest.mark.django_db


def test_the_help_page_shows_the_center_hours_and_national_lines(client):
    page = client.get("/help/").content.decode()
    for number in ("1588-5949", "1345", "1577-1366"):
        assert f'href="tel:{number}"' in page
    assert "Monday, Tuesday, Wednesday, Thursday, Friday: 09:00 to 18:00" in page
    assert "Monday, Wednesday: 18:00 to 20:00" in page
    assert "Saturday: 09:00 to 18:00" in page


def test_the_hours_and_lines_are_data_of_the_region_pack():
    info = help_info("jeonnam")
    assert info.phone == "1588-5949"
    assert [(h.days, h.opens, h.closes) for h in info.hours][1] == (("mon", "wed"), "18:00", "20:00")
    assert {line.kind: line.phone for line in info.lines} == {"immigration": "1345", "danuri": "1577-1366"}
