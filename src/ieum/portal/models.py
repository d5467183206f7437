"""One-time sign-in codes for residents (sent by SMS or e-mail). Only hashes are stored: of the
code, and of where it was sent (for the resend throttle), never the code or the number."""

from __future__ import annotations

import hmac

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.crypto import salted_hmac

MAX_TRIES = 5


def keyed_hash(purpose: str, value: str) -> str:
    return salted_hmac(f"ieum.portal.{purpose}", value, algorithm="sha256").hexdigest()


class SignInCode(models.Model):
    class Channel(models.TextChoices):
        SMS = "sms", "SMS"
        EMAIL = "email", "e-mail"

    # Empty for a sign-up (the account is made once the code is right) and for an address
    # that has no account (so a stranger cannot tell which numbers have one).
    user = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.CASCADE)
    channel = models.CharField(max_length=5, choices=Channel.choices)
    destination_hash = models.CharField(max_length=64, db_index=True)
    code_hash = models.CharField(max_length=64)
    created_at = models.DateTimeField(default=timezone.now)
    expires_at = models.DateTimeField()
    tries = models.PositiveSmallIntegerField(default=0)
    used_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at"]

    def matches(self, code: str) -> bool:
        return hmac.compare_digest(self.code_hash, keyed_hash(f"code.{self.pk}", code))

    @property
    def expired(self) -> bool:
        return timezone.now() >= self.expires_at

    @property
    def locked(self) -> bool:
        return self.tries >= MAX_TRIES
