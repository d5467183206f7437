"""Accounts. One account per person (PIPA: unique account per user, facts.md §5)."""

from __future__ import annotations

import hashlib
import secrets

from django.contrib.auth.models import AbstractUser
from django.db import models
from django.utils.translation import gettext_lazy as _


class Role(models.TextChoices):
    RESIDENT = "resident", _("Resident")
    COUNSELOR = "counselor", _("Counselor")
    INTERPRETER = "interpreter", _("Interpreter")
    OFFICER = "officer", _("Program officer")
    EMPLOYER = "employer", _("Employer")
    PARTNER = "partner", _("Partner")
    ANALYST = "analyst", _("Analyst")
    ADMIN = "admin", _("Administrator")


STAFF_ROLES = frozenset({Role.COUNSELOR, Role.INTERPRETER, Role.OFFICER, Role.ANALYST, Role.ADMIN})


class User(AbstractUser):
    role = models.CharField(_("role"), max_length=16, choices=Role.choices, default=Role.RESIDENT)
    display_name = models.CharField(_("display name"), max_length=200, blank=True)
    # Empty until the person chooses: then their choice follows them to every device.
    preferred_language = models.CharField(_("preferred language"), max_length=8, blank=True, default="")
    # Languages a counselor or interpreter works in (codes from settings.LANGUAGES).
    work_languages = models.JSONField(_("working languages"), default=list, blank=True)
    # A program officer of one city/county; empty means province-wide.
    municipality = models.ForeignKey(
        "core.Municipality", null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )

    class Meta:
        verbose_name = _("user")
        verbose_name_plural = _("users")

    @property
    def is_staff_role(self) -> bool:
        return self.role in STAFF_ROLES

    def __str__(self) -> str:
        return self.display_name or self.username


class ApiToken(models.Model):
    """Token for integrations (CTI, partner systems). Only a hash is stored."""

    user = models.ForeignKey(User, on_delete=models.CASCADE, related_name="api_tokens")
    name = models.CharField(max_length=100)
    key_hash = models.CharField(max_length=64, unique=True)
    prefix = models.CharField(max_length=8)
    created_at = models.DateTimeField(auto_now_add=True)
    last_used_at = models.DateTimeField(null=True, blank=True)
    revoked_at = models.DateTimeField(null=True, blank=True)

    @staticmethod
    def hash_key(key: str) -> str:
        return hashlib.sha256(key.encode("utf-8")).hexdigest()

    @classmethod
    def issue(cls, *, user: User, name: str) -> tuple[ApiToken, str]:
        key = "ieum_" + secrets.token_urlsafe(32)
        token = cls.objects.create(user=user, name=name, key_hash=cls.hash_key(key), prefix=key[5:13])
        return token, key

    def __str__(self) -> str:
        return f"{self.name} ({self.prefix}…)"
