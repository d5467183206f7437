from __future__ import annotations

from typing import Any

from django.urls import reverse
from django.utils.translation import ngettext

from ieum.chat.access import TRANSCRIPT_ROLES
from ieum.chat.selectors import waiting_count
from ieum.core.workspace import Task


def chat_tasks(user: Any) -> list[Task]:
    """Chats whose last message is the resident's: someone is waiting for an answer."""
    if getattr(user, "role", None) not in TRANSCRIPT_ROLES:
        return []
    count = waiting_count(user)
    if not count:
        return []
    title = ngettext(
        "%(count)s chat waiting for an answer", "%(count)s chats waiting for an answer", count
    ) % {"count": count}
    return [Task(title, count, reverse("chat:staff-list"))]
