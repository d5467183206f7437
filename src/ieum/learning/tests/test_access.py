"""Learning pages against every role: residents their own courses and certificates, the desk
(counselors, admins) the rosters."""

from __future__ import annotations

import pytest

from ieum.core.testing import role_users, wrongly_treated
from ieum.learning.models import Course
from ieum.learning.services import courses_load, enrollment_create, lesson_complete
from ieum.residents.services import ResidentData, resident_create

pytestmark = pytest.mark.django_db

COVERED_PATTERNS = {
    "learning/",
    "learning/courses/<int:course_id>/",
    "learning/my/",
    "learning/my/courses/<int:course_id>/",
    "learning/my/lessons/<int:lesson_id>/done/",
    "learning/my/enrollments/<int:enrollment_id>/certificate.pdf",
}
DESK = {"counselor", "admin"}
RESIDENTS = {"resident_self", "resident_other"}


@pytest.fixture
def world():
    users = role_users()
    courses_load()
    people = {}
    for role, name in (("resident_self", "AZIZ KARIMOV"), ("resident_other", "TRAN VAN AN")):
        person = resident_create(data=ResidentData(name=name, preferred_language="en"), actor=None)
        person.user = users[role]
        person.save()
        people[role] = person
    course = Course.objects.get(code="topik-1-daily")
    enrollment = enrollment_create(course=course, resident=people["resident_self"], actor=None)
    for lesson in course.lessons.all():
        enrollment = lesson_complete(enrollment=enrollment, lesson=lesson, actor=None)
    return {"users": users, "course": course, "enrollment": enrollment}


def test_the_desk_sees_rosters(world):
    course = world["course"]
    assert wrongly_treated(world["users"], DESK, lambda c: c.get("/learning/")) == []
    assert wrongly_treated(world["users"], DESK, lambda c: c.get(f"/learning/courses/{course.pk}/")) == []


def test_residents_see_courses_and_only_their_own_certificate(world):
    users, course, enrollment = world["users"], world["course"], world["enrollment"]
    assert wrongly_treated(users, RESIDENTS, lambda c: c.get("/learning/my/")) == []
    assert wrongly_treated(users, RESIDENTS, lambda c: c.get(f"/learning/my/courses/{course.pk}/")) == []
    lesson = course.lessons.first()
    # Only the enrolled resident may mark the lesson; the other has no enrollment (404).
    assert (
        wrongly_treated(users, {"resident_self"}, lambda c: c.post(f"/learning/my/lessons/{lesson.pk}/done/"))
        == []
    )
    url = f"/learning/my/enrollments/{enrollment.pk}/certificate.pdf"
    assert wrongly_treated(users, {"resident_self"}, lambda c: c.get(url)) == []
