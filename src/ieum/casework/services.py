"""Writes to cases (issue 5 items 1-3). Each function is one transaction; each step is written to
the case's history and the resident's timeline (events.record)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from ieum.casework import routing
from ieum.casework.config import business_calendar, sla_targets
from ieum.casework.events import record
from ieum.casework.models import OPEN_STATUSES, Case, CaseGroup, CaseNote, CaseTask, Channel, Queue, Topic
from ieum.core.models import Role, User
from ieum.lib.phones import normalize_phone

# Channels where someone is on the line now: a free counselor is found at once (push); other
# channels wait in the queue for a counselor to pull them.
LIVE_CHANNELS = frozenset({Channel.PHONE, Channel.WEB_CHAT, Channel.MESSENGER})
KOREAN = "ko"


@dataclass(frozen=True)
class OnBehalfOf:
    """Who spoke for the person: a county official, a hospital, an employer, a relative."""

    kind: str
    name: str = ""
    organisation: str = ""


def _topic(topic: Topic | str | int) -> Topic:
    if isinstance(topic, Topic):
        return topic
    text = str(topic).strip()
    if text.isdigit() and len(text) <= 9:
        found = Topic.objects.filter(pk=int(text)).first()
    else:
        found = Topic.objects.filter(code=text[:40]).first()
    if found is None or not found.active:
        raise ValidationError({"topic": [_("Choose a topic.")]})
    return found


def _check_choice(field: str, value: str, choices: list[str]) -> None:
    if value not in choices:
        raise ValidationError({field: [_("Choose a value from the list.")]})


def _locked(case: Case) -> Case:
    return Case.objects.select_for_update(of=("self",)).select_related("topic", "resident").get(pk=case.pk)


def _require_status(case: Case, *allowed: str) -> None:
    if case.status not in allowed:
        raise ValidationError({"status": [_("This step is not possible in the case's present status.")]})


def _first_response(case: Case, actor: Any) -> None:
    """The first thing a counselor does on an assigned case is its first response."""
    if case.first_response_at is None and actor is not None and actor.pk == case.assignee_id:
        case.first_response_at = timezone.now()
        if case.first_response_due and case.first_response_at > case.first_response_due:
            case.first_response_breached = True


def is_supervisor(user: Any, case: Case) -> bool:
    if getattr(user, "role", None) == Role.ADMIN:
        return True
    return case.queue is not None and case.queue.supervisors.filter(pk=user.pk).exists()


def _interpreter_overflow(case: Case, actor: Any) -> None:
    """No free counselor speaks the caller's language: ask for an interpreter at once and send
    the case to a counselor of the topic (the Korean queue) with the interpreter attached."""
    from ieum.interpreting.models import InterpreterRequest
    from ieum.interpreting.services import interpreter_request_create

    # The request points at the case once interpreting has its foreign key; the source label
    # names the case either way.
    has_case = any(f.name == "case" for f in InterpreterRequest._meta.get_fields())
    phone_like = case.channel in (Channel.PHONE, Channel.MESSENGER, Channel.WEB_CHAT)
    interpreter_request_create(
        language=case.language,
        modality="phone" if phone_like else "in_person",
        requested_by=actor if getattr(actor, "is_authenticated", False) else None,
        case=case if has_case else None,
        source=f"casework.overflow:{case.pk}",
        urgent=case.urgency in (Case.Urgency.URGENT, Case.Urgency.HIGH) or case.channel == Channel.PHONE,
        topic=str(case.topic.name_en),
        caller_label=case.number or "",
    )
    case.needs_interpreter = True
    case.queue = routing.queue_for(KOREAN, case.topic_id) or case.queue
    case.save(update_fields=["needs_interpreter", "queue"])
    record(case, "case.interpreter_requested", actor)


def route(case: Case, actor: Any) -> None:
    """Push a live case to a free counselor of its language; overflow to an interpreter when
    nobody free speaks it (for a live call or chat, free now; otherwise anyone in the queue)."""
    live = case.channel in LIVE_CHANNELS
    if case.language != KOREAN and not routing.free_counselors(
        case.queue, case.language, case.topic_id, case.channel, busy_too=not live
    ):
        _interpreter_overflow(case, actor)
    if live:
        user = routing.push(case, language=KOREAN if case.needs_interpreter else "")
        if user is not None:
            record(case, "case.assigned", actor, {"to": user.pk})


@transaction.atomic
def case_open(
    *,
    channel: str,
    topic: Topic | str | int,
    language: str,
    actor: Any,
    resident: Any = None,
    caller_phone: str = "",
    summary: str = "",
    urgency: str = "normal",
    on_behalf_of: OnBehalfOf | None = None,
    sensitive: bool = False,
    group: CaseGroup | None = None,
    assignee: User | None = None,
    auto_route: bool = True,
) -> Case:
    _check_choice("channel", channel, Channel.values)
    _check_choice("urgency", urgency, Case.Urgency.values)
    topic_row = _topic(topic)
    language = (language or "").strip().lower()
    if not language or len(language) > 12:
        raise ValidationError({"language": [_("Choose a language.")]})
    phone = ""
    if caller_phone.strip():
        phone = normalize_phone(caller_phone) or ""
        if not phone:
            raise ValidationError({"caller_phone": [_("Enter a valid phone number.")]})
    behalf = on_behalf_of or OnBehalfOf(kind="")
    _check_choice("caller_kind", behalf.kind, Case.CallerKind.values)
    now = timezone.now()
    targets = sla_targets(urgency)
    calendar = business_calendar()
    case = Case.objects.create(
        channel=channel,
        topic=topic_row,
        language=language,
        urgency=urgency,
        summary=summary.strip(),
        sensitive=sensitive,
        resident=resident,
        caller_phone=phone,
        caller_kind=behalf.kind,
        caller_name=behalf.name.strip()[:200],
        caller_organisation=behalf.organisation.strip()[:200],
        municipality=getattr(resident, "municipality", None),
        group=group,
        queue=routing.queue_for(language, topic_row.pk),
        created_by=actor if getattr(actor, "is_authenticated", False) else None,
        opened_at=now,
        first_response_due=calendar.add(now, targets.first_response_seconds),
        resolution_due=calendar.add(now, targets.resolution_seconds),
    )
    case.number = f"{now.astimezone(calendar.tz):%Y}-{case.pk:07d}"
    case.save(update_fields=["number"])
    record(case, "case.opened", actor, {"channel": channel})
    if assignee is not None:
        if not routing.assign_to(case, assignee, check_capacity=False):
            raise ValidationError({"assignee": [_("The case could not be assigned.")]})
        record(case, "case.assigned", actor, {"to": assignee.pk})
    elif auto_route:
        route(case, actor)
    case.refresh_from_db()
    return case


def case_assign_next(*, counselor: User, channel: str) -> Case | None:
    """Pull: the next waiting case of the counselor's queues on the channel, atomically."""
    case = routing.pull(counselor, channel)
    if case is not None:
        record(case, "case.assigned", counselor, {"to": counselor.pk})
    return case


