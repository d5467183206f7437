"""Writes of learning: courses from the data file, enrollment, progress, attendance, completion
(which records "course completed" on the Korean level, apart from certified results) and the
short-lesson reminders."""

from __future__ import annotations

import datetime as dt
import tomllib
from pathlib import Path

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from ieum.core.models import User
from ieum.learning.models import Attendance, Course, Enrollment, Lesson, LessonProgress
from ieum.notify.services import message_send
from ieum.residents.models import Resident
from ieum.residents.services import korean_level_record, timeline_add

DATA_FILE = Path(__file__).parent / "data" / "courses.toml"


@transaction.atomic
def courses_load(path: Path = DATA_FILE) -> int:
    rows = tomllib.loads(path.read_text(encoding="utf-8")).get("course", [])
    for row in rows:
        course, _created = Course.objects.update_or_create(
            code=row["code"],
            defaults={
                "title": row["title"],
                "titles": row.get("titles", {}),
                "track": row["track"],
                "level": row["level"],
                "description": row.get("description", ""),
            },
        )
        for order, lesson in enumerate(row.get("lessons", []), start=1):
            Lesson.objects.update_or_create(
                course=course,
                order=order,
                defaults={
                    "title": lesson["title"],
                    "video_url": lesson.get("video_url", ""),
                    "materials_url": lesson.get("materials_url", ""),
                    "minutes": lesson.get("minutes", 10),
                },
            )
    return len(rows)


@transaction.atomic
def enrollment_create(*, course: Course, resident: Resident, actor: User | None) -> Enrollment:
    if not course.active:
        raise ValidationError(_("This course is not open for enrollment."))
    try:
        with transaction.atomic():
            enrollment = Enrollment.objects.create(course=course, resident=resident)
    except IntegrityError:
        raise ValidationError(_("You are already enrolled in this course.")) from None
    timeline_add(
        resident=resident,
        service="learning",
        kind="learning.enrolled",
        params={"course": course.title},
        actor=actor,
    )
    return enrollment


@transaction.atomic
def lesson_complete(*, enrollment: Enrollment, lesson: Lesson, actor: User | None) -> Enrollment:
    """Marks a lesson done; the last lesson completes the course."""
    enrollment = Enrollment.objects.select_for_update().get(pk=enrollment.pk)
    if lesson.course_id != enrollment.course_id:
        raise ValidationError(_("This lesson belongs to another course."))
    LessonProgress.objects.get_or_create(enrollment=enrollment, lesson=lesson)
    done = enrollment.progress.count()
    if enrollment.completed_at is None and done >= enrollment.course.lessons.count():
        enrollment = _complete(enrollment, actor)
    return enrollment


def _complete(enrollment: Enrollment, actor: User | None) -> Enrollment:
    now = timezone.now()
    course = enrollment.course
    enrollment.completed_at = now
    enrollment.certificate_no = f"IEUM-KO-{timezone.localdate(now).year}-{enrollment.pk:06d}"
    enrollment.save(update_fields=["completed_at", "certificate_no"])
    # A course completion, never a certified test result (kept apart on the record).
    korean_level_record(
        resident=enrollment.resident,
        kind="course",
        level=course.level,
        achieved_on=timezone.localdate(now),
        certified=False,
        actor=actor,
    )
    timeline_add(
        resident=enrollment.resident,
        service="learning",
        kind="learning.completed",
        params={"course": course.title},
        actor=actor,
    )
    message_send(
        recipient=enrollment.resident, template="learning.completed", context={"course": course.title}
    )
    return enrollment


@transaction.atomic
def attendance_record(
    *, enrollment: Enrollment, on: dt.date, present: bool, actor: User | None
) -> Attendance:
    if on > timezone.localdate():
        raise ValidationError({"on": [_("The date cannot be in the future.")]})
    row, _created = Attendance.objects.update_or_create(
        enrollment=enrollment, on=on, defaults={"present": present, "recorded_by": actor}
    )
    return row


def next_lesson(enrollment: Enrollment) -> Lesson | None:
    done = enrollment.progress.values("lesson_id")
    return enrollment.course.lessons.exclude(pk__in=done).order_by("order").first()


def lesson_reminders_send(*, today: dt.date | None = None) -> int:
    """At most one reminder a day per enrollment for its next short lesson."""
    today = today or timezone.localdate()
    sent = 0
    active = Enrollment.objects.filter(completed_at__isnull=True, course__active=True).exclude(
        last_reminded_on=today
    )
    for enrollment in active.select_related("course", "resident"):
        lesson = next_lesson(enrollment)
        if lesson is None or not lesson.short:
            continue
        with transaction.atomic():
            locked = Enrollment.objects.select_for_update().get(pk=enrollment.pk)
            if locked.last_reminded_on == today:
                continue
            locked.last_reminded_on = today
            locked.save(update_fields=["last_reminded_on"])
            message_send(
                recipient=enrollment.resident,
                template="learning.lesson_reminder",
                context={"course": enrollment.course.title, "lesson": lesson.title},
            )
        sent += 1
    return sent
