"""The contact center's cases: topics, queues, counselor skills, cases and what hangs on them.

Other apps (interpreting, referrals, chat) point foreign keys at `Case`, `Topic` and `Queue`:
fields here are only ever added, never renamed or removed.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

OPEN_STATUSES = ("new", "assigned", "in_progress", "waiting")
# Statuses that count against a counselor's capacity (a waiting case is parked, not worked).
ACTIVE_STATUSES = ("assigned", "in_progress")


class Channel(models.TextChoices):
    PHONE = "phone", _("phone")
    WEB_CHAT = "web_chat", _("web chat")
    WEB_FORM = "web_form", _("web form")
    WALK_IN = "walk_in", _("walk-in")
    MESSENGER = "messenger", _("messenger")
    EMAIL = "email", _("e-mail")
    OUTREACH = "outreach", _("outreach")


class Topic(models.Model):
    """An editable taxonomy of what people call about (issue 5 item 1), seeded by 0002."""

    code = models.SlugField(max_length=40, unique=True)
    name_ko = models.CharField(_("name in Korean"), max_length=100)
    name_en = models.CharField(_("name in English"), max_length=100)
    # Names in other languages for topics added later: {"vi": "...", ...}.
    names = models.JSONField(default=dict, blank=True)
    ordering = models.PositiveSmallIntegerField(default=100)
    active = models.BooleanField(default=True)

    class Meta:
        ordering = ["ordering", "code"]

    def __str__(self) -> str:
        return self.label

    @property
    def label(self) -> str:
        """The name in the reader's language: the catalogue for seeded topics, else `names`."""
        from ieum.casework.topics import seeded_topic_label

        language = get_language() or "ko"
        if language == "ko":
            return self.name_ko
        return self.names.get(language) or seeded_topic_label(self.code) or self.name_en


class Queue(models.Model):
    """Where cases wait: one language × one topic (a null topic takes any topic)."""

    name = models.CharField(_("name"), max_length=100)
    language = models.CharField(_("language"), max_length=12)
    topic = models.ForeignKey(Topic, null=True, blank=True, on_delete=models.PROTECT, related_name="queues")
    supervisors = models.ManyToManyField(
        settings.AUTH_USER_MODEL, blank=True, related_name="supervised_queues"
    )
    members = models.ManyToManyField(settings.AUTH_USER_MODEL, blank=True, related_name="case_queues")
    active = models.BooleanField(default=True)

    class Meta:
        ordering = ["language", "topic__ordering", "name"]
        constraints = [
            models.UniqueConstraint(fields=["language", "topic"], name="uniq_queue_language_topic")
        ]

    def __str__(self) -> str:
        return self.name


class CounselorProfile(models.Model):
    """A counselor's routing state; its row is locked while a case is given to them, so two
    concurrent assignments cannot push them over capacity."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="counselor_profile"
    )
    available = models.BooleanField(default=True)
    last_assigned_at = models.DateTimeField(null=True, blank=True)


class CounselorSkill(models.Model):
    class Level(models.TextChoices):
        NATIVE = "native", _("native")
        FLUENT = "fluent", _("fluent")
        WORKING = "working", _("working")
        BASIC = "basic", _("basic")

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="counselor_skills"
    )
    language = models.CharField(max_length=12)
    level = models.CharField(max_length=8, choices=Level.choices, default=Level.FLUENT)
    topics = models.ManyToManyField(Topic, blank=True, related_name="+")  # empty = every topic

    class Meta:
        constraints = [models.UniqueConstraint(fields=["user", "language"], name="uniq_counselor_language")]


class CounselorCapacity(models.Model):
    """How many active cases of a channel a counselor takes at once; defaults in routing.toml."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="case_capacities"
    )
    channel = models.CharField(max_length=12, choices=Channel.choices)
    max_active = models.PositiveSmallIntegerField()

    class Meta:
        constraints = [models.UniqueConstraint(fields=["user", "channel"], name="uniq_counselor_channel")]


