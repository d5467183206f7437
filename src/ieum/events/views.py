"""Event, campaign and news pages in the reader's language (public), registration by residents,
and the organisers' list with check-in."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse, HttpResponseBase
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from ieum.core.decorators import staff_required
from ieum.core.http import AuthedRequest
from ieum.events import access, services
from ieum.events.models import Event, Registration
from ieum.events.selectors import published, text_for
from ieum.portal.views import resident_required
from ieum.residents.models import Resident


def event_list(request: HttpRequest) -> HttpResponse:
    language = get_language() or "ko"
    items = [(e, text_for(e, language)) for e in published()[:100]]
    return render(request, "events/list.html", {"items": items})


def event_detail(request: HttpRequest, slug: str) -> HttpResponse:
    event = get_object_or_404(published(), slug=slug)
    mine = None
    if request.user.is_authenticated and getattr(request.user, "role", "") == "resident":
        mine = (
            event.registrations.filter(resident__user=request.user)
            .exclude(status=Registration.Status.CANCELLED)
            .first()
        )
    taken = event.registrations.filter(status=Registration.Status.REGISTERED).count()
    return render(
        request,
        "events/detail.html",
        {"event": event, "text": text_for(event, get_language() or "ko"), "mine": mine, "taken": taken},
    )


@require_POST
@resident_required
def register(request: AuthedRequest, resident: Resident, slug: str) -> HttpResponseBase:
    event = get_object_or_404(published(), slug=slug)
    try:
        registration = services.registration_create(event=event, resident=resident, actor=request.user)
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
    else:
        if registration.status == Registration.Status.REGISTERED:
            messages.success(request, _("You are registered."))
        else:
            messages.success(request, _("The event is full: you are on the waiting list."))
    return redirect("events:detail", slug=slug)


@require_POST
@resident_required
def cancel(request: AuthedRequest, resident: Resident, slug: str) -> HttpResponseBase:
    event = get_object_or_404(Event, slug=slug)
    registration = get_object_or_404(
        event.registrations.exclude(status=Registration.Status.CANCELLED), resident=resident
    )
    services.registration_cancel(registration=registration, actor=request.user)
    messages.success(request, _("Your registration is cancelled."))
    return redirect("events:detail", slug=slug)


@staff_required
def manage(request: AuthedRequest) -> HttpResponse:
    access.require_organiser(request.user)
    events = Event.objects.prefetch_related("texts")
    return render(request, "events/manage.html", {"items": [(e, text_for(e, "ko")) for e in events[:200]]})


@staff_required
def manage_event(request: AuthedRequest, event_id: int) -> HttpResponseBase:
    event = access.get_event_registrations_for_user(request.user, event_id, request=request)
    if request.method == "POST":
        raw = request.POST.get("registration", "")
        registration = event.registrations.filter(pk=int(raw)).first() if raw.isdigit() else None
        if registration is None:
            messages.error(request, _("Please correct the errors below."))
        else:
            try:
                services.registration_check_in(registration=registration, actor=request.user)
            except ValidationError as exc:
                messages.error(request, " ".join(exc.messages))
        return redirect("events:manage-event", event_id=event.pk)
    registrations = event.registrations.select_related("resident").exclude(
        status=Registration.Status.CANCELLED
    )
    return render(
        request,
        "events/manage_event.html",
        {"event": event, "text": text_for(event, "ko"), "registrations": registrations},
    )
