"""Writes of the knowledge base. The Korean source is the answer itself; changing its title or body
gives it a new fingerprint, and every translation made from the old one becomes stale."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from ieum.chat.translation import TranslationFailed, translate_or_fail
from ieum.core.models import User
from ieum.knowledge.models import Answer, AnswerTranslation, source_fingerprint

SOURCE_LANGUAGE = "ko"


@dataclass(frozen=True)
class AnswerData:
    topic_id: int
    title: str
    body: str
    kind: str = Answer.Kind.ANSWER
    visa_status_id: int | None = None
    municipality_id: int | None = None
    valid_from: dt.date | None = None
    valid_to: dt.date | None = None
    source_note: str = ""
    published: bool = False

    def clean(self) -> dict:
        if not self.title.strip() or not self.body.strip():
            raise ValidationError(_("Write a title and a text in Korean."))
        if self.valid_from and self.valid_to and self.valid_to < self.valid_from:
            raise ValidationError(_("The end date must not be before the start date."))
        return {
            "topic_id": self.topic_id,
            "kind": self.kind,
            "title": self.title.strip(),
            "body": self.body.strip(),
            "visa_status_id": self.visa_status_id,
            "municipality_id": self.municipality_id,
            "valid_from": self.valid_from,
            "valid_to": self.valid_to,
            "source_note": self.source_note.strip(),
            "published": self.published,
        }


@transaction.atomic
def answer_save(*, data: AnswerData, actor: User, answer: Answer | None = None) -> Answer:
    values = data.clean()
    fingerprint = source_fingerprint(values["title"], values["body"])
    if answer is None:
        return Answer.objects.create(**values, source_hash=fingerprint, updated_by=actor)
    answer = Answer.objects.select_for_update().get(pk=answer.pk)
    if fingerprint != answer.source_hash:
        answer.revision += 1
        answer.source_hash = fingerprint
    for name, value in values.items():
        setattr(answer, name, value)
    answer.updated_by = actor
    answer.save()
    return answer


def _check_language(language: str) -> None:
    from django.conf import settings

    if language == SOURCE_LANGUAGE or language not in {code for code, _name in settings.LANGUAGES}:
        raise ValidationError(_("Choose a language of this conversation."))


@transaction.atomic
def answer_translation_save(
    *, answer: Answer, language: str, title: str, body: str, actor: User
) -> AnswerTranslation:
    """A person's translation (or their review of a machine draft): made from the current source."""
    _check_language(language)
    if not title.strip() or not body.strip():
        raise ValidationError(_("Write a title and a text."))
    row, _created = AnswerTranslation.objects.update_or_create(
        answer=answer,
        language=language,
        defaults={
            "title": title.strip(),
            "body": body.strip(),
            "source_hash": answer.source_hash,
            "kind": AnswerTranslation.Kind.PERSON,
            "engine": "",
            "reviewed_by": actor,
        },
    )
    return row


def answer_translation_draft(*, answer: Answer, language: str) -> AnswerTranslation:
    """A machine draft from the current Korean source, marked machine until a person saves it.
    Raises TranslationFailed when no engine answers (nothing is changed then)."""
    _check_language(language)
    title = translate_or_fail(answer.title, source=SOURCE_LANGUAGE, target=language)
    body = translate_or_fail(answer.body, source=SOURCE_LANGUAGE, target=language)
    if not title.engine:
        raise TranslationFailed("error", "empty")
    with transaction.atomic():
        row, _created = AnswerTranslation.objects.update_or_create(
            answer=answer,
            language=language,
            defaults={
                "title": title.text,
                "body": body.text,
                "source_hash": answer.source_hash,
                "kind": AnswerTranslation.Kind.MACHINE,
                "engine": title.engine_label,
                "reviewed_by": None,
            },
        )
    return row
