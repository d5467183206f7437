"""Reads for interpreting: dispatch candidates, worklists, statements."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.db.models import Count, Q, QuerySet, Sum
from django.utils import timezone

from ieum.interpreting.models import (
    Interpreter,
    InterpreterOffer,
    InterpreterRequest,
    InterpreterSession,
)
from ieum.interpreting.ranking import Candidate, Window


def request_moment(request: InterpreterRequest) -> dt.datetime:
    """When the interpreter is needed, in local time."""
    when = request.scheduled_for if request.mode == InterpreterRequest.Mode.SCHEDULED else timezone.now()
    return timezone.localtime(when)


def candidates_for(request: InterpreterRequest) -> list[Candidate]:
    already = set(InterpreterOffer.objects.filter(request=request).values_list("interpreter_id", flat=True))
    pool = (
        Interpreter.objects.filter(active=True, languages__language=request.language)
        .annotate(
            open_load=Count(
                "assignments",
                filter=Q(assignments__status=InterpreterRequest.Status.ACCEPTED),
                distinct=True,
            ),
            offer_load=Count(
                "offers", filter=Q(offers__answer=InterpreterOffer.Answer.PENDING), distinct=True
            ),
        )
        .prefetch_related("availability", "languages")
    )
    out: list[Candidate] = []
    for person in pool:
        level = next((pl.level for pl in person.languages.all() if pl.language == request.language), 0)
        out.append(
            Candidate(
                id=person.pk,
                level=level,
                modalities=frozenset(person.modalities or []),
                windows=tuple(Window(a.weekday, a.start, a.end) for a in person.availability.all()),
                on_call=person.on_call,
                load=person.open_load + person.offer_load,
                excluded=person.pk in already,
            )
        )
    return out


def unfilled_requests() -> QuerySet[InterpreterRequest]:
    return InterpreterRequest.objects.filter(status__in=InterpreterRequest.OPEN_STATUSES)


def pending_offers_for(interpreter: Interpreter) -> QuerySet[InterpreterOffer]:
    return (
        InterpreterOffer.objects.filter(
            interpreter=interpreter,
            answer=InterpreterOffer.Answer.PENDING,
            expires_at__gt=timezone.now(),
        )
        .select_related("request")
        .order_by("expires_at")
    )


def assignments_for(interpreter: Interpreter) -> QuerySet[InterpreterRequest]:
    return InterpreterRequest.objects.filter(
        interpreter=interpreter,
        status__in=[InterpreterRequest.Status.ACCEPTED, InterpreterRequest.Status.FULFILLED],
    ).order_by("-accepted_at")


@dataclass(frozen=True)
class Statement:
    interpreter: Interpreter
    year: int
    month: int
    sessions: list[InterpreterSession]
    count: int
    minutes: int
    amount: int


def month_bounds(year: int, month: int) -> tuple[dt.datetime, dt.datetime]:
    start = timezone.make_aware(dt.datetime(year, month, 1))
    end = timezone.make_aware(dt.datetime(year + (month == 12), month % 12 + 1, 1))
    return start, end


def monthly_statement(interpreter: Interpreter, *, year: int, month: int) -> Statement:
    start, end = month_bounds(year, month)
    sessions = InterpreterSession.objects.filter(
        interpreter=interpreter, started_at__gte=start, started_at__lt=end
    ).select_related("request")
    totals = sessions.aggregate(minutes=Sum("duration_minutes"), amount=Sum("amount"), count=Count("id"))
    return Statement(
        interpreter=interpreter,
        year=year,
        month=month,
        sessions=list(sessions.order_by("started_at")),
        count=totals["count"] or 0,
        minutes=totals["minutes"] or 0,
        amount=totals["amount"] or 0,
    )


@dataclass(frozen=True)
class Brief:
    """All an interpreter is shown of a request (privacy issue §1: only what the session needs)."""

    id: int
    language: str
    modality: str
    mode: str
    urgent: bool
    topic: str
    caller_label: str
    scheduled_for: dt.datetime | None
    expected_minutes: int
    status: str


def brief(item: InterpreterRequest) -> Brief:
    return Brief(
        id=item.pk,
        language=item.language,
        modality=item.get_modality_display(),
        mode=item.get_mode_display(),
        urgent=item.urgent,
        topic=item.topic,
        caller_label=item.caller_label,
        scheduled_for=item.scheduled_for,
        expected_minutes=item.expected_minutes,
        status=item.get_status_display(),
    )


def requests_raised_by(user) -> QuerySet[InterpreterRequest]:
    return InterpreterRequest.objects.filter(requested_by=user).select_related("interpreter")


def recent_requests() -> QuerySet[InterpreterRequest]:
    return InterpreterRequest.objects.select_related("interpreter", "requested_by")
