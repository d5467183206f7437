"""Clinic and legal appointments with partners. Only an outcome note is kept, never a medical
record (issue 10 §1)."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _


class Kind(models.TextChoices):
    CLINIC = "clinic", _("clinic appointment")
    LEGAL = "legal", _("legal consultation")


class CareProfile(models.Model):
    """What a partner offers residents: its discount (safe hospitals ≈30 %, facts.md §0) and
    whether it treats MOHW's uninsured-support patients (facts.md §4)."""

    partner = models.OneToOneField("referrals.Partner", on_delete=models.CASCADE, related_name="care_profile")
    kind = models.CharField(max_length=8, choices=Kind.choices, default=Kind.CLINIC)
    discount_percent = models.PositiveSmallIntegerField(default=0)
    uninsured_support = models.BooleanField(default=False)
    slot_minutes = models.PositiveSmallIntegerField(default=30)


class OpeningHours(models.Model):
    """A partner's weekly schedule, from which bookable slots are made."""

    partner = models.ForeignKey("referrals.Partner", on_delete=models.CASCADE, related_name="opening_hours")
    weekday = models.PositiveSmallIntegerField()  # 0 Monday … 6 Sunday
    opens = models.TimeField()
    closes = models.TimeField()

    class Meta:
        constraints = [
            models.CheckConstraint(condition=Q(opens__lt=models.F("closes")), name="opens_before_closes")
        ]


class Slot(models.Model):
    partner = models.ForeignKey("referrals.Partner", on_delete=models.CASCADE, related_name="slots")
    kind = models.CharField(max_length=8, choices=Kind.choices)
    starts_at = models.DateTimeField(db_index=True)
    ends_at = models.DateTimeField()
    place = models.CharField(max_length=300, blank=True)
    # A group consultation (collective cases): one booking with several residents.
    group = models.BooleanField(default=False)
    cancelled = models.BooleanField(default=False)

    class Meta:
        ordering = ["starts_at"]
        constraints = [
            models.UniqueConstraint(fields=["partner", "starts_at"], name="one_slot_per_partner_time"),
            models.CheckConstraint(
                condition=Q(starts_at__lt=models.F("ends_at")), name="slot_starts_before_end"
            ),
        ]


class Booking(models.Model):
    class Status(models.TextChoices):
        BOOKED = "booked", _("booked")
        ATTENDED = "attended", _("attended")
        NO_SHOW = "no_show", _("did not come")
        CANCELLED = "cancelled", _("cancelled")

    slot = models.ForeignKey(Slot, on_delete=models.PROTECT, related_name="bookings")
    resident = models.ForeignKey("residents.Resident", on_delete=models.PROTECT, related_name="care_bookings")
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.BOOKED, db_index=True)
    language = models.CharField(max_length=8)
    case = models.ForeignKey(
        "casework.Case", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    referral = models.ForeignKey(
        "referrals.Referral", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    interpreter_request = models.ForeignKey(
        "interpreting.InterpreterRequest", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    booked_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    # Only what happened, in a few words (e.g. "seen, follow-up in 2 weeks") — no diagnosis.
    outcome_note = models.CharField(max_length=300, blank=True)
    follow_up_on = models.DateField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-created_at"]
        constraints = [
            # Double booking is impossible: one live booking per slot, enforced by the database.
            models.UniqueConstraint(
                fields=["slot"], condition=~Q(status="cancelled"), name="one_live_booking_per_slot"
            ),
        ]


class Participant(models.Model):
    """The other residents of a group consultation (the booking's resident is the first)."""

    booking = models.ForeignKey(Booking, on_delete=models.CASCADE, related_name="participants")
    resident = models.ForeignKey("residents.Resident", on_delete=models.PROTECT, related_name="+")

    class Meta:
        constraints = [models.UniqueConstraint(fields=["booking", "resident"], name="uniq_participant")]
