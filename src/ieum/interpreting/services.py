"""Writes for interpreting: requests, dispatch by offer or broadcast, answers, sessions.

Dispatch (contact-center issue, item 4): an ordinary request is offered to the best-fitting
interpreter (`ranking.rank`); when they decline or the offer times out, to the next. An urgent
request is broadcast to every fitting interpreter at once, and the first to accept wins: the
request row is locked while an answer is taken, and a partial unique index allows one accepted
offer per request, so two interpreters can never both win it.
"""

from __future__ import annotations

import datetime as dt
import math
import re
from typing import Any

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from ieum.interpreting import selectors
from ieum.interpreting.models import (
    Interpreter,
    InterpreterOffer,
    InterpreterRequest,
    InterpreterSession,
    Modality,
)
from ieum.interpreting.ranking import rank

LANGUAGE_CODE = re.compile(r"^[a-z]{2,3}(-[a-z0-9]{2,8})*$")


def offer_timeout(request: InterpreterRequest) -> dt.timedelta:
    # A live caller waits on the line; an appointment can wait for an answer longer.
    if request.mode == InterpreterRequest.Mode.ON_DEMAND:
        return dt.timedelta(seconds=getattr(settings, "IEUM_INTERPRETER_OFFER_SECONDS", 120))
    return dt.timedelta(seconds=getattr(settings, "IEUM_INTERPRETER_SCHEDULED_OFFER_SECONDS", 4 * 3600))


class OfferGone(ValidationError):
    """The offer was answered, taken by someone else, withdrawn or has expired."""


def _resident_of(request: InterpreterRequest) -> Any:
    case = getattr(request, "case", None)
    if case is not None and getattr(case, "resident_id", None):
        return case.resident
    if request.referral is not None:
        return request.referral.resident
    return None


def _timeline(request: InterpreterRequest, kind: str, actor: Any) -> None:
    resident = _resident_of(request)
    if resident is None:
        return
    from ieum.residents.services import timeline_add

    timeline_add(
        resident=resident,
        service="interpreting",
        kind=kind,
        actor=actor,
        params={"language": request.language, "modality": request.modality},
    )


def _validate(language: str, modality: str, mode: str, scheduled_for: dt.datetime | None) -> None:
    errors: dict[str, list] = {}
    if not LANGUAGE_CODE.match(language or ""):
        errors["language"] = [_("Choose a language.")]
    if modality not in Modality.values:
        errors["modality"] = [_("Choose phone, video or in person.")]
    if mode not in InterpreterRequest.Mode.values:
        errors["mode"] = [_("Choose a live call or an appointment.")]
    elif mode == InterpreterRequest.Mode.SCHEDULED and scheduled_for is None:
        errors["scheduled_for"] = [_("An appointment needs a date and time.")]
    if errors:
        raise ValidationError(errors)


@transaction.atomic
def interpreter_request_create(
    *,
    language: str,
    modality: str,
    requested_by: Any,
    mode: str = InterpreterRequest.Mode.ON_DEMAND,
    case: Any = None,
    referral: Any = None,
    source: str = "",
    scheduled_for: dt.datetime | None = None,
    urgent: bool = False,
    topic: str = "",
    caller_label: str = "",
    expected_minutes: int = 30,
) -> InterpreterRequest:
    """Create a request and dispatch it at once (offer to the best fit, or broadcast if urgent)."""
    language = (language or "").strip().lower()
    _validate(language, modality, mode, scheduled_for)
    fields: dict[str, Any] = {}
    if case is not None:
        fields["case"] = case
    request = InterpreterRequest.objects.create(
        language=language,
        modality=modality,
        mode=mode,
        scheduled_for=scheduled_for,
        urgent=urgent,
        topic=topic[:200],
        caller_label=caller_label[:100],
        expected_minutes=max(1, expected_minutes),
        requested_by=requested_by,
        referral=referral,
        source=source[:60],
        **fields,
    )
    _timeline(request, "interpreting.requested", requested_by)
    _dispatch(request)
    return request


