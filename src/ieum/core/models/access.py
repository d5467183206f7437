"""The access log (접속기록) PIPA requires: who read whose data, when, from where, why.

facts.md §5: account, date-time, IP, data subject, action; kept at least 2 years because Ieum
holds unique identifiers. Rows are written only through `ieum.core.access.log_access`.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models


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

    at = models.DateTimeField(auto_now_add=True, db_index=True)
    user = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.PROTECT, related_name="+")
    username = models.CharField(max_length=150)
    ip = models.GenericIPAddressField(null=True, blank=True)
    action = models.CharField(max_length=10, choices=Action.choices)
    subject_type = models.CharField(max_length=40)
    subject_id = models.CharField(max_length=40, blank=True, db_index=True)
    purpose = models.CharField(max_length=300, blank=True)
    channel = models.CharField(max_length=10, default="web")  # web, api, cli
    detail = models.JSONField(default=dict, blank=True)

    class Meta:
        ordering = ["-at"]
        indexes = [models.Index(fields=["user", "at"])]

    def __str__(self) -> str:
        return f"{self.at:%Y-%m-%d %H:%M} {self.username} {self.action} {self.subject_type}:{self.subject_id}"