@transaction.atomic
def case_assign(*, case: Case, to_user: User, actor: Any) -> Case:
    """Manual assignment of a new case (a counselor taking it, or a supervisor giving it)."""
    case = _locked(case)
    _require_status(case, Case.Status.NEW)
    if to_user.role != Role.COUNSELOR and to_user.role != Role.ADMIN:
        raise ValidationError({"assignee": [_("Only a counselor can be given a case.")]})
    if not routing.assign_to(case, to_user, check_capacity=False):
        raise ValidationError({"status": [_("This step is not possible in the case's present status.")]})
    case.refresh_from_db()
    record(case, "case.assigned", actor, {"to": to_user.pk})
    return case


@transaction.atomic
def case_transfer(
    *, case: Case, reason: str, actor: Any, to_user: User | None = None, to_queue: Queue | None = None
) -> Case:
    case = _locked(case)
    _require_status(case, *OPEN_STATUSES)
    if not reason.strip():
        raise ValidationError({"reason": [_("Say why the case is transferred.")]})
    if (to_user is None) == (to_queue is None):
        raise ValidationError({"to": [_("Transfer to one counselor or to one queue.")]})
    if to_user is not None:
        if to_user.role != Role.COUNSELOR or not to_user.is_active:
            raise ValidationError({"assignee": [_("Only a counselor can be given a case.")]})
        case.assignee = to_user
        case.assigned_at = timezone.now()
        if case.status == Case.Status.NEW:
            case.status = Case.Status.ASSIGNED
    else:
        case.queue = to_queue
        case.assignee = None
        case.assigned_at = None
        case.status = Case.Status.NEW
        case.waiting_on = ""
        case.sla_paused_at = None
    case.save()
    record(case, "case.transferred", actor, {"reason": reason.strip()[:200]})
    return case


