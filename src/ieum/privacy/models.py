"""Consent and the provision ledger (facts.md §5), rights requests and legal holds."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _


class Consent(models.Model):
    class Kind(models.TextChoices):
        COLLECTION = "collection", _("collection and use of personal data")
        IDENTIFIERS = "identifiers", _("processing of unique identifiers")
        PROVISION = "provision", _("provision to a third party")

    class Channel(models.TextChoices):
        WEB = "web", _("on the web")
        PAPER = "paper", _("on paper (scanned)")
        PHONE = "phone", _("by phone, with a counselor as witness")

    resident = models.ForeignKey("residents.Resident", on_delete=models.CASCADE, related_name="consents")
    kind = models.CharField(max_length=12, choices=Kind.choices)
    # For provision: who receives what, why and for how long.
    recipient_kind = models.CharField(max_length=10, blank=True)
    recipient_id = models.CharField(max_length=40, blank=True)
    recipient_name = models.CharField(max_length=200, blank=True)
    purpose = models.CharField(max_length=30, blank=True)
    items = models.JSONField(default=list, blank=True)
    retention = models.CharField(max_length=200, blank=True)
    # Exactly what the person was shown, in the language shown, and the version of its template.
    text_version = models.CharField(max_length=20)
    language = models.CharField(max_length=8)
    text = models.TextField()
    channel = models.CharField(max_length=6, choices=Channel.choices)
    witness = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    paper_scan = models.ForeignKey(
        "residents.Document", null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    given_at = models.DateTimeField()
    withdrawn_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-given_at"]
        indexes = [models.Index(fields=["resident", "kind", "recipient_kind", "recipient_id"])]
        constraints = [
            models.CheckConstraint(
                condition=~Q(kind="provision") | (~Q(recipient_id="") & ~Q(purpose="") & ~Q(retention="")),
                name="provision_consent_names_recipient_purpose_retention",
            ),
            models.CheckConstraint(
                condition=~Q(channel="phone") | Q(witness__isnull=False), name="phone_consent_has_witness"
            ),
        ]

    @property
    def active(self) -> bool:
        return self.withdrawn_at is None


class Provision(models.Model):
    """The provision ledger: every disclosure of a person's data to a third party."""

    consent = models.ForeignKey(Consent, on_delete=models.PROTECT, related_name="provisions")
    resident = models.ForeignKey("residents.Resident", on_delete=models.CASCADE, related_name="provisions")
    recipient_kind = models.CharField(max_length=10)
    recipient_id = models.CharField(max_length=40)
    recipient_name = models.CharField(max_length=200)
    purpose = models.CharField(max_length=30)
    items = models.JSONField(default=list)
    at = models.DateTimeField(auto_now_add=True)
    by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.PROTECT, related_name="+")
    reference = models.CharField(max_length=60, blank=True)  # e.g. "referral:123"

    class Meta:
        ordering = ["-at"]


class RightsRequest(models.Model):
    """A resident's request to correct or delete their data (PIPA Art. 35–37)."""

    class Kind(models.TextChoices):
        CORRECTION = "correction", _("correction")
        DELETION = "deletion", _("deletion")

    class Status(models.TextChoices):
        OPEN = "open", _("open")
        DONE = "done", _("done")
        REFUSED = "refused", _("refused with reason")

    resident = models.ForeignKey(
        "residents.Resident", on_delete=models.CASCADE, related_name="rights_requests"
    )
    kind = models.CharField(max_length=10, choices=Kind.choices)
    detail = models.TextField()
    status = models.CharField(max_length=8, choices=Status.choices, default=Status.OPEN)
    answer = models.TextField(blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    closed_at = models.DateTimeField(null=True, blank=True)


class LegalHold(models.Model):
    """Stops retention from deleting or de-identifying a person's data (e.g. a pending lawsuit)."""

    resident = models.ForeignKey("residents.Resident", on_delete=models.CASCADE, related_name="legal_holds")
    reason = models.CharField(max_length=300)
    placed_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    placed_at = models.DateTimeField(auto_now_add=True)
    released_at = models.DateTimeField(null=True, blank=True)


class RetentionRule(models.Model):
    """How long a record type is kept after its purpose ends, as data."""

    record_type = models.CharField(max_length=40, unique=True)
    years = models.PositiveSmallIntegerField()
    action = models.CharField(max_length=12, choices=[("deidentify", "de-identify"), ("delete", "delete")])
    source = models.TextField(blank=True)
