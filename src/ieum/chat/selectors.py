"""Reads of the chat: each message as one reader sees it, in their language, with provenance."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.utils.translation import get_language
from django.utils.translation import gettext as _

from ieum.chat.models import Conversation, Message, MessageTranslation
from ieum.core.models import Role
from ieum.lib.formatting import language_name


@dataclass(frozen=True)
class ShownMessage:
    id: int
    sent_at: dt.datetime
    sender_role: str
    mine: bool
    text: str  # in the reader's language when a translation exists, else the original
    text_language: str
    original: str
    original_language: str
    provenance: str  # "" when the reader sees the original
    untranslated: str  # why there is no translation for this reader ("" when none was needed)


def _current(translations: list[MessageTranslation], language: str) -> MessageTranslation | None:
    rows = [t for t in translations if t.language == language]
    return max(rows, key=lambda t: (t.created_at, t.pk)) if rows else None


def _by_interpreter(translation: MessageTranslation) -> bool:
    return getattr(translation.translator, "role", None) == Role.INTERPRETER


def shown_message(message: Message, *, reader_language: str, reader_role: str) -> ShownMessage:
    """Call with the reader's language active: provenance is written in it."""
    original_name = language_name(message.language, get_language())
    translation = None
    if message.language != reader_language:
        translation = _current(list(message.translations.all()), reader_language)
    provenance = untranslated = ""
    if translation is not None:
        if translation.kind == MessageTranslation.Kind.PERSON and _by_interpreter(translation):
            provenance = _("Translation by %(name)s, interpreter — original in %(language)s:") % {
                "name": str(translation.translator),
                "language": original_name,
            }
        elif translation.kind == MessageTranslation.Kind.PERSON:
            provenance = _("Translation by %(name)s — original in %(language)s:") % {
                "name": str(translation.translator),
                "language": original_name,
            }
        else:
            provenance = _("Machine translation by %(engine)s — original in %(language)s:") % {
                "engine": translation.engine,
                "language": original_name,
            }
    elif message.language != reader_language:
        reason = message.untranslated_reason or Message.Untranslated.NOT_CONFIGURED
        untranslated = _("Not translated, shown as written in %(language)s. %(reason)s") % {
            "language": original_name,
            "reason": Message.Untranslated(reason).label,
        }
    return ShownMessage(
        id=message.pk,
        sent_at=message.sent_at,
        sender_role=message.sender_role,
        mine=message.sender_role == reader_role,
        text=translation.text if translation else message.text,
        text_language=translation.language if translation else message.language,
        original=message.text,
        original_language=message.language,
        provenance=provenance,
        untranslated=untranslated,
    )


def conversation_messages(
    conversation: Conversation, *, reader_language: str, reader_role: str, after_id: int = 0
) -> list[ShownMessage]:
    messages = conversation.messages.filter(pk__gt=after_id).prefetch_related("translations__translator")
    return [shown_message(m, reader_language=reader_language, reader_role=reader_role) for m in messages]


@dataclass(frozen=True)
class InterpretedMessage:
    """One message as an interpreter works on it: the original, and each translation the
    conversation needs (its current text and who made it, or why there is none)."""

    original: ShownMessage
    translations: list[tuple[str, ShownMessage]]  # (target language, as read in it)


def conversation_for_interpreter(conversation: Conversation) -> list[InterpretedMessage]:
    """Every message with its translations into the conversation's other languages; nothing of the
    case or the resident. Call with the reader's language active (provenance is written in it)."""
    messages = conversation.messages.prefetch_related("translations__translator")
    languages = sorted(conversation.languages())
    out = []
    for message in messages:
        original = shown_message(message, reader_language=message.language, reader_role="")
        translations = [
            (language, shown_message(message, reader_language=language, reader_role=""))
            for language in languages
            if language != message.language
        ]
        out.append(InterpretedMessage(original=original, translations=translations))
    return out


def conversations_of_resident(resident) -> list[Conversation]:
    return list(Conversation.objects.filter(resident=resident).select_related("case__topic"))


def conversations_for_staff(user, *, limit: int = 100):
    """Chats of the cases `user` reaches, newest message first, with whether the resident spoke last
    (waiting for an answer). Lists case numbers and topics only, no one's name or words."""
    from django.db.models import OuterRef, Subquery

    from ieum.casework.access import cases_reachable_by

    last_role = (
        Message.objects.filter(conversation=OuterRef("pk")).order_by("-sent_at", "-id").values("sender_role")
    )
    return (
        Conversation.objects.filter(case__in=cases_reachable_by(user))
        .select_related("case__topic")
        .annotate(last_role=Subquery(last_role[:1]))
        .order_by("-last_message_at", "-pk")[:limit]
    )


def waiting_count(user) -> int:
    return sum(1 for c in conversations_for_staff(user, limit=500) if c.last_role == Message.Sender.RESIDENT)
