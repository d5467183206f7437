"""The access log (접속기록) PIPA requires: who read whose data, when, from where, why.

facts.md §5: account, date-time, IP, data subject, action; kept at least 2 years because Ieum
holds unique identifiers; protected from tampering. Rows are written only through
`ieum.core.access.log_access`, never updated or deleted through the app (a prune of rows past
the retention period is the one exception), and each row carries the hash of the one before
it, so an altered or removed row breaks the chain (`ieum verify-access-log`).
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from typing import Any

from django.conf import settings
from django.db import models


class AppendOnlyError(RuntimeError):
    pass


class AccessLogQuerySet(models.QuerySet):
    def update(self, **kwargs: Any) -> int:
        raise AppendOnlyError("the access log is append-only")

    def delete(self) -> tuple[int, dict[str, int]]:
        raise AppendOnlyError("the access log is append-only; use `ieum prune-access-log`")

    def _prune(self) -> int:
        # Only ieum.core.access.access_log_prune calls this, after checking the retention floor.
        return super().delete()[0]


class AccessLog(models.Model):
    class Action(models.TextChoices):
        VIEW = "view", "view"
        SEARCH = "search", "search"
        CREATE = "create", "create"
        UPDATE = "update", "update"
        DELETE = "delete", "delete"
        EXPORT = "export", "export"
        DOWNLOAD = "download", "download"
        PRINT = "print", "print"
        REVEAL = "reveal", "reveal identifier"
        SHARE = "share", "share with a third party"

    at = models.DateTimeField(db_index=True)
    user = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.PROTECT, related_name="+")
    username = models.CharField(max_length=150)
    ip = models.GenericIPAddressField(null=True, blank=True)
    action = models.CharField(max_length=10, choices=Action.choices)
    subject_type = models.CharField(max_length=40)
    subject_id = models.CharField(max_length=40, blank=True, db_index=True)
    purpose = models.CharField(max_length=300, blank=True)
    channel = models.CharField(max_length=10, default="web")  # web, api, cli
    detail = models.JSONField(default=dict, blank=True)
    prev_hash = models.CharField(max_length=64)
    row_hash = models.CharField(max_length=64, unique=True)

    objects = AccessLogQuerySet.as_manager()

    class Meta:
        ordering = ["-id"]
        indexes = [models.Index(fields=["user", "at"])]

    def __str__(self) -> str:
        return f"{self.at:%Y-%m-%d %H:%M} {self.username} {self.action} {self.subject_type}:{self.subject_id}"

    def save(self, *args: Any, **kwargs: Any) -> None:
        if self.pk is not None:
            raise AppendOnlyError("the access log is append-only")
        super().save(*args, **kwargs)

    def delete(self, *args: Any, **kwargs: Any) -> tuple[int, dict[str, int]]:
        raise AppendOnlyError("the access log is append-only")

    def canonical(self) -> str:
        at = self.at.astimezone(dt.UTC).isoformat(timespec="microseconds")
        fields = [
            at,
            self.user_id,
            self.username,
            self.ip or "",
            self.action,
            self.subject_type,
            self.subject_id,
            self.purpose,
            self.channel,
            self.detail,
        ]
        return json.dumps(fields, sort_keys=True, ensure_ascii=False, separators=(",", ":"), default=str)

    def compute_hash(self) -> str:
        return hashlib.sha256((self.prev_hash + "\n" + self.canonical()).encode("utf-8")).hexdigest()


class AccessLogHead(models.Model):
    """The end of the hash chain; locked while a row is appended, so the chain stays linear."""

    last_hash = models.CharField(max_length=64, default="0" * 64)
    # After a prune: the hash of the last pruned row, where verification starts.
    anchor_hash = models.CharField(max_length=64, default="0" * 64)
    pruned_through_id = models.BigIntegerField(default=0)


class RoleGrantLog(models.Model):
    """Every grant, change and revoke of a role or its reach; kept ≥ 3 years (facts.md §5)."""

    class Change(models.TextChoices):
        GRANT = "grant", "grant"
        CHANGE = "change", "change"
        REVOKE = "revoke", "revoke"

    at = models.DateTimeField(auto_now_add=True, db_index=True)
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="role_history")
    change = models.CharField(max_length=8, choices=Change.choices)
    old_role = models.CharField(max_length=16, blank=True)
    new_role = models.CharField(max_length=16, blank=True)
    old_scope = models.CharField(max_length=20, blank=True)
    new_scope = models.CharField(max_length=20, blank=True)
    changed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )

    class Meta:
        ordering = ["-at"]
