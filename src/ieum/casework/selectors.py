"""Reads for the casework pages and API."""

from __future__ import annotations

from typing import Any

from django.db.models import Q, QuerySet

from ieum.casework.access import cases_reachable_by
from ieum.casework.models import OPEN_STATUSES, Callback, CallLog, Case
from ieum.casework.routing import queue_ids_of
from ieum.lib.phones import normalize_phone

PAGE = 50
LIST_RELATED = ("topic", "queue", "assignee")


def my_cases(user: Any) -> QuerySet[Case]:
    return (
        Case.objects.filter(assignee=user, status__in=OPEN_STATUSES)
        .select_related(*LIST_RELATED)
        .order_by("first_response_due", "opened_at")[:PAGE]
    )


def waiting_in_my_queues(user: Any) -> list[Case]:
    """The first waiting cases of each of the user's queues, merged in due order. One ordered
    query per queue reads only its first rows from the partial index `case_waiting_idx`; one
    query over all queues would have to sort every waiting case of them (a million-case center)."""
    order = ("first_response_due", "opened_at", "pk")
    ids: list[tuple] = []
    for queue_id in queue_ids_of(user):
        ids += (
            Case.objects.filter(status=Case.Status.NEW, assignee__isnull=True, queue_id=queue_id)
            .order_by(*order)
            .values_list(*order)[:PAGE]
        )
    first = [
        row[2]
        for row in sorted(
            ids, key=lambda row: (row[0] is None, row[0] if row[0] is not None else 0, row[1], row[2])
        )[:PAGE]
    ]
    cases = Case.objects.filter(pk__in=first).select_related(*LIST_RELATED).in_bulk()
    return [cases[pk] for pk in first if pk in cases]


def incoming_calls(user: Any) -> QuerySet[CallLog]:
    """Calls ringing or under way for this counselor, or ringing in their queues."""
    return (
        CallLog.objects.filter(ended_at__isnull=True)
        .filter(Q(counselor=user) | Q(counselor__isnull=True, queue_id__in=queue_ids_of(user)))
        .select_related("case", "case__topic", "case__resident")
        .order_by("started_at")[:10]
    )


def search_cases(
    user: Any,
    *,
    q: str = "",
    status: str = "",
    topic: str = "",
    language: str = "",
    channel: str = "",
    resident_ids: list[int] | None = None,
) -> QuerySet[Case]:
    """Cases within the user's reach: by number, caller's phone or resident, with filters."""
    cases = cases_reachable_by(user)
    query = q.strip()
    if query:
        phone = normalize_phone(query) if any(ch.isdigit() for ch in query) else None
        condition = Q(number=query)
        if phone:
            condition |= Q(caller_phone=phone)
        if resident_ids:
            condition |= Q(resident_id__in=resident_ids)
        cases = cases.filter(condition)
    if status:
        cases = cases.filter(status=status)
    if topic:
        cases = cases.filter(topic__code=topic)
    if language:
        cases = cases.filter(language=language)
    if channel:
        cases = cases.filter(channel=channel)
    return cases.select_related(*LIST_RELATED).order_by("-opened_at", "-id")[:PAGE]


def callbacks_reachable_by(user: Any) -> QuerySet[Callback]:
    """Pending callbacks of the user's queues, of their cases, and those of no queue."""
    if getattr(user, "role", None) == "admin":
        return Callback.objects.filter(status=Callback.Status.PENDING)
    return Callback.objects.filter(status=Callback.Status.PENDING).filter(
        Q(queue_id__in=queue_ids_of(user)) | Q(queue__isnull=True) | Q(case__assignee=user)
    )


def callbacks_for(user: Any) -> QuerySet[Callback]:
    return (
        callbacks_reachable_by(user)
        .select_related("case", "queue")
        .order_by("call_after", "requested_at")[:PAGE]
    )


def supervisor_cases(user: Any) -> dict[str, QuerySet[Case]]:
    supervised = list(user.supervised_queues.values_list("pk", flat=True))
    if getattr(user, "role", None) == "admin":
        base = Case.objects.all()
    else:
        base = Case.objects.filter(queue_id__in=supervised)
    base = base.select_related(*LIST_RELATED)
    return {
        "approvals": base.filter(status=Case.Status.RESOLVED, close_requested_at__isnull=False).order_by(
            "close_requested_at"
        )[:PAGE],
        "escalations": base.filter(sla_escalated_at__isnull=False, status__in=OPEN_STATUSES).order_by(
            "sla_escalated_at"
        )[:PAGE],
        "unassigned": base.filter(status=Case.Status.NEW).order_by("first_response_due")[:PAGE],
    }
