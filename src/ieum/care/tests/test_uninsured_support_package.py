from __future__ import annotations

import datetime as dt
import io

import pytest
from pypdf import PdfReader

from ieum.care.services import booking_create
from ieum.care.support import cover_sheet_pdf
from ieum.care.uninsured import Period, estimate, period_on

DAY = dt.date(2026, 11, 26)


def test_ninety_percent_of_inpatient_costs_are_supported():
    result = estimate(cost_krw=2_000_000, care_type="inpatient", insured=False, day=DAY)
    assert (result.eligible, result.support_krw, result.resident_pays_krw) == (True, 1_800_000, 200_000)


def test_support_stops_at_five_million_per_episode_and_asks_for_review():
    result = estimate(cost_krw=8_000_000, care_type="surgery", insured=False, day=DAY)
    assert result.support_krw == 5_000_000 and result.needs_review


def test_insured_people_and_ordinary_outpatient_care_are_not_covered():
    assert estimate(cost_krw=100_000, care_type="surgery", insured=True, day=DAY).reason == "insured"
    assert estimate(cost_krw=100_000, care_type="outpatient", insured=False, day=DAY).reason == "care_type"


def test_the_parameters_are_dated_data():
    old = Period(dt.date(2000, 1, 1), dt.date(2017, 12, 31), 80, 3_000_000, ("inpatient",), (), "test")
    new = period_on(DAY)
    assert period_on(dt.date(2010, 1, 1), [old, new]) is old
    assert (
        estimate(cost_krw=10_000_000, care_type="inpatient", insured=False, day=DAY, period=old).support_krw
        == 3_000_000
    )
    with pytest.raises(LookupError):
        period_on(dt.date(1990, 1, 1), [old])


@pytest.mark.django_db
def test_the_cover_sheet_names_the_person_and_lists_the_documents(slot, nepali):
    booking = booking_create(slot=slot, resident=nepali, actor=None)
    result = estimate(cost_krw=2_000_000, care_type="inpatient", insured=False, day=DAY)
    text = PdfReader(io.BytesIO(cover_sheet_pdf(booking, result, 2_000_000))).pages[0].extract_text()
    assert "시타 구룽" in text and "SITA GURUNG" in text
    assert "1,800,000" in text and "하나로의원" in text
    assert len(result.documents) == 5
