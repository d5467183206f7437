"""Phone (issue 5 item 6): call events from the telephony system (CTI), callbacks, and
three-way interpreted calls recorded as interpreter sessions."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from ieum.casework import routing, services
from ieum.casework.events import record
from ieum.casework.models import OPEN_STATUSES, Callback, CallLog, Case, Queue
from ieum.core.models import Role, User
from ieum.lib.phones import normalize_phone

SUPPORTED = ("ko", "en", "vi", "zh-hans", "id", "km", "ne", "th", "si", "fil", "uz", "ru", "my")


def _phone(value: str) -> str:
    phone = normalize_phone(value or "")
    if not phone:
        raise ValidationError({"caller_phone": [_("Enter a valid phone number.")]})
    return phone


def open_case_of_caller(phone: str) -> Case | None:
    """The caller's open case: by the number they call from, or by a resident with that number."""
    from ieum.residents.models import Resident

    cases = Case.objects.filter(status__in=OPEN_STATUSES).order_by("-opened_at")
    found = cases.filter(caller_phone=phone).first()
    if found is not None:
        return found
    residents = list(Resident.objects.active().filter(phone=phone).values_list("pk", flat=True)[:2])
    return cases.filter(resident_id__in=residents).first() if residents else None


def _resident_by_phone(phone: str) -> Any:
    from ieum.residents.models import Resident

    found = list(Resident.objects.active().filter(phone=phone)[:2])
    # Only an unambiguous number identifies a person; otherwise the counselor links them later.
    return found[0] if len(found) == 1 else None


@transaction.atomic
def call_incoming(
    *,
    call_id: str,
    caller_phone: str,
    ivr_language: str,
    actor: Any,
    queue: Queue | None = None,
    topic: str = "",
) -> CallLog:
    """A call rings: find the caller's open case or open one, route it, log the call. The same
    call id twice (a retried webhook) changes nothing."""
    existing = CallLog.objects.filter(call_id=call_id).first()
    if existing is not None:
        return existing
    phone = _phone(caller_phone)
    language = (ivr_language or "ko").strip().lower()
    if language not in SUPPORTED:
        raise ValidationError({"ivr_language": [_("Choose a language.")]})
    case = open_case_of_caller(phone)
    if case is None:
        case = services.case_open(
            channel="phone",
            topic=topic or (queue.topic.code if queue is not None and queue.topic else "other"),
            language=language,
            actor=actor,
            resident=_resident_by_phone(phone),
            caller_phone=phone,
        )
    return CallLog.objects.create(
        call_id=call_id[:100],
        case=case,
        caller_phone=phone,
        ivr_language=language,
        queue=queue or case.queue,
        counselor=case.assignee,
        started_at=timezone.now(),
    )


def _counselor(username: str) -> User:
    user = User.objects.filter(username=username, is_active=True, role=Role.COUNSELOR).first()
    if user is None:
        raise ValidationError({"agent": [_("No counselor has this name.")]})
    return user


@transaction.atomic
def call_answered(*, call_id: str, agent: str, actor: Any) -> CallLog:
    """A counselor picked up: the call is theirs, and so is the case if nobody had it."""
    call = CallLog.objects.select_for_update().filter(call_id=call_id).first()
    if call is None:
        raise ValidationError({"call_id": [_("No call has this id.")]})
    counselor = _counselor(agent)
    call.counselor = counselor
    call.answered_at = call.answered_at or timezone.now()
    call.save(update_fields=["counselor", "answered_at"])
    case = call.case
    if case is not None:
        if case.status == Case.Status.NEW and routing.assign_to(case, counselor, check_capacity=False):
            record(case, "case.assigned", actor, {"to": counselor.pk})
        case.refresh_from_db()
        if case.first_response_at is None and case.assignee_id == counselor.pk:
            Case.objects.filter(pk=case.pk).update(first_response_at=call.answered_at)
    return call


@transaction.atomic
def call_ended(
    *,
    call_id: str,
    outcome: str,
    duration_seconds: int,
    actor: Any,
    interpreter_request_id: int | None = None,
) -> CallLog:
    """Outcome and duration; a three-way call with an interpreter is logged as their session."""
    call = CallLog.objects.select_for_update().filter(call_id=call_id).first()
    if call is None:
        raise ValidationError({"call_id": [_("No call has this id.")]})
    if outcome not in CallLog.Outcome.values or not outcome:
        raise ValidationError({"outcome": [_("Choose a value from the list.")]})
    if duration_seconds < 0 or duration_seconds > 24 * 3600:
        raise ValidationError({"duration_seconds": [_("Enter a duration between 0 and 24 hours.")]})
    now = timezone.now()
    call.outcome = outcome
    call.duration_seconds = duration_seconds
    call.ended_at = now
    if interpreter_request_id is not None:
        call.three_way = True
        _log_interpreted_call(call, interpreter_request_id, actor)
    call.save()
    if call.case is not None:
        record(call.case, "case.call", actor, {"outcome": outcome})
    return call


def _log_interpreted_call(call: CallLog, request_id: int, actor: Any) -> None:
    from ieum.interpreting.models import InterpreterRequest
    from ieum.interpreting.services import interpreter_session_log

    request = InterpreterRequest.objects.filter(pk=request_id).select_related("interpreter").first()
    if request is None or request.interpreter is None:
        raise ValidationError({"interpreter_request_id": [_("No interpreter accepted this request.")]})
    ended = call.ended_at or timezone.now()
    started = call.answered_at or (ended - dt.timedelta(seconds=call.duration_seconds))
    interpreter_session_log(
        request=request,
        interpreter=request.interpreter,
        started_at=started,
        ended_at=ended,
        outcome="completed" if call.outcome == CallLog.Outcome.ANSWERED else "call_dropped",
        three_way_call=True,
        actor=actor,
    )


@transaction.atomic
def callback_request(
    *,
    caller_phone: str,
    language: str,
    actor: Any,
    case: Case | None = None,
    call_after: dt.datetime | None = None,
) -> Callback:
    phone = _phone(caller_phone)
    case = case or open_case_of_caller(phone)
    language = (language or "ko").strip().lower()
    if language not in SUPPORTED:
        raise ValidationError({"language": [_("Choose a language.")]})
    queue = case.queue if case is not None else routing.queue_for(language, None)
    return Callback.objects.create(
        case=case,
        phone=phone,
        language=language,
        queue=queue,
        requested_at=timezone.now(),
        call_after=call_after,
    )


@transaction.atomic
def callback_done(*, callback: Callback, reached: bool, actor: Any, note: str = "") -> Callback:
    callback = Callback.objects.select_for_update().get(pk=callback.pk)
    if callback.status != Callback.Status.PENDING:
        raise ValidationError({"status": [_("This step is not possible in the case's present status.")]})
    callback.attempts += 1
    callback.taken_by = actor
    callback.note = note.strip()[:300]
    if reached or callback.attempts >= 3:
        callback.status = Callback.Status.DONE if reached else Callback.Status.FAILED
        callback.done_at = timezone.now()
    callback.save()
    return callback
