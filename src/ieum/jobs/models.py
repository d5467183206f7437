"""Employers, vacancies, seeker profiles, matching rounds and placements (issue 8)."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _


class Employer(models.Model):
    class Size(models.TextChoices):
        MICRO = "micro", _("1–4 workers")
        SMALL = "small", _("5–49 workers")
        MEDIUM = "medium", _("50–299 workers")
        LARGE = "large", _("300 or more workers")

    name = models.CharField(_("business name"), max_length=200)
    brn = models.CharField(_("business registration number"), max_length=10, unique=True)
    ksic_code = models.CharField(_("industry (KSIC)"), max_length=6)
    municipality = models.ForeignKey("core.Municipality", on_delete=models.PROTECT, related_name="+")
    size = models.CharField(_("size"), max_length=8, choices=Size.choices)
    dormitory = models.BooleanField(_("dormitory or housing offered"), default=False)
    housing_note = models.CharField(_("housing details"), max_length=300, blank=True)
    contact_name = models.CharField(_("contact person"), max_length=100)
    contact_phone = models.CharField(_("contact phone"), max_length=20)
    contact_email = models.EmailField(_("contact e-mail"), blank=True)
    # Languages spoken at the workplace (codes), used in the language factor of the scores.
    languages = models.JSONField(default=list, blank=True)
    verified_at = models.DateTimeField(null=True, blank=True)
    verified_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name

    @property
    def verified(self) -> bool:
        return self.verified_at is not None


class EmployerMember(models.Model):
    """An employer account acting for one business."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="employer_member"
    )
    employer = models.ForeignKey(Employer, on_delete=models.CASCADE, related_name="members")


class Vacancy(models.Model):
    class Status(models.TextChoices):
        OPEN = "open", _("open")
        FILLED = "filled", _("filled")
        CLOSED = "closed", _("closed")

    employer = models.ForeignKey(Employer, on_delete=models.CASCADE, related_name="vacancies")
    title = models.CharField(_("job title"), max_length=200)
    ksco_code = models.CharField(_("occupation (KSCO)"), max_length=5)
    ksic_code = models.CharField(_("industry (KSIC)"), max_length=6)
    municipality = models.ForeignKey("core.Municipality", on_delete=models.PROTECT, related_name="+")
    wage_hourly = models.PositiveIntegerField(_("hourly wage (KRW)"))
    hours_per_week = models.PositiveSmallIntegerField(_("hours per week"))
    shifts = models.CharField(_("shifts"), max_length=200, blank=True)
    housing = models.BooleanField(_("housing offered"), default=False)
    korean_required = models.PositiveSmallIntegerField(_("Korean level required (TOPIK)"), default=0)
    skills = models.JSONField(default=list, blank=True)
    certificates = models.JSONField(default=list, blank=True)
    start_date = models.DateField(_("start date"))
    headcount = models.PositiveSmallIntegerField(_("number of openings"))
    # The statuses of stay the employer accepts, intersected with the lawfulness rules.
    statuses = models.JSONField(default=list, blank=True)
    status = models.CharField(max_length=8, choices=Status.choices, default=Status.OPEN)
    shown_count = models.PositiveIntegerField(default=0)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-created_at"]
        constraints = [
            models.CheckConstraint(condition=Q(headcount__gte=1), name="vacancy_headcount_positive"),
            models.CheckConstraint(condition=Q(wage_hourly__gte=1), name="vacancy_wage_positive"),
        ]

    def __str__(self) -> str:
        return self.title


class SeekerProfile(models.Model):
    """What a resident adds to their record to look for work. Visa, Korean level, education and
    county come from the resident record itself."""

    resident = models.OneToOneField("residents.Resident", on_delete=models.CASCADE, related_name="seeker")
    skills = models.JSONField(default=list, blank=True)
    certificates = models.JSONField(default=list, blank=True)
    # [{"ksco": "7430", "years": 3}, …]
    experience = models.JSONField(default=list, blank=True)
    wanted_wage = models.PositiveIntegerField(_("wanted hourly wage (KRW)"), default=0)
    industries = models.JSONField(default=list, blank=True)
    counties = models.JSONField(default=list, blank=True)  # municipality codes besides their own
    available_from = models.DateField(_("available from"), null=True, blank=True)
    needs_housing = models.BooleanField(_("I need housing"), default=False)
    active = models.BooleanField(default=True)
    shown_count = models.PositiveIntegerField(default=0)
    updated_at = models.DateTimeField(auto_now=True)


class MatchingRound(models.Model):
    class Status(models.TextChoices):
        QUEUED = "queued", _("waiting")
        RUNNING = "running", _("running")
        DONE = "done", _("done")
        FAILED = "failed", _("failed")

    name = models.CharField(_("name"), max_length=200)
    status = models.CharField(max_length=8, choices=Status.choices, default=Status.QUEUED)
    progress = models.PositiveSmallIntegerField(default=0)  # percent
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)
    finished_at = models.DateTimeField(null=True, blank=True)
    total_score = models.BigIntegerField(default=0)
    greedy_score = models.BigIntegerField(default=0)
    pairs_considered = models.PositiveIntegerField(default=0)

    class Meta:
        ordering = ["-created_at"]


class RoundPair(models.Model):
    round = models.ForeignKey(MatchingRound, on_delete=models.CASCADE, related_name="pairs")
    seeker = models.ForeignKey(SeekerProfile, on_delete=models.CASCADE, related_name="+")
    vacancy = models.ForeignKey(Vacancy, on_delete=models.CASCADE, related_name="+")
    score = models.PositiveIntegerField()
    factors = models.JSONField(default=list)

    class Meta:
        constraints = [
            # At most one offer per person per round.
            models.UniqueConstraint(fields=["round", "seeker"], name="round_one_offer_per_person"),
        ]


class Placement(models.Model):
    """A candidate's way through one vacancy: shortlisted, offered, interviewed, hired, left."""

    class Stage(models.TextChoices):
        SHORTLISTED = "shortlisted", _("shortlisted")
        OFFERED = "offered", _("offered")
        INTERVIEWED = "interviewed", _("interviewed")
        HIRED = "hired", _("hired")
        DECLINED = "declined", _("declined")
        LEFT = "left", _("left the job")

    vacancy = models.ForeignKey(Vacancy, on_delete=models.PROTECT, related_name="placements")
    seeker = models.ForeignKey(SeekerProfile, on_delete=models.PROTECT, related_name="placements")
    stage = models.CharField(max_length=12, choices=Stage.choices, default=Stage.SHORTLISTED)
    score = models.PositiveIntegerField(default=0)
    offered_at = models.DateTimeField(null=True, blank=True)
    interviewed_at = models.DateTimeField(null=True, blank=True)
    hired_on = models.DateField(null=True, blank=True)
    left_on = models.DateField(null=True, blank=True)
    # A workplace change (the person moved to another employer), not only leaving.
    workplace_change = models.BooleanField(default=False)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["vacancy", "seeker"], name="placement_once_per_vacancy"),
        ]
