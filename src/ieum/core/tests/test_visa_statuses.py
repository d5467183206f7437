from __future__ import annotations

import datetime as dt

import pytest

from ieum.core.models import VisaStatus
from ieum.core.selectors import visa_status

WORK = {
    "E-9": "eps",
    "E-10": "designated",
    "E-8": "seasonal",
    "H-2": "eps",
    "E-7": "designated",
    "E-7-4": "designated",
    "E-7-4R": "designated",
    "E-7-M": "designated",
    "D-2": "permit",
    "D-4": "permit",
    "D-10": "permit",
    "F-1": "none",
    "F-2": "free",
    "F-2-R": "area",
    "F-3": "none",
    "F-3-1R": "area",
    "F-4": "free",
    "F-4-R": "area",
    "F-5": "free",
    "F-6": "free",
    "G-1": "permit",
    "C-4": "seasonal",
    "D-3": "designated",
    "E-6-2": "designated",
    "H-1": "free",
    "F-2-99": "free",
}


@pytest.mark.parametrize(("code", "work"), WORK.items())
def test_the_status_exists_with_what_work_it_permits(region, code, work):
    status = visa_status(code)

    assert status is not None
    assert status.work == work
    assert status.work in VisaStatus.Work.values
    assert status.name_ko and status.name_en and status.source


def test_every_status_has_a_known_category(region):
    categories = set(VisaStatus.objects.values_list("category", flat=True))

    assert categories <= {"work", "study", "family", "residence", "ethnic", "humanitarian", "short-term"}


@pytest.mark.parametrize(
    ("code", "years", "start"),
    [
        ("F-2-R", 5, dt.date(2022, 10, 4)),
        ("E-7-4R", 3, dt.date(2025, 2, 20)),
        ("F-4-R", 2, dt.date(2022, 10, 4)),
    ],
)
def test_regional_statuses_carry_their_residence_obligation_and_start(region, code, years, start):
    status = visa_status(code)

    assert status.residence_years == years
    assert status.valid_from == start
    assert status.residence_note


def test_e10_sub_codes_hang_under_e10(region):
    children = VisaStatus.objects.filter(parent_code="E-10").values_list("code", flat=True)

    assert sorted(children) == ["E-10-1", "E-10-2", "E-10-3"]


def test_an_unknown_code_is_none(region):
    assert visa_status("Z-99") is None
