"""The monthly review flags bulk viewing, night access and downloads."""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

import pytest
from django.db import connection

from ieum.core.access import log_access
from ieum.privacy.review import BULK_SUBJECTS_PER_DAY, access_review

KST = ZoneInfo("Asia/Seoul")


def _at(row, when: dt.datetime) -> None:
    with connection.cursor() as cursor:
        cursor.execute("UPDATE core_accesslog SET at = %s WHERE id = %s", [when, row.pk])


@pytest.mark.django_db
def test_bulk_night_and_download_patterns_are_flagged(counselor, officer):
    day = dt.datetime(2026, 10, 14, 10, 0, tzinfo=KST)
    for i in range(BULK_SUBJECTS_PER_DAY + 1):
        _at(log_access(user=counselor, action="view", subject_type="resident", subject_id=i), day)
    _at(
        log_access(user=officer, action="view", subject_type="resident", subject_id=1),
        dt.datetime(2026, 10, 15, 23, 30, tzinfo=KST),
    )
    _at(log_access(user=officer, action="download", subject_type="document", subject_id=9), day)
    reviews = {r.username: r for r in access_review(dt.date(2026, 10, 1))}
    assert reviews["counselor"].flags == ["bulk"]
    assert set(reviews["officer"].flags) == {"night", "exports"}


@pytest.mark.django_db
def test_ordinary_daytime_work_is_not_flagged(counselor):
    row = log_access(user=counselor, action="view", subject_type="resident", subject_id=1)
    _at(row, dt.datetime(2026, 10, 14, 14, 0, tzinfo=KST))
    assert [r.flags for r in access_review(dt.date(2026, 10, 1))] == [[]]
