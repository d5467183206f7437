"""Who may write and use the knowledge base: counselors, program officers and administrators.
Answers hold no one's personal data; suggestions for a case go through the case's own access
helper (ieum.casework.access), which logs the read."""

from __future__ import annotations

from typing import Any

from django.http import Http404

from ieum.core.models import Role
from ieum.knowledge.models import Answer

EDITOR_ROLES = frozenset({Role.COUNSELOR, Role.OFFICER, Role.ADMIN})


def can_edit_knowledge(user: Any) -> bool:
    return bool(user.is_authenticated and user.is_active and user.role in EDITOR_ROLES)


def require_knowledge_editor(user: Any) -> None:
    if not can_edit_knowledge(user):
        raise Http404


def get_answer_for_user(user: Any, answer_id: int) -> Answer:
    require_knowledge_editor(user)
    answer = (
        Answer.objects.select_related("topic", "visa_status", "municipality").filter(pk=answer_id).first()
    )
    if answer is None:
        raise Http404
    return answer
