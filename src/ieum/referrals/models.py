"""Partners and closed-loop referrals (contact-center issue, item 9; partner reach, privacy §1)."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class Partner(models.Model):
    class Kind(models.TextChoices):
        MEDICAL_CENTER = "medical_center", _("medical center")
        SAFE_HOSPITAL = "safe_hospital", _("safe hospital")
        CLINIC = "clinic", _("clinic")
        LEGAL = "legal", _("legal consultation partner")
        LABOR_ATTORNEY = "labor_attorney", _("labor attorney")
        LABOR_OFFICE = "labor_office", _("labor office")
        HOTLINE_1345 = "hotline_1345", _("1345 immigration contact center")
        DANURI = "danuri", _("Danuri helpline")
        SHELTER = "shelter", _("shelter")
        FAMILY_CENTER = "family_center", _("family center")
        OTHER = "other", _("other")

    code = models.SlugField(max_length=60, unique=True)
    kind = models.CharField(_("kind"), max_length=16, choices=Kind.choices)
    name_ko = models.CharField(_("name in Korean"), max_length=200)
    name_en = models.CharField(_("name in English"), max_length=200, blank=True)
    municipality = models.ForeignKey(
        "core.Municipality", null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    languages = models.JSONField(_("languages"), default=list, blank=True)
    phone = models.CharField(_("phone"), max_length=30, blank=True)
    email = models.EmailField(_("e-mail"), blank=True)
    address = models.CharField(_("address"), max_length=300, blank=True)
    discount_note = models.TextField(_("discount for residents"), blank=True)
    active = models.BooleanField(_("active"), default=True)
    source = models.TextField(blank=True)

    class Meta:
        ordering = ["name_ko"]

    def __str__(self) -> str:
        return self.name_ko

    @property
    def recipient_id(self) -> str:
        """How consents and the provision ledger name this partner (privacy RecipientKind.PARTNER)."""
        return str(self.pk)


class PartnerMember(models.Model):
    """An account of role partner that works for one partner organisation."""

    partner = models.ForeignKey(Partner, on_delete=models.CASCADE, related_name="members")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="partner_memberships"
    )
    active = models.BooleanField(default=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["partner", "user"], name="uniq_partner_member")]


class Referral(models.Model):
    class Status(models.TextChoices):
        SENT = "sent", _("sent")
        ACCEPTED = "accepted", _("accepted")
        DECLINED = "declined", _("declined")
        APPOINTMENT = "appointment", _("appointment made")
        COMPLETED = "completed", _("completed")
        CLOSED = "closed", _("closed")

    case = models.ForeignKey(
        "casework.Case", null=True, blank=True, on_delete=models.SET_NULL, related_name="referrals"
    )
    resident = models.ForeignKey("residents.Resident", on_delete=models.PROTECT, related_name="referrals")
    partner = models.ForeignKey(Partner, on_delete=models.PROTECT, related_name="referrals")
    # A purpose code of ieum.privacy.vocabulary.Purpose, and item codes of its Item.
    purpose = models.CharField(_("purpose"), max_length=30)
    items = models.JSONField(_("items shared"), default=list)
    consent = models.ForeignKey("privacy.Consent", on_delete=models.PROTECT, related_name="+")
    provision = models.ForeignKey(
        "privacy.Provision", null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    # What the counselor writes to the partner: shared, so it must hold only consented items.
    message = models.TextField(_("message to the partner"), blank=True)
    status = models.CharField(max_length=12, choices=Status.choices, default=Status.SENT, db_index=True)
    decline_reason = models.TextField(_("reason for declining"), blank=True)
    appointment_at = models.DateTimeField(_("appointment"), null=True, blank=True)
    appointment_place = models.CharField(_("place"), max_length=300, blank=True)
    outcome = models.TextField(_("outcome"), blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    answered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True, db_index=True)
    updated_at = models.DateTimeField(auto_now=True)
    answered_at = models.DateTimeField(null=True, blank=True)
    completed_at = models.DateTimeField(null=True, blank=True)
    reminder_sent_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at"]
        indexes = [models.Index(fields=["partner", "status"])]

    def __str__(self) -> str:
        return f"referral #{self.pk}"
