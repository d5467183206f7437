"""Online Korean classes for residents (multicultural families first, facts.md §0): courses by
level (KIIP stages 0–5, TOPIK levels 1–6), lessons with video and materials, enrollment, progress,
attendance and completion certificates."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _


class Track(models.TextChoices):
    KIIP = "kiip", _("KIIP stage")
    TOPIK = "topik", _("TOPIK level")


class Course(models.Model):
    code = models.SlugField(max_length=40, unique=True)
    title = models.CharField(_("title in Korean"), max_length=200)
    # {language: title}; the Korean title when the reader's language has none.
    titles = models.JSONField(default=dict, blank=True)
    track = models.CharField(max_length=6, choices=Track.choices)
    level = models.PositiveSmallIntegerField()
    description = models.TextField(blank=True)
    active = models.BooleanField(default=True)

    class Meta:
        ordering = ["track", "level", "code"]
        constraints = [
            models.CheckConstraint(
                condition=(Q(track="kiip") & Q(level__lte=5))
                | (Q(track="topik") & Q(level__gte=1) & Q(level__lte=6)),
                name="course_level_in_range",
            )
        ]

    def __str__(self) -> str:
        return self.display_title

    @property
    def display_title(self) -> str:
        return self.titles.get(get_language() or "", "") or self.titles.get("en", "") or self.title


class Lesson(models.Model):
    course = models.ForeignKey(Course, on_delete=models.CASCADE, related_name="lessons")
    order = models.PositiveSmallIntegerField()
    title = models.CharField(max_length=200)
    video_url = models.URLField(blank=True)
    materials_url = models.URLField(blank=True)
    minutes = models.PositiveSmallIntegerField(default=10)

    class Meta:
        ordering = ["course", "order"]
        constraints = [models.UniqueConstraint(fields=["course", "order"], name="uniq_lesson_order")]

    @property
    def short(self) -> bool:
        """A short mobile lesson (reminded by text message)."""
        return self.minutes <= 10


class Enrollment(models.Model):
    course = models.ForeignKey(Course, on_delete=models.PROTECT, related_name="enrollments")
    resident = models.ForeignKey("residents.Resident", on_delete=models.CASCADE, related_name="enrollments")
    enrolled_at = models.DateTimeField(auto_now_add=True)
    completed_at = models.DateTimeField(null=True, blank=True)
    certificate_no = models.CharField(max_length=30, blank=True)
    last_reminded_on = models.DateField(null=True, blank=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["course", "resident"], name="one_enrollment_per_course"),
            models.UniqueConstraint(
                fields=["certificate_no"], condition=~Q(certificate_no=""), name="uniq_certificate_no"
            ),
        ]


class LessonProgress(models.Model):
    enrollment = models.ForeignKey(Enrollment, on_delete=models.CASCADE, related_name="progress")
    lesson = models.ForeignKey(Lesson, on_delete=models.CASCADE, related_name="+")
    completed_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["enrollment", "lesson"], name="uniq_lesson_progress")]


class Attendance(models.Model):
    """Presence at a live (online or in-person) class session."""

    enrollment = models.ForeignKey(Enrollment, on_delete=models.CASCADE, related_name="attendance")
    on = models.DateField()
    present = models.BooleanField()
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        constraints = [models.UniqueConstraint(fields=["enrollment", "on"], name="one_attendance_per_day")]
