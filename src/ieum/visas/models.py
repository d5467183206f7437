"""Regional visa programs: parameter changes, quotas, applications and their letters, obligations,
and the province-designed tracks (issue 6; facts.md §1)."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _

PROGRAM_CHOICES = [
    ("f2r", "F-2-R"),
    ("e74r", "E-7-4R"),
    ("f4r", "F-4-R"),
    ("f31r", "F-3-1R"),
    ("track", _("province-designed track")),
]


class ParameterChange(models.Model):
    """A dated value an officer added to a rule parameter. It never rewrites a past value: it holds
    from `valid_from`, and the engine prefers the value added last among those in force."""

    name = models.CharField(max_length=60)  # "f2r.income_threshold"
    value = models.JSONField()
    old_value = models.JSONField(null=True, blank=True)  # the value in force on valid_from before
    valid_from = models.DateField()
    valid_to = models.DateField(null=True, blank=True)
    source = models.TextField()
    changed_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    changed_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["id"]
        constraints = [
            models.CheckConstraint(
                condition=Q(valid_to__isnull=True) | Q(valid_to__gte=F("valid_from")),
                name="visas_param_period_ordered",
            )
        ]


class Track(models.Model):
    """A province-designed ("metropolitan") visa track (facts.md §1.6): D-2 students or E-7 by
    KSCO occupation codes, with the province's own criteria."""

    code = models.SlugField(max_length=30, unique=True)
    name = models.CharField(_("name"), max_length=200)
    base_status = models.CharField(_("status granted"), max_length=12)  # "D-2" or "E-7"
    feeder_statuses = models.JSONField(default=list, blank=True)
    ksco_codes = models.JSONField(default=list, blank=True)  # occupation codes (prefixes)
    korean_min = models.PositiveSmallIntegerField(default=0)
    income_min = models.BigIntegerField(default=0)
    degree_min = models.PositiveSmallIntegerField(default=0)  # Education.RANK
    valid_from = models.DateField()
    valid_to = models.DateField(null=True, blank=True)
    source = models.TextField(blank=True)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)

    def __str__(self) -> str:
        return self.name


class Quota(models.Model):
    """Recommendations allowed per program × year × city/county (× industry for a track).
    `used` moves only under a row lock (services.application_approve) and the constraint makes
    over-allocation impossible even if a code path forgot the lock."""

    program = models.CharField(max_length=8, choices=PROGRAM_CHOICES)
    year = models.PositiveSmallIntegerField()
    municipality = models.ForeignKey("core.Municipality", on_delete=models.PROTECT, related_name="+")
    industry = models.CharField(max_length=10, blank=True, default="")  # KSIC code for tracks
    track = models.ForeignKey(Track, null=True, blank=True, on_delete=models.PROTECT, related_name="quotas")
    amount = models.PositiveIntegerField()
    used = models.PositiveIntegerField(default=0)
    source = models.TextField(blank=True)

    class Meta:
        ordering = ["year", "program", "municipality__code", "industry"]
        constraints = [
            models.CheckConstraint(condition=Q(used__lte=F("amount")), name="visas_quota_not_exceeded"),
            models.UniqueConstraint(
                fields=["program", "year", "municipality", "industry"],
                condition=Q(track__isnull=True),
                name="visas_one_quota_per_cell",
            ),
            models.UniqueConstraint(
                fields=["track", "year", "municipality", "industry"],
                condition=Q(track__isnull=False),
                name="visas_one_track_quota_per_cell",
            ),
        ]

    @property
    def remaining(self) -> int:
        return self.amount - self.used


class QuotaNationality(models.Model):
    """Recommendations of one nationality against one quota, capped by the share in force
    (facts.md §1.2: ≤ 30 % from 2025, 40 % before). Counted under the quota's row lock."""

    quota = models.ForeignKey(Quota, on_delete=models.CASCADE, related_name="nationalities")
    nationality = models.ForeignKey("core.Nationality", on_delete=models.PROTECT, related_name="+")
    used = models.PositiveIntegerField(default=0)
    cap = models.PositiveIntegerField()

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["quota", "nationality"], name="visas_one_row_per_nationality"),
            models.CheckConstraint(condition=Q(used__lte=F("cap")), name="visas_nationality_cap"),
        ]