class CaseGroup(models.Model):
    """Many workers' cases against one employer, dormitory or broker (e.g. collective wage arrears)."""

    class Kind(models.TextChoices):
        EMPLOYER = "employer", _("employer")
        DORMITORY = "dormitory", _("dormitory")
        BROKER = "broker", _("broker")

    kind = models.CharField(max_length=10, choices=Kind.choices)
    name = models.CharField(_("name"), max_length=200)
    business_number = models.CharField(max_length=10, blank=True)
    municipality = models.ForeignKey(
        "core.Municipality", null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    note = models.TextField(blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    def __str__(self) -> str:
        return self.name


class Case(models.Model):
    class Urgency(models.TextChoices):
        LOW = "low", _("low")
        NORMAL = "normal", _("normal")
        HIGH = "high", _("high")
        URGENT = "urgent", _("urgent")

    class Status(models.TextChoices):
        NEW = "new", _("new")
        ASSIGNED = "assigned", _("assigned")
        IN_PROGRESS = "in_progress", _("in progress")
        WAITING = "waiting", _("waiting")
        RESOLVED = "resolved", _("resolved")
        CLOSED = "closed", _("closed")

    class WaitingOn(models.TextChoices):
        NONE = "", _("nobody")
        RESIDENT = "resident", _("the resident")
        PARTNER = "partner", _("a partner")
        INTERPRETER = "interpreter", _("an interpreter")

    class CallerKind(models.TextChoices):
        SELF = "", _("the person themselves")
        COUNTY_OFFICIAL = "county_official", _("a county official")
        HOSPITAL = "hospital", _("a hospital")
        EMPLOYER = "employer", _("an employer")
        RELATIVE = "relative", _("a relative")
        OTHER = "other", _("someone else")

    # Set right after the row is written, from its id ("2026-0000123"); null only in between.
    number = models.CharField(max_length=20, unique=True, null=True, blank=True)
    channel = models.CharField(max_length=12, choices=Channel.choices)
    topic = models.ForeignKey(Topic, on_delete=models.PROTECT, related_name="cases")
    language = models.CharField(max_length=12)
    urgency = models.CharField(max_length=8, choices=Urgency.choices, default=Urgency.NORMAL)
    status = models.CharField(max_length=12, choices=Status.choices, default=Status.NEW)
    waiting_on = models.CharField(max_length=12, choices=WaitingOn.choices, blank=True, default="")
    summary = models.TextField(blank=True)
    resolution = models.TextField(blank=True)
    sensitive = models.BooleanField(default=False)

    resident = models.ForeignKey(
        "residents.Resident", null=True, blank=True, on_delete=models.PROTECT, related_name="cases"
    )
    # E.164, as the resident's own phone is stored; never written to logs.
    caller_phone = models.CharField(max_length=20, blank=True, db_index=True)
    caller_kind = models.CharField(max_length=16, choices=CallerKind.choices, blank=True, default="")
    caller_name = models.CharField(max_length=200, blank=True)
    caller_organisation = models.CharField(max_length=200, blank=True)
    municipality = models.ForeignKey(
        "core.Municipality", null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    group = models.ForeignKey(
        CaseGroup, null=True, blank=True, on_delete=models.SET_NULL, related_name="cases"
    )

    queue = models.ForeignKey(Queue, null=True, blank=True, on_delete=models.PROTECT, related_name="cases")
    # One FK: a case has exactly one assignee or none.
    assignee = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="assigned_cases",
    )
    needs_interpreter = models.BooleanField(default=False)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    opened_at = models.DateTimeField(db_index=True)
    assigned_at = models.DateTimeField(null=True, blank=True)
    first_response_at = models.DateTimeField(null=True, blank=True)
    resolved_at = models.DateTimeField(null=True, blank=True)
    closed_at = models.DateTimeField(null=True, blank=True)
    close_requested_at = models.DateTimeField(null=True, blank=True)
    close_requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    close_approved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    reopened_count = models.PositiveSmallIntegerField(default=0)

    # SLA clock (see sla.py): due times on the business calendar; while waiting the clock stops
    # at `sla_paused_at` and the dues move on by the business time spent waiting.
    first_response_due = models.DateTimeField(null=True, blank=True)
    resolution_due = models.DateTimeField(null=True, blank=True)
    sla_paused_at = models.DateTimeField(null=True, blank=True)
    sla_warned_at = models.DateTimeField(null=True, blank=True)
    sla_escalated_at = models.DateTimeField(null=True, blank=True)
    first_response_breached = models.BooleanField(default=False)
    resolution_breached = models.BooleanField(default=False)

    class Meta:
        ordering = ["-opened_at", "-id"]
        indexes = [
            models.Index(fields=["assignee", "status", "opened_at"], name="case_assignee_idx"),
            models.Index(fields=["queue", "status", "opened_at"], name="case_queue_idx"),
            models.Index(fields=["resident", "status"], name="case_resident_idx"),
            models.Index(fields=["status", "resolution_due"], name="case_sla_idx"),
            # Search by status and language, newest first, at a million cases.
            models.Index(fields=["status", "language", "opened_at"], name="case_status_language_idx"),
            # The queue's waiting list: only the new, unassigned rows, in due order.
            models.Index(
                fields=["queue", "first_response_due", "opened_at"],
                condition=Q(status="new", assignee__isnull=True),
                name="case_waiting_idx",
            ),
        ]
        constraints = [
            models.CheckConstraint(
                condition=Q(status="new")
                | Q(status="closed")
                | Q(status="resolved")
                | Q(assignee__isnull=False),
                name="case_worked_has_assignee",
            ),
        ]

    def __str__(self) -> str:
        return self.number or f"#{self.pk}"

    @property
    def is_open(self) -> bool:
        return self.status in OPEN_STATUSES


class CaseEvent(models.Model):
    """The case's own history (the resident's timeline gets the same steps, see services)."""

    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="events")
    at = models.DateTimeField()
    kind = models.CharField(max_length=40)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    params = models.JSONField(default=dict, blank=True)

    class Meta:
        ordering = ["-at", "-id"]
        indexes = [models.Index(fields=["case", "at"])]


class CaseNote(models.Model):
    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="notes")
    text = models.TextField()
    # Shareable notes may go to the resident or, with consent, to a partner; internal never leave.
    shareable = models.BooleanField(default=False)
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-created_at", "-id"]