def _dispatch(request: InterpreterRequest) -> list[InterpreterOffer]:
    """Offer the request to the next fitting interpreter(s); inside the caller's transaction."""
    if not request.is_open:
        return []
    if request.offers.filter(answer=InterpreterOffer.Answer.PENDING).exists():
        return []
    live = request.mode == InterpreterRequest.Mode.ON_DEMAND
    order = rank(
        selectors.candidates_for(request),
        modality=request.modality,
        moment=selectors.request_moment(request),
        live=live,
    )
    chosen = order if request.urgent else order[:1]
    now = timezone.now()
    offers = [
        InterpreterOffer.objects.create(
            request=request,
            interpreter_id=pk,
            offered_at=now,
            expires_at=now + offer_timeout(request),
        )
        for pk in chosen
    ]
    status = InterpreterRequest.Status.OFFERED if offers else InterpreterRequest.Status.REQUESTED
    if request.status != status:
        request.status = status
        request.save(update_fields=["status"])
    return offers


def _locked_offer(offer: InterpreterOffer) -> tuple[InterpreterOffer, InterpreterRequest]:
    # Lock the request first: every answer to any of its offers queues on this one row.
    request = InterpreterRequest.objects.select_for_update().get(pk=offer.request_id)
    offer = InterpreterOffer.objects.select_for_update().get(pk=offer.pk)
    return offer, request


@transaction.atomic
def interpreter_offer_accept(*, offer: InterpreterOffer, actor: Any) -> InterpreterRequest:
    offer, request = _locked_offer(offer)
    now = timezone.now()
    if offer.answer != InterpreterOffer.Answer.PENDING or offer.expires_at <= now or not request.is_open:
        raise OfferGone(_("This request is no longer open to you."))
    offer.answer = InterpreterOffer.Answer.ACCEPTED
    offer.answered_at = now
    offer.save(update_fields=["answer", "answered_at"])
    request.offers.filter(answer=InterpreterOffer.Answer.PENDING).exclude(pk=offer.pk).update(
        answer=InterpreterOffer.Answer.WITHDRAWN, answered_at=now
    )
    request.status = InterpreterRequest.Status.ACCEPTED
    request.interpreter_id = offer.interpreter_id
    request.accepted_at = now
    request.save(update_fields=["status", "interpreter", "accepted_at"])
    _timeline(request, "interpreting.attached", actor)
    return request


@transaction.atomic
def interpreter_offer_decline(*, offer: InterpreterOffer, actor: Any) -> InterpreterRequest:
    offer, request = _locked_offer(offer)
    if offer.answer != InterpreterOffer.Answer.PENDING:
        raise OfferGone(_("This request is no longer open to you."))
    offer.answer = InterpreterOffer.Answer.DECLINED
    offer.answered_at = timezone.now()
    offer.save(update_fields=["answer", "answered_at"])
    _dispatch(request)
    return request


@transaction.atomic
def interpreter_offer_make(
    *, request: InterpreterRequest, interpreter: Interpreter, actor: Any
) -> InterpreterOffer:
    """A coordinator offers an open request to a chosen interpreter (e.g. after everyone declined)."""
    request = InterpreterRequest.objects.select_for_update().get(pk=request.pk)
    if not request.is_open:
        raise OfferGone(_("This request is no longer open."))
    if not interpreter.active or not interpreter.languages.filter(language=request.language).exists():
        raise ValidationError(
            {"interpreter": [_("This interpreter does not work in the language asked for.")]}
        )
    now = timezone.now()
    offer, _created = InterpreterOffer.objects.update_or_create(
        request=request,
        interpreter=interpreter,
        defaults={
            "offered_at": now,
            "expires_at": now + offer_timeout(request),
            "answer": InterpreterOffer.Answer.PENDING,
            "answered_at": None,
        },
    )
    if request.status != InterpreterRequest.Status.OFFERED:
        request.status = InterpreterRequest.Status.OFFERED
        request.save(update_fields=["status"])
    return offer


@transaction.atomic
def interpreter_request_cancel(*, request: InterpreterRequest, actor: Any) -> InterpreterRequest:
    request = InterpreterRequest.objects.select_for_update().get(pk=request.pk)
    if request.status in (InterpreterRequest.Status.FULFILLED, InterpreterRequest.Status.CANCELLED):
        return request
    now = timezone.now()
    request.offers.filter(answer=InterpreterOffer.Answer.PENDING).update(
        answer=InterpreterOffer.Answer.WITHDRAWN, answered_at=now
    )
    request.status = InterpreterRequest.Status.CANCELLED
    request.closed_at = now
    request.save(update_fields=["status", "closed_at"])
    return request