@transaction.atomic
def case_start(*, case: Case, actor: Any) -> Case:
    case = _locked(case)
    _require_status(case, Case.Status.ASSIGNED)
    case.status = Case.Status.IN_PROGRESS
    _first_response(case, actor)
    case.save()
    record(case, "case.started", actor)
    return case


@transaction.atomic
def case_wait(*, case: Case, on: str, actor: Any) -> Case:
    """Waiting on the resident, a partner or an interpreter: the SLA clock stops."""
    case = _locked(case)
    _require_status(case, Case.Status.ASSIGNED, Case.Status.IN_PROGRESS)
    if on not in (Case.WaitingOn.RESIDENT, Case.WaitingOn.PARTNER, Case.WaitingOn.INTERPRETER):
        raise ValidationError({"on": [_("Choose whom the case waits on.")]})
    _first_response(case, actor)
    case.status = Case.Status.WAITING
    case.waiting_on = on
    case.sla_paused_at = timezone.now()
    case.save()
    record(case, "case.waiting", actor, {"on": on})
    return case


@transaction.atomic
def case_resume(*, case: Case, actor: Any) -> Case:
    """Back to work: the due times move on by the business time the case spent waiting."""
    case = _locked(case)
    _require_status(case, Case.Status.WAITING)
    now = timezone.now()
    calendar = business_calendar()
    paused = case.sla_paused_at or now
    if case.first_response_due and case.first_response_at is None:
        case.first_response_due = calendar.resume(case.first_response_due, paused, now)
    if case.resolution_due:
        case.resolution_due = calendar.resume(case.resolution_due, paused, now)
    case.status = Case.Status.IN_PROGRESS
    case.waiting_on = ""
    case.sla_paused_at = None
    case.save()
    record(case, "case.resumed", actor)
    return case


@transaction.atomic
def case_resolve(*, case: Case, actor: Any, resolution: str = "") -> Case:
    case = _locked(case)
    _require_status(case, Case.Status.ASSIGNED, Case.Status.IN_PROGRESS, Case.Status.WAITING)
    now = timezone.now()
    _first_response(case, actor)
    case.status = Case.Status.RESOLVED
    case.resolution = resolution.strip()
    case.resolved_at = now
    case.waiting_on = ""
    if case.sla_paused_at is not None and case.resolution_due:
        case.resolution_due = business_calendar().resume(case.resolution_due, case.sla_paused_at, now)
    case.sla_paused_at = None
    if case.resolution_due and now > case.resolution_due:
        case.resolution_breached = True
    case.save()
    record(case, "case.resolved", actor)
    return case


