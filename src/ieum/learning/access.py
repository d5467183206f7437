"""Who may see what in learning. Residents: their own enrollments. Counselors and administrators:
course rosters (names are personal data: each roster view is logged)."""

from __future__ import annotations

from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest

from ieum.core.access import log_access
from ieum.core.models import Role, User
from ieum.learning.models import Course, Enrollment
from ieum.residents.models import Resident

DESK_ROLES = frozenset({Role.COUNSELOR, Role.ADMIN})


def require_desk(user: User) -> None:
    if not (user.is_authenticated and user.is_active and user.role in DESK_ROLES):
        raise PermissionDenied


def get_roster_for_user(user: User, course_id: int, *, request: HttpRequest | None = None) -> Course:
    require_desk(user)
    course = Course.objects.filter(pk=course_id).first()
    if course is None:
        raise Http404
    shown = list(course.enrollments.values_list("resident_id", flat=True))
    log_access(
        user=user,
        action="view",
        subject_type="resident",
        request=request,
        purpose="course roster",
        detail={"course": course.pk, "ids": shown},
    )
    return course


def get_own_enrollment(resident: Resident, enrollment_id: int) -> Enrollment:
    enrollment = (
        Enrollment.objects.select_related("course").filter(pk=enrollment_id, resident=resident).first()
    )
    if enrollment is None:
        raise Http404
    return enrollment
