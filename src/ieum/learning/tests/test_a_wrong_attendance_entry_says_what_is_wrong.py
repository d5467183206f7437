"""The roster's attendance form says what was wrong and records nothing."""

from __future__ import annotations

import pytest

from ieum.core.testing import client_for, role_users
from ieum.learning.models import Attendance, Course
from ieum.learning.services import courses_load, enrollment_create
from ieum.residents.services import ResidentData, resident_create

pytestmark = pytest.mark.django_db


@pytest.fixture
def roster():
    users = role_users()
    courses_load()
    course = Course.objects.get(code="topik-1-daily")
    person = resident_create(data=ResidentData(name="AZIZ KARIMOV"), actor=None)
    enrollment = enrollment_create(course=course, resident=person, actor=None)
    return client_for(users["counselor"]), course, enrollment


def _messages(response) -> list[str]:
    return [str(m) for m in response.context["messages"]]


def test_an_invalid_date_is_named_and_nothing_is_recorded(roster):
    client, course, enrollment = roster
    response = client.post(
        f"/learning/courses/{course.pk}/", {"enrollment": enrollment.pk, "on": "2026-02-30", "present": "on"}
    )
    assert response.status_code == 200
    assert "Enter a valid date." in _messages(response)
    assert not Attendance.objects.exists()


def test_a_person_not_on_this_roster_is_named_and_nothing_is_recorded(roster):
    client, course, enrollment = roster
    other = Course.objects.exclude(pk=course.pk).first()
    response = client.post(
        f"/learning/courses/{other.pk}/", {"enrollment": enrollment.pk, "on": "2026-11-26", "present": "on"}
    )
    assert "This person is not enrolled in this course." in _messages(response)
    assert not Attendance.objects.exists()
