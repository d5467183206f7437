"""Who may read and write a conversation: the resident whose chat it is, staff who reach its case
(ieum.casework.access decides that), and an interpreter through a session dispatched to them.
Pages, the API and the WebSocket consumer all call `get_conversation_for_user`; staff reads are
written to the access log (facts.md §5).

Interpreters (privacy issue §1: only the sessions dispatched to them, only what the session
needs) reach the conversation of a case only through an interpreter request for that case that
they accepted, and only inside the session's window (`interpreter_window`). They reach the
conversation alone — never the case or the resident record — and read and correct its
translations; they do not write in the chat, because the resident would read their words as the
counselor's.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from django.conf import settings
from django.db.models import Q
from django.http import Http404, HttpRequest
from django.utils import timezone

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


def reader_role_of(user: Any) -> str:
    """The sender role whose messages read as "You": none for an interpreter, who writes none."""
    return "" if user.role == Role.INTERPRETER else sender_role_of(user)


# ---- interpreters --------------------------------------------------------------------------


def _window_hours() -> dt.timedelta:
    return dt.timedelta(hours=getattr(settings, "IEUM_INTERPRETER_CHAT_HOURS", 24))


@dataclass(frozen=True)
class SessionReach:
    """The accepted interpreter request that lets an interpreter into a conversation."""

    request_id: int
    case_id: int
    opens: dt.datetime
    closes: dt.datetime


def interpreter_window(item: Any) -> tuple[dt.datetime, dt.datetime] | None:
    """When the interpreter of an accepted or fulfilled request may use its case's chat.

    The window is the session and a margin on either side (IEUM_INTERPRETER_CHAT_HOURS, 24 h):
    - before: from acceptance for a live call; for an appointment, from a margin before it, so
      the interpreter can read what the resident wrote and prepare the terms, but does not hold
      a chat open for weeks because they accepted early;
    - after: a margin after the session, to correct what was translated while it is fresh. Once
      the session is logged the end is the session's end (capped by when it was logged, so a
      mistyped future end does not stretch the window); before that, the expected end.
    Cancelled, expired or declined requests, and requests without a case, open no window.
    """
    from ieum.interpreting.models import InterpreterRequest

    Status = InterpreterRequest.Status
    if item.case_id is None or item.accepted_at is None:
        return None
    if item.status not in (Status.ACCEPTED, Status.FULFILLED):
        return None
    margin = _window_hours()
    opens = starts = item.accepted_at
    if item.mode == InterpreterRequest.Mode.SCHEDULED and item.scheduled_for is not None:
        starts = max(item.scheduled_for, item.accepted_at)
        opens = max(item.accepted_at, item.scheduled_for - margin)
    ended = starts + dt.timedelta(minutes=item.expected_minutes)
    if item.status == Status.FULFILLED:
        logged_ends = [s.ended_at for s in item.sessions.all()]
        ended = min(max(logged_ends, default=ended), item.closed_at or ended)
    return opens, ended + margin


def _open_sessions(user: Any, now: dt.datetime) -> list[SessionReach]:
    """The user's accepted requests whose window is open now."""
    from ieum.interpreting.access import own_interpreter
    from ieum.interpreting.models import InterpreterRequest

    interpreter = own_interpreter(user)
    if interpreter is None:
        return []
    Status = InterpreterRequest.Status
    # A fulfilled request closed longer ago than the margin cannot be open: skip it in SQL, so the
    # rows read stay few however long the interpreter has worked here.
    items = (
        InterpreterRequest.objects.filter(interpreter=interpreter, case__isnull=False)
        .filter(Q(status=Status.ACCEPTED) | Q(status=Status.FULFILLED, closed_at__gte=now - _window_hours()))
        .prefetch_related("sessions")
    )
    found = []
    for item in items:
        window = interpreter_window(item)
        if window is not None and item.case_id is not None and window[0] <= now <= window[1]:
            found.append(SessionReach(item.pk, item.case_id, window[0], window[1]))
    return found


def session_reaching(user: Any, conversation: Conversation) -> SessionReach | None:
    """The dispatched session through which an interpreter reaches `conversation` now, if any."""
    if not user.is_authenticated or not user.is_active or user.role != Role.INTERPRETER:
        return None
    sessions = [s for s in _open_sessions(user, timezone.now()) if s.case_id == conversation.case_id]
    # Two sessions for one case: the one open longest, so the page's "until" is the real limit.
    return max(sessions, key=lambda s: s.closes, default=None)


def dispatched_conversations(user: Any) -> dict[int, int]:
    """{interpreter request id: conversation id} for the interpreter's sessions whose chat they
    may open now (for links from their interpreting pages)."""
    if not user.is_authenticated or not user.is_active or user.role != Role.INTERPRETER:
        return {}
    sessions = _open_sessions(user, timezone.now())
    by_case = dict(
        Conversation.objects.filter(case_id__in={s.case_id for s in sessions}).values_list("case_id", "pk")
    )
    return {s.request_id: by_case[s.case_id] for s in sessions if s.case_id in by_case}


# ---- everyone ------------------------------------------------------------------------------


def _reach(user: Any, conversation: Conversation) -> dict[str, Any] | None:
    """Why `user` may use `conversation`, for the access log; None when they may not."""
    if not user.is_authenticated or not user.is_active:
        return None
    if user.role == Role.RESIDENT:
        own = conversation.resident.user_id == user.pk and conversation.resident.merged_into_id is None
        return {} if own else None
    if user.role == Role.INTERPRETER:
        session = session_reaching(user, conversation)
        return None if session is None else {"interpreter_request": session.request_id}
    if user.role not in TRANSCRIPT_ROLES:
        return None
    return {} if _staff_reaches_case(user, conversation.case) else None


def may_use_conversation(user: Any, conversation: Conversation) -> bool:
    """May read it (and, see `may_write_in_conversation`, perhaps write in it)."""
    return _reach(user, conversation) is not None


def may_write_in_conversation(user: Any, conversation: Conversation) -> bool:
    """May post messages: the resident and the staff of the case; not an interpreter."""
    if not user.is_authenticated or user.role == Role.INTERPRETER:
        return False
    return may_use_conversation(user, conversation)


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
    reach = None if conversation is None else _reach(user, conversation)
    if conversation is None or reach is None:
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
            detail={"conversation": conversation.pk, **reach},
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
