"""Who may do what in events. Pages are public; residents register themselves; staff who run
events (counselors, officers, admins) see registrations — names are personal data, so each list
is logged."""

from __future__ import annotations

from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest

from ieum.core.access import log_access
from ieum.core.models import Role, User
from ieum.events.models import Event

ORGANISER_ROLES = frozenset({Role.COUNSELOR, Role.OFFICER, Role.ADMIN})


def require_organiser(user: User) -> None:
    if not (user.is_authenticated and user.is_active and user.role in ORGANISER_ROLES):
        raise PermissionDenied


def get_event_registrations_for_user(
    user: User, event_id: int, *, request: HttpRequest | None = None
) -> Event:
    require_organiser(user)
    event = Event.objects.filter(pk=event_id).first()
    if event is None:
        raise Http404
    log_access(
        user=user,
        action="view",
        subject_type="resident",
        request=request,
        purpose="event registrations",
        detail={"event": event.pk, "ids": list(event.registrations.values_list("resident_id", flat=True))},
    )
    return event