def request_deadline(request: InterpreterRequest) -> dt.datetime:
    """After this, an unanswered request is of no use: the call is over or the appointment began."""
    if request.mode == InterpreterRequest.Mode.SCHEDULED and request.scheduled_for:
        return request.scheduled_for
    return request.created_at + dt.timedelta(
        seconds=getattr(settings, "IEUM_INTERPRETER_LIVE_DEADLINE_SECONDS", 3600)
    )


def offers_expire(*, now: dt.datetime | None = None) -> int:
    """Expire timed-out offers and pass their requests on; expire requests past their deadline.
    Run by `ieum interpreting_tick` and lazily before worklists are read. Returns offers expired."""
    now = now or timezone.now()
    due = list(
        InterpreterOffer.objects.filter(answer=InterpreterOffer.Answer.PENDING, expires_at__lte=now)
        .values_list("request_id", flat=True)
        .distinct()
    )
    expired = 0
    for request_id in due:
        with transaction.atomic():
            request = InterpreterRequest.objects.select_for_update().get(pk=request_id)
            expired += request.offers.filter(
                answer=InterpreterOffer.Answer.PENDING, expires_at__lte=now
            ).update(answer=InterpreterOffer.Answer.EXPIRED, answered_at=now)
            _close_or_dispatch(request, now)
    for request_id in selectors.unfilled_requests().values_list("pk", flat=True):
        with transaction.atomic():
            request = InterpreterRequest.objects.select_for_update().get(pk=request_id)
            if request.is_open and request_deadline(request) <= now:
                _close_or_dispatch(request, now)
    return expired


def _close_or_dispatch(request: InterpreterRequest, now: dt.datetime) -> None:
    if not request.is_open:
        return
    if request_deadline(request) <= now:
        request.offers.filter(answer=InterpreterOffer.Answer.PENDING).update(
            answer=InterpreterOffer.Answer.EXPIRED, answered_at=now
        )
        request.status = InterpreterRequest.Status.EXPIRED
        request.closed_at = now
        request.save(update_fields=["status", "closed_at"])
        return
    _dispatch(request)


def session_amount(interpreter: Interpreter, minutes: int) -> int:
    """Integer KRW: a per-call rate when the interpreter has one, else the hourly rate pro rata
    (rounded up to the started minute, then to the won)."""
    if interpreter.rate_per_call:
        return interpreter.rate_per_call
    return math.ceil(interpreter.rate_per_hour * minutes / 60)


@transaction.atomic
def interpreter_session_log(
    *,
    request: InterpreterRequest,
    interpreter: Interpreter,
    started_at: dt.datetime,
    ended_at: dt.datetime,
    outcome: str,
    three_way_call: bool = False,
    actor: Any,
) -> InterpreterSession:
    request = InterpreterRequest.objects.select_for_update().get(pk=request.pk)
    errors: dict[str, list] = {}
    if request.interpreter_id != interpreter.pk:
        errors["interpreter"] = [_("Only the interpreter who accepted the request can log its session.")]
    if outcome not in InterpreterSession.Outcome.values:
        errors["outcome"] = [_("Choose how the session ended.")]
    if ended_at < started_at:
        errors["ended_at"] = [_("The end must come after the start.")]
    if started_at > timezone.now() + dt.timedelta(minutes=5):
        errors["started_at"] = [_("A session cannot start in the future.")]
    if errors:
        raise ValidationError(errors)
    minutes = math.ceil((ended_at - started_at).total_seconds() / 60)
    asked_at = request.created_at
    if request.mode == InterpreterRequest.Mode.SCHEDULED:
        # For an appointment, the response is how long it took to find someone.
        response = (request.accepted_at or started_at) - asked_at
    else:
        response = started_at - asked_at
    session = InterpreterSession.objects.create(
        request=request,
        interpreter=interpreter,
        started_at=started_at,
        ended_at=ended_at,
        response_seconds=max(0, int(response.total_seconds())),
        duration_minutes=minutes,
        outcome=outcome,
        three_way_call=three_way_call,
        amount=session_amount(interpreter, minutes),
        logged_by=actor,
    )
    if request.status != InterpreterRequest.Status.FULFILLED:
        request.status = InterpreterRequest.Status.FULFILLED
        request.closed_at = timezone.now()
        request.save(update_fields=["status", "closed_at"])
    return session
