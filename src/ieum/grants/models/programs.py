from __future__ import annotations

import datetime as dt

from django.conf import settings
from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _


class PaymentMethod(models.TextChoices):
    BANK = "bank", _("bank transfer")
    GIFT = "gift", _("local gift certificates")


class GrantProgram(models.Model):
    """A grant as data (facts.md §8): dated amounts, window, headcount cap, counties, eligibility."""

    code = models.CharField(max_length=40, unique=True)
    name_ko = models.CharField(max_length=200)
    name_en = models.CharField(max_length=200)
    budget_line = models.ForeignKey("grants.BudgetLine", on_delete=models.PROTECT, related_name="programs")
    window_opens = models.DateField(_("applications open"))
    window_closes = models.DateField(_("applications close"))
    # Obligations (residence) are watched until this day; a break before it claws the grant back.
    obligation_until = models.DateField(_("obligations until"))
    headcount_cap = models.PositiveIntegerField(_("headcount cap"))
    # Maintained by application_approve under a row lock; the constraint holds the cap.
    approved_count = models.PositiveIntegerField(default=0)
    # Eligibility as data, read by ieum.grants.eligibility: statuses, granted_from, granted_to,
    # still_living.
    eligibility = models.JSONField(default=dict)
    source = models.TextField(blank=True)

    class Meta:
        ordering = ["-window_opens", "code"]
        constraints = [
            models.CheckConstraint(
                condition=Q(approved_count__lte=F("headcount_cap")), name="grants_headcount_cap_held"
            ),
            models.CheckConstraint(
                condition=Q(window_closes__gte=F("window_opens")), name="grants_window_ordered"
            ),
        ]

    def __str__(self) -> str:
        return self.name_ko

    def is_open_on(self, day: dt.date) -> bool:
        return self.window_opens <= day <= self.window_closes

    def amount_on(self, day: dt.date) -> int | None:
        row = (
            self.amounts.filter(valid_from__lte=day)
            .filter(Q(valid_to__isnull=True) | Q(valid_to__gte=day))
            .order_by("-valid_from")
            .first()
        )
        return row.amount_krw if row else None


class ProgramAmount(models.Model):
    """The amount per person from a date (the amount changes per year — facts.md §8)."""

    program = models.ForeignKey(GrantProgram, on_delete=models.CASCADE, related_name="amounts")
    amount_krw = models.PositiveIntegerField()
    valid_from = models.DateField()
    valid_to = models.DateField(null=True, blank=True)
    source = models.TextField(blank=True)

    class Meta:
        ordering = ["valid_from"]
        constraints = [
            models.UniqueConstraint(fields=["program", "valid_from"], name="grants_one_amount_per_date"),
        ]


class ProgramCounty(models.Model):
    """A participating city/county and how it pays (Yeongam: gift certificates — facts.md §8)."""

    program = models.ForeignKey(GrantProgram, on_delete=models.CASCADE, related_name="counties")
    municipality = models.ForeignKey("core.Municipality", on_delete=models.PROTECT, related_name="+")
    payment_method = models.CharField(max_length=8, choices=PaymentMethod.choices, default=PaymentMethod.BANK)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["program", "municipality"], name="grants_county_once"),
        ]


class Application(models.Model):
    class Status(models.TextChoices):
        SUBMITTED = "submitted", _("submitted")
        PREPARED = "prepared", _("prepared, waiting for approval")
        APPROVED = "approved", _("approved")
        REJECTED = "rejected", _("rejected")

    ACTIVE = (Status.SUBMITTED, Status.PREPARED, Status.APPROVED)

    program = models.ForeignKey(GrantProgram, on_delete=models.PROTECT, related_name="applications")
    resident = models.ForeignKey(
        "residents.Resident", on_delete=models.PROTECT, related_name="grant_applications"
    )
    municipality = models.ForeignKey(
        "core.Municipality", null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.SUBMITTED)
    payment_method = models.CharField(max_length=8, choices=PaymentMethod.choices, default=PaymentMethod.BANK)
    bank_code = models.CharField(_("bank"), max_length=3, blank=True)
    account_holder = models.CharField(_("account holder"), max_length=100, blank=True)
    # The account number is personal data: encrypted like the ARN (ieum.lib.crypto), masked on screen.
    account_ciphertext = models.TextField(blank=True)
    account_hint = models.CharField(max_length=30, blank=True)
    # Eligibility as last checked: reason codes with parameters (rendered in the reader's language).
    eligible = models.BooleanField(default=False)
    reasons = models.JSONField(default=list, blank=True)
    filed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    prepared_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    approved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    decision_note = models.CharField(max_length=300, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    decided_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        constraints = [
            # One open application per person and program; a rejected one may be filed again.
            models.UniqueConstraint(
                fields=["program", "resident"],
                condition=Q(status__in=["submitted", "prepared", "approved"]),
                name="grants_one_open_application",
            ),
            # Four eyes: whoever prepared it cannot approve it.
            models.CheckConstraint(
                condition=Q(approved_by__isnull=True)
                | Q(prepared_by__isnull=True)
                | ~Q(approved_by=F("prepared_by")),
                name="grants_approver_not_preparer",
            ),
        ]


class ApplicationDocument(models.Model):
    """A paper attached to an application; the file itself is the resident's Document."""

    application = models.ForeignKey(Application, on_delete=models.CASCADE, related_name="documents")
    document = models.ForeignKey("residents.Document", on_delete=models.PROTECT, related_name="+")


class Entitlement(models.Model):
    """The grant owed to one person under one program: at most one, ever (unique constraint)."""

    class Status(models.TextChoices):
        OPEN = "open", _("approved, not yet paid")
        PAID = "paid", _("paid")
        CLAWED_BACK = "clawed_back", _("clawed back")

    program = models.ForeignKey(GrantProgram, on_delete=models.PROTECT, related_name="entitlements")
    resident = models.ForeignKey(
        "residents.Resident", on_delete=models.PROTECT, related_name="grant_entitlements"
    )
    application = models.OneToOneField(Application, on_delete=models.PROTECT, related_name="entitlement")
    municipality = models.ForeignKey(
        "core.Municipality", null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    amount_krw = models.PositiveIntegerField()
    payment_method = models.CharField(max_length=8, choices=PaymentMethod.choices)
    status = models.CharField(max_length=12, choices=Status.choices, default=Status.OPEN)
    approved_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    approved_at = models.DateTimeField()

    class Meta:
        ordering = ["id"]
        constraints = [
            models.UniqueConstraint(fields=["program", "resident"], name="grants_one_grant_per_person"),
        ]
