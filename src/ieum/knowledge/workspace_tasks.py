from __future__ import annotations

from typing import Any

from django.urls import reverse
from django.utils.translation import ngettext

from ieum.core.workspace import Task
from ieum.knowledge.access import can_edit_knowledge
from ieum.knowledge.models import AnswerTranslation


def knowledge_tasks(user: Any) -> list[Task]:
    """Translations whose Korean source changed since they were made."""
    if not can_edit_knowledge(user):
        return []
    rows = AnswerTranslation.objects.select_related("answer").only("source_hash", "answer__source_hash")
    stale = sum(1 for row in rows if row.stale)
    if not stale:
        return []
    title = ngettext(
        "%(count)s knowledge-base translation to update",
        "%(count)s knowledge-base translations to update",
        stale,
    ) % {"count": stale}
    return [Task(title, stale, reverse("knowledge:stale"))]
