"""Writes of events: pages per language, registration within capacity, the waiting list promoted
in the same transaction as a cancellation, and check-in. The event row is locked for every change
of its registrations, so capacity holds under concurrency."""

from __future__ import annotations

import datetime as dt

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from ieum.core.models import User
from ieum.events.models import Event, EventText, Registration
from ieum.notify.services import message_send
from ieum.residents.models import Resident
from ieum.residents.services import timeline_add


@transaction.atomic
def event_create(
    *,
    slug: str,
    kind: str,
    texts: dict[str, tuple[str, str]],
    starts_at: dt.datetime | None = None,
    ends_at: dt.datetime | None = None,
    place: str = "",
    capacity: int | None = None,
    published: bool = True,
) -> Event:
    if "ko" not in texts:
        raise ValidationError({"texts": [_("The Korean text is required.")]})
    event = Event.objects.create(
        slug=slug,
        kind=kind,
        starts_at=starts_at,
        ends_at=ends_at,
        place=place,
        capacity=capacity,
        published=published,
    )
    for language, (title, body) in texts.items():
        event_text_set(event=event, language=language, title=title, body=body)
    return event


@transaction.atomic
def event_text_set(*, event: Event, language: str, title: str, body: str) -> EventText:
    current = EventText.objects.filter(event=event, language=language).first()
    if language == "ko" and current and (current.title, current.body) != (title, body):
        EventText.objects.filter(event=event).exclude(language="ko").update(stale=True)
    text, _created = EventText.objects.update_or_create(
        event=event, language=language, defaults={"title": title, "body": body, "stale": False}
    )
    return text


def _context(event: Event, resident: Resident) -> dict:
    from ieum.events.selectors import text_for

    when = timezone.localtime(event.starts_at).strftime("%Y-%m-%d %H:%M") if event.starts_at else ""
    return {"event": text_for(event, resident.preferred_language).title, "when": when}


@transaction.atomic
def registration_create(*, event: Event, resident: Resident, actor: User | None) -> Registration:
    event = Event.objects.select_for_update().get(pk=event.pk)
    if event.capacity is None or not event.published:
        raise ValidationError(_("This event takes no registrations."))
    if event.starts_at and event.starts_at <= timezone.now():
        raise ValidationError(_("This event has already started."))
    taken = event.registrations.filter(status=Registration.Status.REGISTERED).count()
    status = Registration.Status.REGISTERED if taken < event.capacity else Registration.Status.WAITLISTED
    try:
        with transaction.atomic():
            registration = Registration.objects.create(event=event, resident=resident, status=status)
    except IntegrityError:
        raise ValidationError(_("You are already registered for this event.")) from None
    context = _context(event, resident)
    if status == Registration.Status.REGISTERED:
        message_send(recipient=resident, template="events.registered", context=context)
    else:
        position = event.registrations.filter(
            status=Registration.Status.WAITLISTED, pk__lte=registration.pk
        ).count()
        message_send(
            recipient=resident, template="events.waitlisted", context={**context, "position": position}
        )
    timeline_add(
        resident=resident,
        service="events",
        kind=f"events.{status}",
        params={"event": event.slug},
        actor=actor,
    )
    return registration


@transaction.atomic
def registration_cancel(*, registration: Registration, actor: User | None) -> Registration | None:
    """Cancel; a freed place goes to the first on the waiting list in the same transaction.
    Returns the promoted registration, if any."""
    event = Event.objects.select_for_update().get(pk=registration.event_id)
    registration = Registration.objects.get(pk=registration.pk)
    if registration.status == Registration.Status.CANCELLED:
        raise ValidationError(_("This registration is already cancelled."))
    was_registered = registration.status == Registration.Status.REGISTERED
    registration.status = Registration.Status.CANCELLED
    registration.save(update_fields=["status"])
    timeline_add(
        resident=registration.resident,
        service="events",
        kind="events.cancelled",
        params={"event": event.slug},
        actor=actor,
    )
    if not was_registered:
        return None
    following = (
        event.registrations.filter(status=Registration.Status.WAITLISTED).order_by("created_at", "id").first()
    )
    if following is None:
        return None
    following.status = Registration.Status.REGISTERED
    following.promoted_at = timezone.now()
    following.save(update_fields=["status", "promoted_at"])
    message_send(
        recipient=following.resident, template="events.promoted", context=_context(event, following.resident)
    )
    timeline_add(
        resident=following.resident, service="events", kind="events.registered", params={"event": event.slug}
    )
    return following


@transaction.atomic
def registration_check_in(*, registration: Registration, actor: User | None) -> Registration:
    registration = Registration.objects.select_for_update().get(pk=registration.pk)
    if registration.status != Registration.Status.REGISTERED:
        raise ValidationError(_("Only a registered person can be checked in."))
    if registration.checked_in_at is None:
        registration.checked_in_at = timezone.now()
        registration.save(update_fields=["checked_in_at"])
    return registration
