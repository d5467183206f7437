"""Reads of the knowledge base: answers in a reader's language, stale translations, and
suggestions for a case."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.db.models import Q
from django.utils import timezone

from ieum.chat.translation import TranslationFailed, translate_or_fail
from ieum.knowledge.models import Answer, AnswerTranslation
from ieum.knowledge.suggest import Doc, rank

SOURCE_LANGUAGE = "ko"


@dataclass(frozen=True)
class Localised:
    """An answer as one reader gets it: `how` is "source", "person", "machine" (a reviewed or
    unreviewed stored machine draft), or "machine_now" (translated just now, unreviewed)."""

    answer: Answer
    language: str
    title: str
    body: str
    how: str
    engine: str = ""
    translator: object = None
    stale: bool = False


def localised(answer: Answer, language: str, *, machine_fallback: bool = False) -> Localised:
    """The answer in `language`: a current translation if there is one; else (with
    `machine_fallback`) a machine translation of the Korean made now; else the Korean."""
    if language != SOURCE_LANGUAGE:
        row = next((t for t in answer.translations.all() if t.language == language), None)
        if row is not None and not row.stale:
            how = "person" if row.kind == AnswerTranslation.Kind.PERSON else "machine"
            return Localised(answer, language, row.title, row.body, how, row.engine, row.reviewed_by)
        if machine_fallback:
            try:
                title = translate_or_fail(answer.title, source=SOURCE_LANGUAGE, target=language)
                body = translate_or_fail(answer.body, source=SOURCE_LANGUAGE, target=language)
            except TranslationFailed:
                pass
            else:
                return Localised(answer, language, title.text, body.text, "machine_now", title.engine_label)
    return Localised(answer, SOURCE_LANGUAGE, answer.title, answer.body, "source")


def answers_for(
    *,
    topic_id: int | None,
    visa_code: str = "",
    municipality_id: int | None = None,
    day: dt.date | None = None,
):
    """Published answers in force on `day` that fit the topic, status of stay and region (an answer
    without a status or region fits every one)."""
    qs = Answer.objects.filter(published=True).in_force(day or timezone.localdate())
    if topic_id is not None:
        qs = qs.filter(topic_id=topic_id)
    qs = qs.filter(Q(visa_status__isnull=True) | Q(visa_status__code=visa_code))
    qs = qs.filter(Q(municipality__isnull=True) | Q(municipality_id=municipality_id))
    return qs.prefetch_related("translations")


def suggest(text: str, answers, *, limit: int = 5) -> list[Answer]:
    rows = list(answers)
    by_id = {a.pk: a for a in rows}
    ranked = rank(text, [Doc(a.pk, a.title, a.body) for a in rows], limit=limit)
    return [by_id[i] for i, _score in ranked]


def current_visa_code(resident, day: dt.date | None = None) -> str:
    """The resident's status of stay on `day` (the newest visa record in force), or ""."""
    if resident is None:
        return ""
    day = day or timezone.localdate()
    record = (
        resident.visas.filter(valid_from__lte=day)
        .filter(Q(valid_to__isnull=True) | Q(valid_to__gte=day))
        .select_related("status")
        .first()
    )
    return record.status.code if record else ""


def suggestions_for_case(case, *, limit: int = 5) -> list[Answer]:
    """Answers for a case from its summary and chat (facts: topic, visa, region and date filter)."""
    texts = [case.summary or ""]
    from ieum.chat.models import Conversation

    conversation = Conversation.objects.filter(case=case).first()
    if conversation is not None:
        for message in conversation.messages.prefetch_related("translations")[:50]:
            korean = [t.text for t in message.translations.all() if t.language == SOURCE_LANGUAGE]
            texts.append(
                message.text if message.language == SOURCE_LANGUAGE else " ".join(korean) or message.text
            )
    answers = answers_for(
        topic_id=case.topic_id,
        visa_code=current_visa_code(case.resident),
        municipality_id=case.municipality_id,
    )
    found = suggest(" ".join(texts), answers, limit=limit)
    return found or list(answers[:limit])


def stale_translations(language: str) -> list[AnswerTranslation]:
    rows = AnswerTranslation.objects.filter(language=language).select_related("answer", "answer__topic")
    return [row for row in rows if row.stale]


def missing_translations(language: str):
    return Answer.objects.exclude(translations__language=language).select_related("topic")