class CaseTask(models.Model):
    """One step of the case's service plan."""

    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="tasks")
    title = models.CharField(max_length=200)
    due_on = models.DateField(null=True, blank=True)
    assignee = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    done_at = models.DateTimeField(null=True, blank=True)
    done_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["done_at", "due_on", "id"]


class CaseAttachment(models.Model):
    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="attachments")
    original_name = models.CharField(max_length=200)
    stored_name = models.CharField(max_length=80, unique=True)
    content_type = models.CharField(max_length=60)
    size = models.PositiveIntegerField()
    sha256 = models.CharField(max_length=64)
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    uploaded_at = models.DateTimeField(auto_now_add=True)


class Callback(models.Model):
    """A caller asked to be called back; callbacks have their own queue."""

    class Status(models.TextChoices):
        PENDING = "pending", _("waiting")
        DONE = "done", _("called back")
        FAILED = "failed", _("not reached")
        CANCELLED = "cancelled", _("cancelled")

    case = models.ForeignKey(Case, null=True, blank=True, on_delete=models.SET_NULL, related_name="callbacks")
    phone = models.CharField(max_length=20)  # E.164; never logged
    language = models.CharField(max_length=12)
    queue = models.ForeignKey(
        Queue, null=True, blank=True, on_delete=models.SET_NULL, related_name="callbacks"
    )
    requested_at = models.DateTimeField()
    call_after = models.DateTimeField(null=True, blank=True)
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.PENDING)
    attempts = models.PositiveSmallIntegerField(default=0)
    taken_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    done_at = models.DateTimeField(null=True, blank=True)
    note = models.CharField(max_length=300, blank=True)

    class Meta:
        ordering = ["requested_at", "id"]
        indexes = [models.Index(fields=["status", "requested_at"])]


class CallLog(models.Model):
    """One call as the telephony system (CTI) reported it."""

    class Outcome(models.TextChoices):
        RINGING = "", _("ringing")
        ANSWERED = "answered", _("answered")
        MISSED = "missed", _("missed")
        ABANDONED = "abandoned", _("caller hung up")
        VOICEMAIL = "voicemail", _("voicemail")
        TRANSFERRED = "transferred", _("transferred")
        CALLBACK = "callback", _("callback requested")

    call_id = models.CharField(max_length=100, unique=True)
    case = models.ForeignKey(Case, null=True, blank=True, on_delete=models.SET_NULL, related_name="calls")
    direction = models.CharField(max_length=8, default="in")  # in, out
    caller_phone = models.CharField(max_length=20, blank=True)
    ivr_language = models.CharField(max_length=12, blank=True)
    queue = models.ForeignKey(Queue, null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    counselor = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    started_at = models.DateTimeField()
    answered_at = models.DateTimeField(null=True, blank=True)
    ended_at = models.DateTimeField(null=True, blank=True)
    outcome = models.CharField(max_length=12, choices=Outcome.choices, blank=True, default="")
    duration_seconds = models.PositiveIntegerField(default=0)
    three_way = models.BooleanField(default=False)

    class Meta:
        ordering = ["-started_at", "-id"]
        indexes = [models.Index(fields=["counselor", "ended_at"])]


class TelephonyAccount(models.Model):
    """An account of the telephony system (CTI): its API tokens may post call events, nothing else."""

    user = models.OneToOneField(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="telephony")
    name = models.CharField(max_length=100)
    created_at = models.DateTimeField(auto_now_add=True)
