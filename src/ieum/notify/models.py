"""Message templates per language, opt-outs, the delivery log and calendar files for links."""

from __future__ import annotations

import secrets

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _


class Channel(models.TextChoices):
    SMS = "sms", _("text message")
    KAKAO = "kakao", _("KakaoTalk")
    EMAIL = "email", _("e-mail")


class MessageTemplate(models.Model):
    """One template in one language (Wagtail's pattern: rows sharing `key`, unique per language).
    Loaded from notify/data/templates.toml by `templates_load` (see services)."""

    key = models.CharField(max_length=60)
    language = models.CharField(max_length=8)
    subject = models.CharField(max_length=200, blank=True)
    body = models.TextField()
    # The provider's id of the pre-approved KakaoTalk Alimtalk template; empty: no Alimtalk.
    kakao_template_id = models.CharField(max_length=60, blank=True)
    source = models.CharField(max_length=200, blank=True)
    # The Korean source changed after this translation was written.
    stale = models.BooleanField(default=False)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["key", "language"], name="uniq_template_language")]

    def __str__(self) -> str:
        return f"{self.key} [{self.language}]"


class OptOut(models.Model):
    """A person does not want messages on one channel. A resident or user, or a bare number or
    address kept only as a keyed hash."""

    resident = models.ForeignKey("residents.Resident", null=True, blank=True, on_delete=models.CASCADE)
    user = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.CASCADE)
    address_hash = models.CharField(max_length=64, blank=True)
    channel = models.CharField(max_length=8, choices=Channel.choices)
    at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["resident", "channel"],
                condition=Q(resident__isnull=False),
                name="uniq_optout_resident",
            ),
            models.UniqueConstraint(
                fields=["user", "channel"], condition=Q(user__isnull=False), name="uniq_optout_user"
            ),
        ]


def _key() -> str:
    return secrets.token_hex(16)


class Delivery(models.Model):
    """The delivery log: one row per message. Never the text (a message may hold a sign-in code):
    the template key, language and context re-render it when a deferred message goes out."""

    class Status(models.TextChoices):
        QUEUED = "queued", _("queued")
        SENT = "sent", _("sent")
        DELIVERED = "delivered", _("delivered")
        FAILED = "failed", _("failed")
        DEFERRED = "deferred", _("deferred")
        OPTED_OUT = "opted_out", _("opted out")

    channel = models.CharField(max_length=8, choices=Channel.choices)
    template = models.CharField(max_length=60)
    language = models.CharField(max_length=8, blank=True)
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.QUEUED, db_index=True)
    resident = models.ForeignKey(
        "residents.Resident", null=True, blank=True, on_delete=models.CASCADE, related_name="deliveries"
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.CASCADE, related_name="deliveries"
    )
    address = models.CharField(max_length=254, blank=True)
    context = models.JSONField(default=dict, blank=True)
    urgent = models.BooleanField(default=False)
    # Sent to the provider so a report can be matched and a duplicate traced.
    idempotency_key = models.CharField(max_length=40, unique=True, default=_key)
    provider_message_id = models.CharField(max_length=80, blank=True, db_index=True)
    attempts = models.PositiveSmallIntegerField(default=0)
    error = models.CharField(max_length=200, blank=True)
    not_before = models.DateTimeField(null=True, blank=True, db_index=True)
    created_at = models.DateTimeField(auto_now_add=True)
    sent_at = models.DateTimeField(null=True, blank=True)
    delivered_at = models.DateTimeField(null=True, blank=True)
    calendar = models.ForeignKey(
        "notify.CalendarFile", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name_plural = "deliveries"

    def __str__(self) -> str:
        return f"{self.template} via {self.channel} ({self.status})"


def _token() -> str:
    return secrets.token_urlsafe(24)


class CalendarFile(models.Model):
    """An iCalendar file reachable by an unguessable link (sent in a text message)."""

    token = models.CharField(max_length=40, unique=True, default=_token)
    filename = models.CharField(max_length=100)
    content = models.TextField()
    created_at = models.DateTimeField(auto_now_add=True)
    expires_at = models.DateTimeField()
