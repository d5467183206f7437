"""The interpreter pool, requests, offers and sessions (contact-center issue, item 4).

An interpreter may have an account (role interpreter) or be a contracted/volunteer person
without one, reached by phone; `user` is then empty and the coordinator answers for them.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _


class Modality(models.TextChoices):
    PHONE = "phone", _("phone")
    VIDEO = "video", _("video")
    IN_PERSON = "in_person", _("in person")


class Interpreter(models.Model):
    class Kind(models.TextChoices):
        STAFF = "staff", _("staff")
        CONTRACTED = "contracted", _("contracted")
        VOLUNTEER = "volunteer", _("volunteer")

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="interpreter_profile",
    )
    name = models.CharField(_("name"), max_length=200)
    phone = models.CharField(_("phone"), max_length=20, blank=True)
    kind = models.CharField(_("kind"), max_length=12, choices=Kind.choices, default=Kind.CONTRACTED)
    # Codes of Modality; a list rather than a table because there are three and they never change.
    modalities = models.JSONField(_("modalities"), default=list, blank=True)
    on_call = models.BooleanField(_("on call"), default=False)
    confidentiality_signed_on = models.DateField(
        _("confidentiality agreement signed on"), null=True, blank=True
    )
    rate_per_hour = models.PositiveIntegerField(_("rate per hour (KRW)"), default=0)
    rate_per_call = models.PositiveIntegerField(_("rate per call (KRW)"), default=0)
    active = models.BooleanField(_("active"), default=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class InterpreterLanguage(models.Model):
    """A language pair Korean ↔ `language` and how well the interpreter works in it."""

    class Level(models.IntegerChoices):
        BASIC = 1, _("basic")
        WORKING = 2, _("working")
        PROFESSIONAL = 3, _("professional")
        CERTIFIED = 4, _("certified")

    interpreter = models.ForeignKey(Interpreter, on_delete=models.CASCADE, related_name="languages")
    language = models.CharField(_("language"), max_length=12)
    level = models.PositiveSmallIntegerField(_("level"), choices=Level.choices, default=Level.WORKING)

    class Meta:
        ordering = ["language"]
        constraints = [
            models.UniqueConstraint(fields=["interpreter", "language"], name="uniq_interpreter_language")
        ]


class InterpreterAvailability(models.Model):
    """One weekly window (Korea time) in which the interpreter takes requests."""

    interpreter = models.ForeignKey(Interpreter, on_delete=models.CASCADE, related_name="availability")
    weekday = models.PositiveSmallIntegerField(_("weekday"))  # 0 = Monday, as datetime.weekday()
    start = models.TimeField(_("from"))
    end = models.TimeField(_("until"))

    class Meta:
        ordering = ["weekday", "start"]
        constraints = [
            models.CheckConstraint(condition=Q(start__lt=F("end")), name="availability_start_before_end"),
            models.CheckConstraint(condition=Q(weekday__lte=6), name="availability_weekday_0_6"),
        ]


class InterpreterRequest(models.Model):
    class Mode(models.TextChoices):
        ON_DEMAND = "on_demand", _("on demand (live call)")
        SCHEDULED = "scheduled", _("scheduled (appointment)")

    class Status(models.TextChoices):
        REQUESTED = "requested", _("requested")
        OFFERED = "offered", _("offered")
        ACCEPTED = "accepted", _("accepted")
        DECLINED = "declined", _("declined by everyone")
        EXPIRED = "expired", _("expired")
        CANCELLED = "cancelled", _("cancelled")
        FULFILLED = "fulfilled", _("fulfilled")

    OPEN_STATUSES = ("requested", "offered")

    language = models.CharField(_("language"), max_length=12)
    modality = models.CharField(_("modality"), max_length=10, choices=Modality.choices)
    mode = models.CharField(_("mode"), max_length=10, choices=Mode.choices, default=Mode.ON_DEMAND)
    scheduled_for = models.DateTimeField(_("scheduled for"), null=True, blank=True)
    expected_minutes = models.PositiveSmallIntegerField(_("expected minutes"), default=30)
    urgent = models.BooleanField(_("urgent"), default=False)
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.REQUESTED, db_index=True)
    # What the interpreter may see (privacy issue §1): a topic and a label (first name or case
    # number) chosen by the requester, never identifiers, status of stay or case notes.
    topic = models.CharField(_("topic"), max_length=200, blank=True)
    caller_label = models.CharField(_("caller's first name or case number"), max_length=100, blank=True)
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    case = models.ForeignKey(
        "casework.Case",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="interpreter_requests",
    )
    referral = models.ForeignKey(
        "referrals.Referral",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="interpreter_requests",
    )
    # Who asked, as a free label, e.g. "care.booking:42", "casework.overflow:7".
    source = models.CharField(max_length=60, blank=True)
    interpreter = models.ForeignKey(
        Interpreter, null=True, blank=True, on_delete=models.PROTECT, related_name="assignments"
    )
    created_at = models.DateTimeField(auto_now_add=True, db_index=True)
    accepted_at = models.DateTimeField(null=True, blank=True)
    closed_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at"]
        constraints = [
            models.CheckConstraint(
                condition=~Q(mode="scheduled") | Q(scheduled_for__isnull=False),
                name="scheduled_request_has_time",
            ),
            models.CheckConstraint(
                condition=~Q(status__in=["accepted", "fulfilled"]) | Q(interpreter__isnull=False),
                name="accepted_request_has_interpreter",
            ),
        ]

    def __str__(self) -> str:
        return f"#{self.pk} {self.language} {self.modality}"

    @property
    def is_open(self) -> bool:
        return self.status in self.OPEN_STATUSES


class InterpreterOffer(models.Model):
    class Answer(models.TextChoices):
        PENDING = "pending", _("waiting for an answer")
        ACCEPTED = "accepted", _("accepted")
        DECLINED = "declined", _("declined")
        EXPIRED = "expired", _("expired")
        WITHDRAWN = "withdrawn", _("taken by someone else")

    request = models.ForeignKey(InterpreterRequest, on_delete=models.CASCADE, related_name="offers")
    interpreter = models.ForeignKey(Interpreter, on_delete=models.PROTECT, related_name="offers")
    offered_at = models.DateTimeField()
    expires_at = models.DateTimeField(db_index=True)
    answer = models.CharField(max_length=10, choices=Answer.choices, default=Answer.PENDING)
    answered_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-offered_at"]
        constraints = [
            models.UniqueConstraint(fields=["request", "interpreter"], name="uniq_offer_per_interpreter"),
            # The database, not only the code, keeps a request from being won twice.
            models.UniqueConstraint(
                fields=["request"], condition=Q(answer="accepted"), name="one_accepted_offer_per_request"
            ),
        ]


class InterpreterSession(models.Model):
    class Outcome(models.TextChoices):
        COMPLETED = "completed", _("completed")
        PARTIAL = "partial", _("partly completed")
        NO_SHOW = "no_show", _("the caller did not come")
        CALL_DROPPED = "call_dropped", _("the call dropped")

    request = models.ForeignKey(InterpreterRequest, on_delete=models.PROTECT, related_name="sessions")
    interpreter = models.ForeignKey(Interpreter, on_delete=models.PROTECT, related_name="sessions")
    started_at = models.DateTimeField(_("started at"))
    ended_at = models.DateTimeField(_("ended at"))
    # From the request to the start of the session.
    response_seconds = models.PositiveIntegerField(default=0)
    duration_minutes = models.PositiveIntegerField(default=0)
    outcome = models.CharField(_("outcome"), max_length=12, choices=Outcome.choices)
    three_way_call = models.BooleanField(_("three-way call"), default=False)
    # Integer KRW at the rate of the day, so a later rate change does not rewrite past statements.
    amount = models.PositiveIntegerField(default=0)
    logged_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-started_at"]
        constraints = [
            models.CheckConstraint(
                condition=Q(started_at__lte=F("ended_at")), name="session_starts_before_end"
            ),
        ]
