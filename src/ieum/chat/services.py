"""Writes of the chat: start a conversation (opens a web-chat case), post a message (detect its
language, translate it for the other side, tell the connected clients), correct a translation."""

from __future__ import annotations

from asgiref.sync import async_to_sync
from channels.layers import get_channel_layer
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from ieum.chat.langdetect import detect_language
from ieum.chat.models import STAFF_LANGUAGE, Conversation, Message, MessageTranslation
from ieum.chat.translation import TranslationFailed, translate_or_fail
from ieum.core.models import User
from ieum.residents.models import Resident
from ieum.residents.services import timeline_add

MAX_MESSAGE_CHARS = 4000


def group_name(conversation_id: int) -> str:
    return f"chat.{conversation_id}"


def _announce(conversation_id: int, message_id: int) -> None:
    layer = get_channel_layer()
    if layer is not None:
        async_to_sync(layer.group_send)(
            group_name(conversation_id), {"type": "chat.message", "message_id": message_id}
        )


def _clean_text(text: str) -> str:
    text = (text or "").strip()
    if not text:
        raise ValidationError(_("Write a message first."), code="empty")
    if len(text) > MAX_MESSAGE_CHARS:
        raise ValidationError(
            _("A message can have at most %(limit)s characters.") % {"limit": MAX_MESSAGE_CHARS},
            code="too_long",
        )
    return text


@transaction.atomic
def conversation_start(*, resident: Resident, topic, actor: User | None) -> Conversation:
    """A new web chat for `resident`, with its case (channel web_chat, the resident's language)."""
    from ieum.casework.services import case_open

    language = resident.preferred_language or STAFF_LANGUAGE
    case = case_open(channel="web_chat", topic=topic, language=language, actor=actor, resident=resident)
    conversation = Conversation.objects.create(case=case, resident=resident, resident_language=language)
    timeline_add(resident=resident, service="chat", kind="chat.started", actor=actor)
    return conversation


def _translations_for(text: str, *, source: str, targets: set[str]) -> tuple[list[MessageTranslation], str]:
    """Machine translations into `targets`, made before any transaction opens (a slow engine must
    not hold a database lock); the first failure's reason when one fails."""
    rows: list[MessageTranslation] = []
    reason = ""
    now = timezone.now()
    for target in sorted(targets - {source}):
        try:
            result = translate_or_fail(text, source=source, target=target)
        except TranslationFailed as failed:
            reason = reason or failed.reason
            continue
        rows.append(
            MessageTranslation(
                language=target, text=result.text, kind="machine", engine=result.engine_label, created_at=now
            )
        )
    return rows, reason


def message_post(*, conversation: Conversation, sender: User, sender_role: str, text: str) -> Message:
    """Keep the original and its detected language; translate it for the other side; an engine that
    fails leaves the message untranslated and marked with why. Connected clients are told."""
    text = _clean_text(text)
    default = conversation.resident_language if sender_role == Message.Sender.RESIDENT else STAFF_LANGUAGE
    language = detect_language(text, default=default)
    translations, reason = _translations_for(text, source=language, targets=conversation.languages())
    with transaction.atomic():
        message = Message.objects.create(
            conversation=conversation,
            sender=sender,
            sender_role=sender_role,
            text=text,
            language=language,
            untranslated_reason=reason,
            sent_at=timezone.now(),
        )
        for row in translations:
            row.message = message
        MessageTranslation.objects.bulk_create(translations)
        Conversation.objects.filter(pk=conversation.pk).update(last_message_at=message.sent_at)
        if sender_role == Message.Sender.STAFF:
            _counselor_answered(conversation, sender)
        transaction.on_commit(lambda: _announce(conversation.pk, message.pk))
    return message


def _counselor_answered(conversation: Conversation, sender: User) -> None:
    """The assigned counselor's first chat answer is the case's first response (casework's rule:
    starting work on an assigned case records it)."""
    from ieum.casework.models import Case
    from ieum.casework.services import case_start

    # Read afresh: the conversation's copy of the case may be older than the case's last step.
    case = Case.objects.filter(pk=conversation.case_id, status=Case.Status.ASSIGNED, assignee=sender).first()
    if case is not None:
        case_start(case=case, actor=sender)


@transaction.atomic
def message_translation_correct(
    *, message: Message, language: str, text: str, actor: User
) -> MessageTranslation:
    """A counselor or interpreter puts their own translation in; it is shown with their name from
    now on, and the machine's stays in the record."""
    text = _clean_text(text)
    if language not in message.conversation.languages() or language == message.language:
        raise ValidationError(_("Choose a language of this conversation."), code="language")
    row = MessageTranslation.objects.create(
        message=message,
        language=language,
        text=text,
        kind="person",
        translator=actor,
        created_at=timezone.now(),
    )
    transaction.on_commit(lambda: _announce(message.conversation_id, message.pk))
    return row


def message_post_canned(
    *,
    conversation: Conversation,
    sender: User,
    source_text: str,
    translated_text: str,
    translated_language: str,
    machine_engine: str = "",
    translator: User | None = None,
) -> Message:
    """A canned reply from the knowledge base: the Korean source is the original, and the
    resident's version keeps its provenance (the person who reviewed it, or the machine)."""
    source_text = _clean_text(source_text)
    now = timezone.now()
    reason = "" if translated_text else Message.Untranslated.NOT_CONFIGURED
    with transaction.atomic():
        message = Message.objects.create(
            conversation=conversation,
            sender=sender,
            sender_role=Message.Sender.STAFF,
            text=source_text,
            language=STAFF_LANGUAGE,
            untranslated_reason=reason,
            sent_at=now,
        )
        if translated_text and translated_language != STAFF_LANGUAGE:
            MessageTranslation.objects.create(
                message=message,
                language=translated_language,
                text=translated_text,
                kind="person" if translator is not None else "machine",
                engine="" if translator is not None else machine_engine,
                translator=translator,
                created_at=now,
            )
        Conversation.objects.filter(pk=conversation.pk).update(last_message_at=now)
        transaction.on_commit(lambda: _announce(conversation.pk, message.pk))
    return message
