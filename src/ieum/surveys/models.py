"""Surveys from XLSForm, their versions, submissions (raw XML + JSON), drafts and exports."""

from __future__ import annotations

import secrets

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


def _token() -> str:
    return secrets.token_urlsafe(24)


class Survey(models.Model):
    class Audience(models.TextChoices):
        ANYONE = "anyone", _("Anyone with the link")
        RESIDENT = "resident", _("Residents signed in")
        EMPLOYER = "employer", _("Employers signed in")

    id_string = models.SlugField(max_length=100, unique=True)
    title = models.CharField(_("title"), max_length=200)
    audience = models.CharField(
        _("who answers"), max_length=10, choices=Audience.choices, default=Audience.ANYONE
    )
    # The anonymous link (and the OpenRosa credential of enumerators without an account).
    token = models.CharField(max_length=64, unique=True, default=_token)
    is_open = models.BooleanField(_("open for answers"), default=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["title"]

    def __str__(self) -> str:
        return self.title

    @property
    def current(self) -> SurveyVersion | None:
        return self.versions.order_by("-created_at", "-pk").first()


class SurveyVersion(models.Model):
    survey = models.ForeignKey(Survey, on_delete=models.CASCADE, related_name="versions")
    version = models.CharField(max_length=50)
    xlsform = models.BinaryField()
    definition = models.JSONField()
    xform = models.TextField()
    languages = models.JSONField(default=list)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["survey", "version"], name="surveys_version_unique")]

    def __str__(self) -> str:
        return f"{self.survey.id_string} v{self.version}"


class Submission(models.Model):
    class Status(models.TextChoices):
        NEW = "new", _("Not reviewed")
        APPROVED = "approved", _("Approved")
        ON_HOLD = "on_hold", _("On hold")
        REJECTED = "rejected", _("Rejected")

    class Channel(models.TextChoices):
        WEB = "web", _("Web form")
        OPENROSA = "openrosa", _("ODK Collect or Enketo")

    survey = models.ForeignKey(Survey, on_delete=models.CASCADE, related_name="submissions")
    version = models.ForeignKey(SurveyVersion, on_delete=models.PROTECT, related_name="submissions")
    instance_id = models.CharField(max_length=100, unique=True)
    xml = models.TextField()
    data = models.JSONField()
    language = models.CharField(max_length=40, blank=True)
    channel = models.CharField(max_length=10, choices=Channel.choices, default=Channel.WEB)
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.NEW)
    respondent = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    resident = models.ForeignKey(
        "residents.Resident", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    received_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    submitted_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-submitted_at", "-pk"]
        indexes = [models.Index(fields=["survey", "status"])]

    def __str__(self) -> str:
        return self.instance_id


class SubmissionEdit(models.Model):
    """Every change to a submission after it arrived: what was there, what is now, who, when."""

    submission = models.ForeignKey(Submission, on_delete=models.CASCADE, related_name="edits")
    editor = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    at = models.DateTimeField(auto_now_add=True)
    before = models.JSONField()
    after = models.JSONField()
    note = models.CharField(max_length=300, blank=True)

    class Meta:
        ordering = ["at", "pk"]


class Answer(models.Model):
    """One analysed answer of a choice or number question, so dashboards aggregate in SQL without
    reading submissions (the bench: a dashboard over 1,000,000 submissions in under a second)."""

    survey = models.ForeignKey(Survey, on_delete=models.CASCADE, related_name="+")
    submission = models.ForeignKey(Submission, on_delete=models.CASCADE, related_name="answers")
    question = models.CharField(max_length=100)
    value = models.CharField(max_length=100)
    number = models.FloatField(null=True)

    class Meta:
        indexes = [models.Index(fields=["survey", "question", "value"], name="surveys_answer_cube")]


class Draft(models.Model):
    """Save and resume: the answers so far, for a signed-in respondent or an anonymous link's
    resume key (kept in the browser session)."""

    survey = models.ForeignKey(Survey, on_delete=models.CASCADE, related_name="drafts")
    respondent = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.CASCADE)
    resume_key = models.CharField(max_length=64, blank=True, db_index=True)
    language = models.CharField(max_length=40, blank=True)
    data = models.JSONField(default=dict)
    updated_at = models.DateTimeField(auto_now=True)


class Export(models.Model):
    class Status(models.TextChoices):
        QUEUED = "queued", _("Waiting")
        RUNNING = "running", _("Running")
        DONE = "done", _("Ready")
        FAILED = "failed", _("Failed")

    class Format(models.TextChoices):
        XLSX = "xlsx", "XLSX"
        CSV = "csv", "CSV"

    survey = models.ForeignKey(Survey, on_delete=models.CASCADE, related_name="exports")
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    format = models.CharField(max_length=4, choices=Format.choices, default=Format.XLSX)
    language = models.CharField(max_length=40, blank=True)  # empty: codes instead of labels
    status = models.CharField(max_length=8, choices=Status.choices, default=Status.QUEUED)
    done = models.PositiveIntegerField(default=0)
    total = models.PositiveIntegerField(default=0)
    path = models.CharField(max_length=300, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    @property
    def percent(self) -> int:
        return (
            100 if self.status == self.Status.DONE else int(100 * self.done / self.total) if self.total else 0
        )
