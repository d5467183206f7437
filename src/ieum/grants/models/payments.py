from __future__ import annotations

import hashlib

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from ieum.grants.models.programs import PaymentMethod


def idempotency_key(*, program_code: str, entitlement_id: int, attempt: int) -> str:
    """Deterministic per entitlement and attempt: the same retry always carries the same key, so a
    bank that sees it twice pays once (never a random default, which a retry would renew)."""
    raw = f"ieum-grant:{program_code}:{entitlement_id}:{attempt}".encode()
    return hashlib.sha256(raw).hexdigest()[:32]


class PaymentBatch(models.Model):
    class Status(models.TextChoices):
        OPEN = "open", _("open")
        SENT = "sent", _("bank file downloaded")
        CLOSED = "closed", _("reconciled")

    program = models.ForeignKey("grants.GrantProgram", on_delete=models.PROTECT, related_name="batches")
    method = models.CharField(max_length=8, choices=PaymentMethod.choices)
    status = models.CharField(max_length=8, choices=Status.choices, default=Status.OPEN)
    declared_count = models.PositiveIntegerField(default=0)
    declared_total = models.BigIntegerField(default=0)
    layout = models.CharField(max_length=20, default="ieum-csv-v1")
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-created_at", "-id"]

    @property
    def reference(self) -> str:
        return f"IEUM-{self.pk:06d}"


class Payment(models.Model):
    """One attempt to pay an entitlement. A failed or returned attempt stays as it was; a retry is
    a new attempt of the same entitlement with its own key."""

    class Status(models.TextChoices):
        PENDING = "pending", _("waiting for a batch")
        SENT = "sent", _("sent to the bank")
        PAID = "paid", _("paid")
        FAILED = "failed", _("failed")
        RETURNED = "returned", _("returned by the bank")
        CANCELLED = "cancelled", _("cancelled")

    LIVE = ("pending", "sent", "paid")

    entitlement = models.ForeignKey("grants.Entitlement", on_delete=models.PROTECT, related_name="payments")
    attempt = models.PositiveSmallIntegerField()
    idempotency_key = models.CharField(max_length=32, unique=True)
    method = models.CharField(max_length=8, choices=PaymentMethod.choices)
    amount_krw = models.PositiveIntegerField()
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.PENDING)
    batch = models.ForeignKey(
        PaymentBatch, null=True, blank=True, on_delete=models.PROTECT, related_name="payments"
    )
    bank_message = models.CharField(max_length=200, blank=True)
    paid_at = models.DateTimeField(null=True, blank=True)
    handed_over_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["id"]
        constraints = [
            models.UniqueConstraint(fields=["entitlement", "attempt"], name="grants_attempt_once"),
            # At most one live attempt (waiting, sent or paid) per entitlement: nobody paid twice.
            models.UniqueConstraint(
                fields=["entitlement"],
                condition=Q(status__in=["pending", "sent", "paid"]),
                name="grants_one_live_payment",
            ),
        ]


class GiftCertificate(models.Model):
    """A local gift certificate handed over as (part of) a payment, by serial number."""

    payment = models.ForeignKey(Payment, on_delete=models.PROTECT, related_name="certificates")
    serial = models.CharField(max_length=40, unique=True)
    face_value = models.PositiveIntegerField()


class ReconciliationReport(models.Model):
    """One bank result file as read, with what happened to each line (kept for audit)."""

    batch = models.ForeignKey(PaymentBatch, on_delete=models.PROTECT, related_name="reports")
    file_name = models.CharField(max_length=200)
    sha256 = models.CharField(max_length=64)
    lines = models.JSONField(default=list)
    uploaded_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    uploaded_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-uploaded_at", "-id"]
