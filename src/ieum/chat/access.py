"""Who may read and write a conversation: the resident whose chat it is, and staff who reach its
case (ieum.casework.access decides that). Pages, the API and the WebSocket consumer all call
`get_conversation_for_user`; staff reads are written to the access log (facts.md §5)."""

from __future__ import annotations

from typing import Any

from django.http import Http404, HttpRequest

from ieum.chat.models import Conversation, Message
from ieum.core.access import log_access
from ieum.core.models import Role

TRANSCRIPT_ROLES = frozenset({Role.COUNSELOR, Role.ADMIN})


def _staff_reaches_case(user: Any, case: Any) -> bool:
    # The same rule as the case page: casework's reach (queues, assignee, opener; admin all).
    from ieum.casework.access import cases_reachable_by

    return cases_reachable_by(user).filter(pk=case.pk).exists()


def sender_role_of(user: Any) -> str:
    return Message.Sender.RESIDENT if user.role == Role.RESIDENT else Message.Sender.STAFF


def may_use_conversation(user: Any, conversation: Conversation) -> bool:
    if not user.is_authenticated or not user.is_active:
        return False
    if user.role == Role.RESIDENT:
        return conversation.resident.user_id == user.pk and conversation.resident.merged_into_id is None
    if user.role not in TRANSCRIPT_ROLES:
        return False
    return _staff_reaches_case(user, conversation.case)


def get_conversation_for_user(
    user: Any,
    conversation_id: int,
    *,
    request: HttpRequest | None = None,
    action: str = "view",
    purpose: str = "",
    channel: str = "web",
) -> Conversation:
    """The conversation if `user` may use it; 404 otherwise (ids are not probed)."""
    conversation = Conversation.objects.select_related("case", "resident").filter(pk=conversation_id).first()
    if conversation is None or not may_use_conversation(user, conversation):
        raise Http404
    if user.role != Role.RESIDENT:
        log_access(
            user=user,
            action=action,
            subject_type="resident",
            subject_id=conversation.resident_id,
            purpose=purpose,
            request=request,
            channel=channel,
            detail={"conversation": conversation.pk},
        )
    return conversation


def get_transcript_for_user(
    user: Any, conversation_id: int, *, purpose: str, request: HttpRequest | None = None
) -> Conversation:
    """A transcript for proceedings: counselors and administrators who reach the case, with a
    stated purpose (logged)."""
    if not purpose.strip() or getattr(user, "role", None) not in TRANSCRIPT_ROLES:
        raise Http404
    return get_conversation_for_user(user, conversation_id, request=request, action="export", purpose=purpose)