class Application(models.Model):
    class Status(models.TextChoices):
        SUBMITTED = "submitted", _("submitted, waiting for the county")
        COUNTY_APPROVED = "county_ok", _("recommended by the county, waiting for the province")
        REFUSED = "refused", _("not recommended")
        APPROVED = "approved", _("recommendation letter issued")
        FILED = "filed", _("filed with the immigration office")
        GRANTED = "granted", _("status granted")
        DENIED = "denied", _("status not granted")

    resident = models.ForeignKey(
        "residents.Resident", on_delete=models.PROTECT, related_name="visa_applications"
    )
    program = models.CharField(max_length=8, choices=PROGRAM_CHOICES)
    track = models.ForeignKey(Track, null=True, blank=True, on_delete=models.PROTECT, related_name="+")
    year = models.PositiveSmallIntegerField()
    # The recommending city/county (the applicant's home at application).
    municipality = models.ForeignKey("core.Municipality", on_delete=models.PROTECT, related_name="+")
    nationality = models.ForeignKey(
        "core.Nationality", null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    industry = models.CharField(max_length=10, blank=True, default="")
    employer_name = models.CharField(_("employer"), max_length=200, blank=True)
    employer_brn = models.CharField(_("business registration number"), max_length=10, blank=True)
    # Family members follow the principal's application (F-3-1R with an F-2-R).
    principal = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.PROTECT, related_name="family"
    )
    relation = models.CharField(max_length=8, blank=True)
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.SUBMITTED)
    screening = models.JSONField(default=dict, blank=True)  # the decision at submission
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    county_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    county_at = models.DateTimeField(null=True, blank=True)
    province_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    province_at = models.DateTimeField(null=True, blank=True)
    note = models.TextField(blank=True)
    quota = models.ForeignKey(
        Quota, null=True, blank=True, on_delete=models.PROTECT, related_name="applications"
    )
    letter_number = models.CharField(max_length=40, null=True, blank=True, unique=True)
    letter_issued_at = models.DateTimeField(null=True, blank=True)
    filed_on = models.DateField(null=True, blank=True)
    immigration_office = models.CharField(max_length=100, blank=True)
    decided_on = models.DateField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        indexes = [models.Index(fields=["municipality", "status"])]


class ApplicationDocument(models.Model):
    """A checklist item of the program (rules/<program>.toml "documents") and the resident's
    document that answers it (residents.Document)."""

    application = models.ForeignKey(Application, on_delete=models.CASCADE, related_name="documents")
    kind = models.CharField(max_length=10)
    document = models.ForeignKey("residents.Document", on_delete=models.PROTECT, related_name="+")

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["application", "kind"], name="visas_one_document_per_item")
        ]


class LetterCounter(models.Model):
    """The last letter number of a year; taken under a row lock, so numbers never repeat."""

    year = models.PositiveSmallIntegerField(unique=True)
    last = models.PositiveIntegerField(default=0)


class Obligation(models.Model):
    """What a granted regional status binds the holder to (facts.md §1.2–1.4, §7.3)."""

    application = models.OneToOneField(Application, on_delete=models.PROTECT, related_name="obligation")
    resident = models.ForeignKey(
        "residents.Resident", on_delete=models.PROTECT, related_name="visa_obligations"
    )
    program = models.CharField(max_length=8, choices=PROGRAM_CHOICES)
    starts_on = models.DateField()
    ends_on = models.DateField()
    # Until this day the holder lives in the recommending county; after it, any decline area of
    # the same province.
    first_area_until = models.DateField()
    municipality = models.ForeignKey("core.Municipality", on_delete=models.PROTECT, related_name="+")
    employer_brn = models.CharField(max_length=10, blank=True)
    employer_locked_until = models.DateField(null=True, blank=True)
    next_income_check = models.DateField(null=True, blank=True)


class ObligationAlert(models.Model):
    class Kind(models.TextChoices):
        MOVED = "moved", _("moved out of the required area")
        EMPLOYER = "employer", _("changed employer during the lock")
        INCOME = "income", _("yearly income check due")

    obligation = models.ForeignKey(Obligation, on_delete=models.CASCADE, related_name="alerts")
    kind = models.CharField(max_length=10, choices=Kind.choices)
    opened_at = models.DateTimeField(auto_now_add=True)
    # The contact-center case opened for it (casework), when that service is installed.
    case_number = models.CharField(max_length=20, blank=True)
    resolved_at = models.DateTimeField(null=True, blank=True)
    resolved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        constraints = [
            # One open alert per obligation and kind: the periodic check does not repeat itself.
            models.UniqueConstraint(
                fields=["obligation", "kind"],
                condition=Q(resolved_at__isnull=True),
                name="visas_one_open_alert",
            )
        ]
