from __future__ import annotations

import datetime as dt
import io

import pytest
from django.core.exceptions import ValidationError
from pypdf import PdfReader

from ieum.learning.certificates import certificate_pdf
from ieum.learning.services import (
    attendance_record,
    enrollment_create,
    lesson_complete,
    lesson_reminders_send,
)
from ieum.notify.models import Delivery
from ieum.residents.services import korean_level_record

pytestmark = pytest.mark.django_db


def _finish(course, learner):
    enrollment = enrollment_create(course=course, resident=learner, actor=None)
    for lesson in course.lessons.all():
        enrollment = lesson_complete(enrollment=enrollment, lesson=lesson, actor=None)
    return enrollment


def test_the_last_lesson_completes_the_course_as_an_uncertified_course_level(courses, learner):
    korean_level_record(resident=learner, kind="topik", level=2, achieved_on=None, certified=True, actor=None)
    enrollment = enrollment_create(course=courses["topik-1-daily"], resident=learner, actor=None)
    first, last = courses["topik-1-daily"].lessons.all()
    assert lesson_complete(enrollment=enrollment, lesson=first, actor=None).completed_at is None
    enrollment = lesson_complete(enrollment=enrollment, lesson=last, actor=None)
    assert enrollment.completed_at and enrollment.certificate_no.startswith("IEUM-KO-")
    levels = {(k.kind, k.level, k.certified) for k in learner.korean.all()}
    assert levels == {("topik", 2, True), ("course", 1, False)}
    assert Delivery.objects.filter(template="learning.completed", resident=learner).exists()


def test_the_certificate_names_the_person_in_hangul_and_in_their_own_script(courses, learner):
    enrollment = _finish(courses["kiip-0-family"], learner)
    text = PdfReader(io.BytesIO(certificate_pdf(enrollment))).pages[0].extract_text()
    assert "아지즈 카리모프" in text
    assert "Азиз Каримов" in text and "AZIZ KARIMOV" in text
    assert "사회통합프로그램 0단계" in text and enrollment.certificate_no in text


def test_enrolling_twice_is_refused(courses, learner):
    enrollment_create(course=courses["kiip-0-family"], resident=learner, actor=None)
    with pytest.raises(ValidationError):
        enrollment_create(course=courses["kiip-0-family"], resident=learner, actor=None)


def test_a_lesson_of_another_course_does_not_count(courses, learner):
    enrollment = enrollment_create(course=courses["kiip-0-family"], resident=learner, actor=None)
    with pytest.raises(ValidationError):
        lesson_complete(enrollment=enrollment, lesson=courses["topik-1-daily"].lessons.first(), actor=None)


def test_attendance_is_kept_once_a_day_and_not_in_the_future(courses, learner, counselor):
    enrollment = enrollment_create(course=courses["kiip-0-family"], resident=learner, actor=None)
    today = dt.date.today()
    attendance_record(enrollment=enrollment, on=today, present=False, actor=counselor)
    attendance_record(enrollment=enrollment, on=today, present=True, actor=counselor)
    assert list(enrollment.attendance.values_list("present", flat=True)) == [True]
    with pytest.raises(ValidationError):
        attendance_record(
            enrollment=enrollment, on=today + dt.timedelta(days=2), present=True, actor=counselor
        )


def test_a_short_lesson_is_reminded_once_a_day(courses, learner, outbox):
    enrollment_create(course=courses["kiip-0-family"], resident=learner, actor=None)
    day = dt.date(2026, 11, 26)
    assert lesson_reminders_send(today=day) == 1
    assert lesson_reminders_send(today=day) == 0
    assert lesson_reminders_send(today=day + dt.timedelta(days=1)) == 1
    reminder = Delivery.objects.filter(template="learning.lesson_reminder").first()
    assert reminder.language == "en"  # no Uzbek template: the configured fallback
    assert reminder.context["lesson"] == "한글 모음"
