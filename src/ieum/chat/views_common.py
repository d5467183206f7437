"""What language a reader sees a conversation in (pages and the WebSocket share this)."""

from __future__ import annotations

from typing import Any

from django.conf import settings

from ieum.chat.models import STAFF_LANGUAGE, Conversation
from ieum.core.models import Role


def reader_languages(user: Any, conversation: Conversation, active: str | None = None) -> tuple[str, str]:
    """(language of the message texts, language of the interface) for `user`.

    A resident reads messages in the conversation's language; staff read them in Korean, the
    language of the center's records. The interface follows the page's active language, or the
    account's when there is no page (WebSocket)."""
    ui = active or getattr(user, "preferred_language", "") or settings.LANGUAGE_CODE
    if user.role == Role.RESIDENT:
        return conversation.resident_language, active or conversation.resident_language
    return STAFF_LANGUAGE, ui