@transaction.atomic
def case_close(*, case: Case, actor: Any) -> Case:
    """Close a resolved case. A sensitive case closes only with a supervisor's approval: asked
    by the counselor, given by a supervisor of the queue (or an administrator)."""
    case = _locked(case)
    _require_status(case, Case.Status.RESOLVED)
    if case.sensitive and not is_supervisor(actor, case):
        if case.close_requested_at is None:
            case.close_requested_at = timezone.now()
            case.close_requested_by = actor
            case.save(update_fields=["close_requested_at", "close_requested_by"])
            record(case, "case.close_requested", actor)
        return case
    case.status = Case.Status.CLOSED
    case.closed_at = timezone.now()
    if case.sensitive:
        case.close_approved_by = actor
    case.save()
    record(case, "case.closed", actor)
    return case


@transaction.atomic
def case_reopen(*, case: Case, actor: Any, reason: str = "") -> Case:
    case = _locked(case)
    _require_status(case, Case.Status.RESOLVED, Case.Status.CLOSED)
    now = timezone.now()
    case.status = Case.Status.IN_PROGRESS if case.assignee_id else Case.Status.NEW
    case.reopened_count += 1
    case.resolved_at = None
    case.closed_at = None
    case.close_requested_at = None
    case.close_requested_by = None
    case.close_approved_by = None
    case.resolution_breached = False
    case.resolution_due = business_calendar().add(now, sla_targets(case.urgency).resolution_seconds)
    case.save()
    record(case, "case.reopened", actor, {"reason": reason.strip()[:200]})
    return case


@transaction.atomic
def case_note_add(*, case: Case, text: str, shareable: bool, actor: Any) -> CaseNote:
    case = _locked(case)
    if not text.strip():
        raise ValidationError({"text": [_("Write the note.")]})
    note = CaseNote.objects.create(case=case, text=text.strip(), shareable=shareable, author=actor)
    if case.first_response_at is None:
        _first_response(case, actor)
        case.save(update_fields=["first_response_at", "first_response_breached"])
    record(case, "case.note_added", actor, {"shareable": shareable})
    return note


@transaction.atomic
def case_task_add(
    *, case: Case, title: str, actor: Any, due_on: Any = None, assignee: User | None = None
) -> CaseTask:
    if not title.strip():
        raise ValidationError({"title": [_("Say what is to be done.")]})
    task = CaseTask.objects.create(
        case=case, title=title.strip()[:200], due_on=due_on, assignee=assignee, created_by=actor
    )
    record(case, "case.task_added", actor)
    return task


@transaction.atomic
def case_task_done(*, task: CaseTask, actor: Any) -> CaseTask:
    task = CaseTask.objects.select_for_update(of=("self",)).select_related("case__topic").get(pk=task.pk)
    if task.done_at is None:
        task.done_at = timezone.now()
        task.done_by = actor
        task.save(update_fields=["done_at", "done_by"])
        record(task.case, "case.task_done", actor)
    return task


@transaction.atomic
def case_link_resident(*, case: Case, resident: Any, actor: Any) -> Case:
    """An unidentified caller turns out to be a known resident: link them, later."""
    case = _locked(case)
    if case.resident_id is not None and case.resident_id != resident.pk:
        raise ValidationError({"resident": [_("The case is already linked to another person.")]})
    case.resident = resident
    case.municipality = case.municipality or resident.municipality
    case.save(update_fields=["resident", "municipality"])
    record(case, "case.resident_linked", actor)
    return case


@transaction.atomic
def case_group_create(
    *, kind: str, name: str, actor: Any, business_number: str = "", note: str = ""
) -> CaseGroup:
    _check_choice("kind", kind, CaseGroup.Kind.values)
    if not name.strip():
        raise ValidationError({"name": [_("Enter a name.")]})
    return CaseGroup.objects.create(
        kind=kind, name=name.strip(), business_number=business_number.strip(), note=note, created_by=actor
    )


@transaction.atomic
def case_set_group(*, case: Case, group: CaseGroup | None, actor: Any) -> Case:
    Case.objects.filter(pk=case.pk).update(group=group)
    case.refresh_from_db()
    return case


def require_supervisor(user: Any, case: Case) -> None:
    if not is_supervisor(user, case):
        raise PermissionDenied
