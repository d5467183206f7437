"""Who sees analytics: analysts and administrators (de-identified data only, so no access-log
row per person is needed; the pages never hold a person's row). Officers, counselors,
interpreters and every non-staff role are refused."""

from __future__ import annotations

from django.http import Http404

from ieum.core.models import Role, User
from ieum.insights.models import Scenario

ANALYTICS = frozenset({Role.ANALYST, Role.ADMIN})


def can_see_analytics(user: User) -> bool:
    return user.is_authenticated and user.is_active and user.role in ANALYTICS


def require_analytics(user: User) -> None:
    if not can_see_analytics(user):
        raise Http404


def get_scenario_for_user(user: User, scenario_id: int) -> Scenario:
    require_analytics(user)
    scenario = Scenario.objects.filter(pk=scenario_id).first()
    if scenario is None:
        raise Http404
    return scenario
