"""Who may do what in the visa programs: the only place access is decided; pages and the API
both call these helpers, and every read of a person's data writes the access log.

- counselors screen a resident they reach and start an application;
- a county officer reviews the applications of that county only; the province-wide officer
  (no municipality) reviews all, approves, and edits parameters, quotas and tracks;
- analysts see aggregates only (quota tables, indicators, simulations);
- a resident sees their own eligibility and applies for themself;
- interpreters, employers and partners have no business here.
"""

from __future__ import annotations

from typing import Any

from django.core.exceptions import PermissionDenied
from django.db.models import QuerySet
from django.http import Http404, HttpRequest

from ieum.core.access import log_access
from ieum.core.models import Role
from ieum.residents.access import get_resident_for_user
from ieum.residents.models import Resident
from ieum.visas.models import Application

SCREEN_ROLES = frozenset({Role.COUNSELOR, Role.OFFICER, Role.ADMIN})
AGGREGATE_ROLES = frozenset({Role.COUNSELOR, Role.OFFICER, Role.ANALYST, Role.ADMIN})
INDICATOR_ROLES = frozenset({Role.OFFICER, Role.ANALYST, Role.ADMIN})


def _active(user: Any) -> bool:
    return bool(user.is_authenticated and user.is_active)


def is_officer(user: Any) -> bool:
    return _active(user) and user.role == Role.OFFICER


def is_province_officer(user: Any) -> bool:
    return is_officer(user) and user.municipality_id is None


def can_screen(user: Any) -> bool:
    return _active(user) and user.role in SCREEN_ROLES


def require(check: bool) -> None:
    if not check:
        raise PermissionDenied


def require_aggregates(user: Any) -> None:
    require(_active(user) and user.role in AGGREGATE_ROLES)


def require_indicators(user: Any) -> None:
    require(_active(user) and user.role in INDICATOR_ROLES)


def require_program_staff(user: Any) -> None:
    """Parameters, tracks and obligations: program officers (and the administrator)."""
    require(_active(user) and user.role in (Role.OFFICER, Role.ADMIN))


def require_province_officer(user: Any) -> None:
    require(is_province_officer(user))


def get_resident_to_screen(
    user: Any, resident_id: int, *, request: HttpRequest | None = None, channel: str = "web"
) -> Resident:
    if not can_screen(user):
        raise PermissionDenied
    return get_resident_for_user(
        user, resident_id, purpose="visa screening", request=request, channel=channel
    )


def applications_for(user: Any) -> QuerySet[Application]:
    require(_active(user) and user.role in (Role.OFFICER, Role.ADMIN))
    qs = Application.objects.select_related("resident", "municipality", "nationality")
    if user.role == Role.OFFICER and user.municipality_id is not None:
        return qs.filter(municipality_id=user.municipality_id)
    return qs


def log_list(user: Any, applications: list[Application], *, request: HttpRequest | None = None) -> None:
    log_access(
        user=user,
        action="search",
        subject_type="resident",
        request=request,
        purpose="visa applications",
        detail={"count": len(applications), "ids": [a.resident_id for a in applications]},
    )


def get_application_for_user(
    user: Any,
    application_id: int,
    *,
    request: HttpRequest | None = None,
    action: str = "view",
    channel: str = "web",
) -> Application:
    """The application, if `user` reaches it; 404 otherwise (ids are not probed)."""
    try:
        application = applications_for(user).get(pk=application_id)
    except Application.DoesNotExist:
        raise Http404 from None
    log_access(
        user=user,
        action=action,
        subject_type="resident",
        subject_id=application.resident_id,
        purpose="visa application",
        request=request,
        channel=channel,
    )
    return application


def can_county_review(user: Any, application: Application) -> bool:
    return is_officer(user) and user.municipality_id == application.municipality_id


def can_province_review(user: Any) -> bool:
    return is_province_officer(user)
