"""JSON API of casework (mounted at /api/v1/casework/): cases for staff, and the CTI webhook for
the telephony system. Access goes through casework.access, like the pages."""

from __future__ import annotations

import datetime as dt
from typing import Literal

from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import get_object_or_404
from django.utils.translation import gettext as _
from ninja import Router, Schema, Status

from ieum.casework import access, phone, selectors, services
from ieum.casework.models import Case, Channel, Queue, TelephonyAccount
from ieum.core.api_auth import TokenAuth
from ieum.core.http import AuthedRequest
from ieum.core.models import User

router = Router(tags=["casework"])


class CaseOut(Schema):
    id: int
    number: str
    channel: str
    topic: str
    language: str
    urgency: str
    status: str
    waiting_on: str
    summary: str
    resident_id: int | None
    queue_id: int | None
    assignee: str | None
    needs_interpreter: bool
    sensitive: bool
    opened_at: dt.datetime
    first_response_due: dt.datetime | None
    resolution_due: dt.datetime | None

    @staticmethod
    def of(case: Case) -> CaseOut:
        return CaseOut(
            id=case.pk,
            number=case.number or "",
            channel=case.channel,
            topic=case.topic.code,
            language=case.language,
            urgency=case.urgency,
            status=case.status,
            waiting_on=case.waiting_on,
            summary=case.summary,
            resident_id=case.resident_id,
            queue_id=case.queue_id,
            assignee=case.assignee.username if case.assignee else None,
            needs_interpreter=case.needs_interpreter,
            sensitive=case.sensitive,
            opened_at=case.opened_at,
            first_response_due=case.first_response_due,
            resolution_due=case.resolution_due,
        )


class CaseIn(Schema):
    channel: str
    topic: str
    language: str
    summary: str = ""
    urgency: str = "normal"
    caller_phone: str = ""
    caller_kind: str = ""
    caller_name: str = ""
    caller_organisation: str = ""
    resident_id: int | None = None
    sensitive: bool = False


class TransitionIn(Schema):
    action: Literal["take", "start", "wait", "resume", "resolve", "close", "reopen", "transfer", "link"]
    on: str = ""
    reason: str = ""
    resolution: str = ""
    to_user: str = ""
    to_queue: int | None = None
    resident_id: int | None = None


class NoteIn(Schema):
    text: str
    shareable: bool = False


class NoteOut(Schema):
    id: int
    shareable: bool
    created_at: dt.datetime


class NextIn(Schema):
    channel: str


class CallEventIn(Schema):
    event: Literal["incoming", "answered", "ended", "callback"]
    call_id: str = ""
    caller_phone: str = ""
    ivr_language: str = ""
    queue_id: int | None = None
    agent: str = ""
    outcome: str = ""
    duration_seconds: int = 0
    interpreter_request_id: int | None = None


class CallOut(Schema):
    call_id: str
    case_id: int | None
    case_number: str | None
    counselor: str | None
    outcome: str


class CallbackOut(Schema):
    id: int
    case_id: int | None
    status: str


def _clean(value: str) -> str:
    """A filter without control characters: PostgreSQL text cannot hold NUL, and no filter
    needs them."""
    return "".join(ch for ch in value if ch >= " ")[:200]


def _channel(request: AuthedRequest) -> str:
    return getattr(request, "api_channel", "web")


@router.get("/cases", response=list[CaseOut])
def case_list(
    request: AuthedRequest,
    q: str = "",
    status: str = "",
    topic: str = "",
    language: str = "",
    channel: str = "",
):
    access.require_case_worker(request.user)
    q, status, topic, language, channel = (_clean(v) for v in (q, status, topic, language, channel))
    cases = selectors.search_cases(
        request.user, q=q, status=status, topic=topic, language=language, channel=channel
    )
    return [CaseOut.of(c) for c in cases]


@router.post("/cases", response={201: CaseOut})
def case_create(request: AuthedRequest, payload: CaseIn):
    access.require_case_worker(request.user)
    resident = None
    if payload.resident_id is not None:
        from ieum.residents.access import get_resident_for_intake

        resident = get_resident_for_intake(
            request.user, payload.resident_id, request=request, channel=_channel(request)
        )
    case = services.case_open(
        channel=payload.channel,
        topic=payload.topic,
        language=payload.language,
        actor=request.user,
        resident=resident,
        caller_phone=payload.caller_phone,
        summary=payload.summary,
        urgency=payload.urgency,
        on_behalf_of=services.OnBehalfOf(
            kind=payload.caller_kind, name=payload.caller_name, organisation=payload.caller_organisation
        ),
        sensitive=payload.sensitive,
    )
    return Status(201, CaseOut.of(case))


