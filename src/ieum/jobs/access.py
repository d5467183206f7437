"""Who may see and do what in jobs: the only place access is decided (pages and API alike).

Employers reach their own business, its vacancies and, for those, consenting candidates only;
residents their own profile; officers verify employers (a county officer those of the county);
analysts aggregates only. Refusals are 404 so ids cannot be probed.
"""

from __future__ import annotations

from typing import Any

from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest

from ieum.core.access import log_access
from ieum.core.models import Role
from ieum.jobs.models import Employer, MatchingRound, SeekerProfile, Vacancy
from ieum.jobs.selectors import consented_resident_ids, employer_of
from ieum.privacy.access import get_own_resident_for_user
from ieum.residents.access import get_resident_for_user
from ieum.residents.models import Resident

ROUND_ROLES = frozenset({Role.OFFICER, Role.ADMIN})
REPORT_ROLES = frozenset({Role.OFFICER, Role.ADMIN, Role.ANALYST})
HELPER_ROLES = frozenset({Role.COUNSELOR, Role.OFFICER, Role.ADMIN})


def _active(user: Any) -> bool:
    return bool(user.is_authenticated and user.is_active)


def require_employer_account(user: Any) -> None:
    if not _active(user) or user.role != Role.EMPLOYER:
        raise PermissionDenied


def get_employer_for_user(user: Any) -> Employer | None:
    """The employer account's own business (None before it registers one)."""
    require_employer_account(user)
    return employer_of(user)


def get_vacancy_for_user(user: Any, vacancy_id: int) -> Vacancy:
    employer = get_employer_for_user(user)
    vacancy = Vacancy.objects.select_related("employer", "municipality").filter(pk=vacancy_id).first()
    if vacancy is None or employer is None or vacancy.employer_id != employer.pk:
        raise Http404
    return vacancy


def get_candidate_for_user(user: Any, vacancy: Vacancy, seeker_id: int) -> SeekerProfile:
    """A seeker an employer may see: consented to be shown to employers, else as if absent."""
    if user.role != Role.EMPLOYER or vacancy.employer_id != getattr(employer_of(user), "pk", None):
        raise Http404
    seeker = SeekerProfile.objects.select_related("resident").filter(pk=seeker_id, active=True).first()
    if seeker is None or seeker.resident_id not in consented_resident_ids():
        raise Http404
    return seeker


def get_own_seeker_resident(user: Any) -> Resident:
    return get_own_resident_for_user(user)


def require_verifier(user: Any) -> None:
    if not _active(user) or user.role not in (Role.OFFICER, Role.ADMIN):
        raise PermissionDenied


def employers_for_verifier(user: Any):
    require_verifier(user)
    qs = Employer.objects.select_related("municipality")
    if user.role == Role.OFFICER and user.municipality_id is not None:
        qs = qs.filter(municipality_id=user.municipality_id)
    return qs


def get_employer_to_verify(user: Any, employer_id: int) -> Employer:
    employer = employers_for_verifier(user).filter(pk=employer_id).first()
    if employer is None:
        raise Http404
    return employer


def require_rounds(user: Any) -> None:
    if not _active(user) or user.role not in ROUND_ROLES:
        raise PermissionDenied


def get_round_for_user(user: Any, round_id: int, *, request: HttpRequest | None = None) -> MatchingRound:
    require_rounds(user)
    matching_round = MatchingRound.objects.filter(pk=round_id).first()
    if matching_round is None:
        raise Http404
    # The round page lists whom each vacancy was matched with: reading people's data.
    log_access(user=user, action="view", subject_type="jobs.round", subject_id=round_id, request=request)
    return matching_round


def require_report(user: Any) -> None:
    if not _active(user) or user.role not in REPORT_ROLES:
        raise PermissionDenied


def get_seeker_resident_for_helper(
    user: Any, resident_id: int, *, request: HttpRequest | None = None
) -> Resident:
    """A counselor helping a resident with their profile: the resident record's own rule, logged."""
    if not _active(user) or user.role not in HELPER_ROLES:
        raise PermissionDenied
    return get_resident_for_user(user, resident_id, purpose="job search help", request=request)
