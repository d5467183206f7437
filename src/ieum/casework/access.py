"""Who may see and work a case (issue 5; privacy issue §1). Pages and the API use only these.

Counselors reach the cases of their queues, the cases assigned to them and those they opened;
supervisors the cases of the queues they supervise; administrators all. Interpreters, officers,
employers, partners and residents reach no case content here (interpreters get what a dispatch
gives them; analysts read only aggregates, see reports.py).
"""

from __future__ import annotations

from typing import Any

from django.core.exceptions import PermissionDenied
from django.db.models import Q, QuerySet
from django.http import Http404, HttpRequest

from ieum.casework.models import Case
from ieum.casework.routing import queue_ids_of
from ieum.core.access import log_access
from ieum.core.models import Role

CASE_ROLES = frozenset({Role.COUNSELOR, Role.ADMIN})
REPORT_ROLES = frozenset({Role.COUNSELOR, Role.ANALYST, Role.ADMIN})


def _active(user: Any) -> bool:
    return bool(user is not None and user.is_authenticated and user.is_active)


def can_work_cases(user: Any) -> bool:
    return _active(user) and user.role in CASE_ROLES


def can_read_reports(user: Any) -> bool:
    return _active(user) and user.role in REPORT_ROLES


def require_case_worker(user: Any) -> None:
    if not can_work_cases(user):
        raise PermissionDenied


def require_reports(user: Any) -> None:
    if not can_read_reports(user):
        raise PermissionDenied


def cases_reachable_by(user: Any) -> QuerySet[Case]:
    if not can_work_cases(user):
        return Case.objects.none()
    if user.role == Role.ADMIN:
        return Case.objects.all()
    return Case.objects.filter(Q(assignee=user) | Q(created_by=user) | Q(queue_id__in=queue_ids_of(user)))


def _may_read(user: Any, case: Case) -> bool:
    if not can_work_cases(user):
        return False
    if user.role == Role.ADMIN:
        return True
    if case.assignee_id == user.pk:
        return True
    if case.created_by_id == user.pk:
        return True
    return case.queue_id is not None and case.queue_id in queue_ids_of(user)


def get_case_for_user(
    user: Any,
    case_id: int,
    *,
    purpose: str = "",
    request: HttpRequest | None = None,
    action: str = "view",
    channel: str = "web",
) -> Case:
    """The case, if `user` may see it; 404 otherwise (ids are not probed). Logged."""
    try:
        case = Case.objects.select_related("topic", "queue", "assignee", "resident").get(pk=case_id)
    except (Case.DoesNotExist, ValueError, TypeError):
        raise Http404 from None
    if not _may_read(user, case):
        raise Http404
    log_access(
        user=user,
        action=action,
        subject_type="case",
        subject_id=case.pk,
        purpose=purpose,
        request=request,
        channel=channel,
        detail={"resident": case.resident_id} if case.resident_id else {},
    )
    return case