@router.post("/cases/next", response={200: CaseOut, 204: None})
def case_next(request: AuthedRequest, payload: NextIn):
    access.require_case_worker(request.user)
    if payload.channel not in Channel.values:
        raise ValidationError({"channel": [_("Choose a value from the list.")]})
    case = services.case_assign_next(counselor=request.user, channel=payload.channel)
    if case is None:
        return Status(204, None)
    return CaseOut.of(case)


@router.get("/cases/{case_id}", response=CaseOut)
def case_detail(request: AuthedRequest, case_id: int):
    case = access.get_case_for_user(request.user, case_id, request=request, channel=_channel(request))
    return CaseOut.of(case)


@router.post("/cases/{case_id}/transition", response=CaseOut)
def case_transition(request: AuthedRequest, case_id: int, payload: TransitionIn):
    user = request.user
    case = access.get_case_for_user(
        user, case_id, request=request, action="update", channel=_channel(request)
    )
    if payload.action == "take":
        case = services.case_assign(case=case, to_user=user, actor=user)
    elif payload.action == "start":
        case = services.case_start(case=case, actor=user)
    elif payload.action == "wait":
        case = services.case_wait(case=case, on=payload.on, actor=user)
    elif payload.action == "resume":
        case = services.case_resume(case=case, actor=user)
    elif payload.action == "resolve":
        case = services.case_resolve(case=case, actor=user, resolution=payload.resolution)
    elif payload.action == "close":
        case = services.case_close(case=case, actor=user)
    elif payload.action == "reopen":
        case = services.case_reopen(case=case, actor=user, reason=payload.reason)
    elif payload.action == "transfer":
        to_user = User.objects.filter(username=payload.to_user).first() if payload.to_user else None
        to_queue = Queue.objects.filter(pk=payload.to_queue).first() if payload.to_queue else None
        if payload.to_user and to_user is None or payload.to_queue and to_queue is None:
            raise ValidationError({"to": [_("Transfer to one counselor or to one queue.")]})
        case = services.case_transfer(
            case=case, reason=payload.reason, actor=user, to_user=to_user, to_queue=to_queue
        )
    else:
        from ieum.residents.access import get_resident_for_intake

        if payload.resident_id is None:
            raise ValidationError({"resident_id": [_("Choose a value from the list.")]})
        resident = get_resident_for_intake(
            user, payload.resident_id, request=request, channel=_channel(request), purpose="link case"
        )
        case = services.case_link_resident(case=case, resident=resident, actor=user)
    case = Case.objects.select_related("topic", "assignee").get(pk=case.pk)
    return CaseOut.of(case)


@router.post("/cases/{case_id}/notes", response={201: NoteOut})
def case_note(request: AuthedRequest, case_id: int, payload: NoteIn):
    case = access.get_case_for_user(
        request.user, case_id, request=request, action="update", channel=_channel(request)
    )
    note = services.case_note_add(
        case=case, text=payload.text, shareable=payload.shareable, actor=request.user
    )
    return Status(201, NoteOut(id=note.pk, shareable=note.shareable, created_at=note.created_at))


def _require_telephony(request: AuthedRequest) -> None:
    """Only the telephony system's token: not a person's session, not another integration."""
    if (
        getattr(request, "api_channel", "") != "api"
        or not TelephonyAccount.objects.filter(user=request.user).exists()
    ):
        raise PermissionDenied


def _call_out(call) -> CallOut:
    return CallOut(
        call_id=call.call_id,
        case_id=call.case_id,
        case_number=call.case.number if call.case else None,
        counselor=call.counselor.username if call.counselor else None,
        outcome=call.outcome,
    )


@router.post("/cti/calls", response={200: CallOut, 201: CallbackOut}, auth=TokenAuth())
def cti_call_event(request: AuthedRequest, payload: CallEventIn):
    """Call events from the telephony system: a call rings (find or open the caller's case), is
    answered by a counselor, ends (outcome, duration, interpreter), or the caller asks for a callback."""
    _require_telephony(request)
    actor = request.user
    if payload.event == "callback":
        callback = phone.callback_request(
            caller_phone=payload.caller_phone, language=payload.ivr_language, actor=actor
        )
        return Status(201, CallbackOut(id=callback.pk, case_id=callback.case_id, status=callback.status))
    if not payload.call_id.strip():
        raise ValidationError({"call_id": [_("No call has this id.")]})
    if payload.event == "incoming":
        queue = get_object_or_404(Queue, pk=payload.queue_id) if payload.queue_id else None
        call = phone.call_incoming(
            call_id=payload.call_id,
            caller_phone=payload.caller_phone,
            ivr_language=payload.ivr_language,
            queue=queue,
            actor=actor,
        )
    elif payload.event == "answered":
        call = phone.call_answered(call_id=payload.call_id, agent=payload.agent, actor=actor)
    else:
        call = phone.call_ended(
            call_id=payload.call_id,
            outcome=payload.outcome,
            duration_seconds=payload.duration_seconds,
            interpreter_request_id=payload.interpreter_request_id,
            actor=actor,
        )
    return _call_out(call)
