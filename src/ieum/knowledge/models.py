"""The knowledge base: answers by topic × visa status × region with effective dates, written once
in Korean and translated into every language (design.md "Languages": content stored per
language, each translation flagged stale when its Korean source changes)."""

from __future__ import annotations

import datetime as dt
import hashlib

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _


def source_fingerprint(title: str, body: str) -> str:
    """What a translation was made from: the hash of the Korean title and body."""
    return hashlib.sha256(f"{title.strip()}\n\n{body.strip()}".encode()).hexdigest()


class AnswerQuerySet(models.QuerySet):
    def in_force(self, day: dt.date):
        return self.filter(Q(valid_from__isnull=True) | Q(valid_from__lte=day)).filter(
            Q(valid_to__isnull=True) | Q(valid_to__gte=day)
        )


class Answer(models.Model):
    class Kind(models.TextChoices):
        ANSWER = "answer", _("answer")
        REPLY = "reply", _("canned reply")

    kind = models.CharField(_("kind"), max_length=8, choices=Kind.choices, default=Kind.ANSWER)
    topic = models.ForeignKey("casework.Topic", on_delete=models.PROTECT, related_name="answers")
    # Empty: the answer holds for every status of stay / every city and county.
    visa_status = models.ForeignKey(
        "core.VisaStatus", null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    municipality = models.ForeignKey(
        "core.Municipality", null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    valid_from = models.DateField(_("valid from"), null=True, blank=True)
    valid_to = models.DateField(_("valid until"), null=True, blank=True)
    title = models.CharField(_("title in Korean"), max_length=200)
    body = models.TextField(_("text in Korean"))
    source_note = models.CharField(_("source"), max_length=300, blank=True)
    source_hash = models.CharField(max_length=64, editable=False)
    revision = models.PositiveIntegerField(default=1)
    published = models.BooleanField(_("published"), default=False)
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    updated_at = models.DateTimeField(auto_now=True)

    objects = AnswerQuerySet.as_manager()

    class Meta:
        ordering = ["topic__ordering", "title"]
        constraints = [
            models.CheckConstraint(
                condition=Q(valid_to__isnull=True)
                | Q(valid_from__isnull=True)
                | Q(valid_to__gte=models.F("valid_from")),
                name="knowledge_answer_dates_in_order",
            )
        ]

    def __str__(self) -> str:
        return self.title


class AnswerTranslation(models.Model):
    """One language's version of an answer (unique per answer and language, Wagtail's pattern)."""

    class Kind(models.TextChoices):
        MACHINE = "machine", _("machine translation")
        PERSON = "person", _("translation by a person")

    answer = models.ForeignKey(Answer, on_delete=models.CASCADE, related_name="translations")
    language = models.CharField(_("language"), max_length=12)
    title = models.CharField(_("title"), max_length=300)
    body = models.TextField(_("text"))
    source_hash = models.CharField(max_length=64)  # the Korean source this was made from
    kind = models.CharField(max_length=8, choices=Kind.choices)
    engine = models.CharField(max_length=60, blank=True)
    reviewed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["language"]
        constraints = [
            models.UniqueConstraint(
                fields=["answer", "language"], name="knowledge_one_translation_per_language"
            )
        ]

    def __str__(self) -> str:
        return f"{self.answer_id} [{self.language}]"

    @property
    def stale(self) -> bool:
        return self.source_hash != self.answer.source_hash

    @property
    def unreviewed_machine(self) -> bool:
        return self.kind == self.Kind.MACHINE and self.reviewed_by_id is None
