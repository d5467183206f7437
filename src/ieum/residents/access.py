"""Who may read or change a resident's record. Pages and the API both go through these helpers,
which write the access log (PIPA, facts.md §5)."""

from __future__ import annotations

from dataclasses import replace

from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest

from ieum.core.access import log_access
from ieum.core.models import Role, User
from ieum.residents.models import Resident
from ieum.residents.selectors import SearchResult, search_residents

# Roles whose work needs the resident record itself. Reach within a role is refined below:
# counselors by their cases, county officers by their county (privacy issue §1).
RECORD_ROLES = frozenset({Role.COUNSELOR, Role.OFFICER, Role.ADMIN})
IDENTIFIER_ROLES = frozenset({Role.COUNSELOR, Role.OFFICER, Role.ADMIN})


def can_read_residents(user: User) -> bool:
    return user.is_authenticated and user.is_active and user.role in RECORD_ROLES


def can_reveal_identifiers(user: User) -> bool:
    return user.is_authenticated and user.is_active and user.role in IDENTIFIER_ROLES


def _counselor_reach(user: User):
    """Residents a counselor reaches: those in the cases of their queues, assigned to them or
    opened by them (casework.access), and those they registered at the desk themselves.

    The privacy issue §1: "counselor (cases in their queues and the residents in them)". Casework
    sits above residents, so its helper is imported here, at call time, not at module load.
    """
    from django.db.models import Q

    from ieum.casework.access import cases_reachable_by

    in_cases = cases_reachable_by(user).filter(resident__isnull=False).values("resident_id")
    return Q(pk__in=in_cases) | Q(registered_by=user)


def _may_read(user: User, resident: Resident) -> bool:
    if not user.is_authenticated or not user.is_active:
        return False
    if user.role == Role.RESIDENT:
        return resident.user_id == user.pk
    if user.role == Role.OFFICER and user.municipality_id is not None:
        # A county officer reaches the residents of that county only; province officers all.
        return resident.municipality_id == user.municipality_id
    if user.role == Role.COUNSELOR:
        return Resident.objects.filter(_counselor_reach(user), pk=resident.pk).exists()
    return user.role in RECORD_ROLES


def residents_reachable_by(user: User):
    """The residents whose record a staff user may open; the same rule as `_may_read`."""
    qs = Resident.objects.active()
    if not can_read_residents(user):
        return qs.none()
    if user.role == Role.OFFICER and user.municipality_id is not None:
        return qs.filter(municipality_id=user.municipality_id)
    if user.role == Role.COUNSELOR:
        return qs.filter(_counselor_reach(user))
    return qs


def residents_findable_by(user: User):
    """The residents a staff user may find in search, to identify a caller before a case exists.

    A counselor at the intake desk must find whoever calls, so search reaches every active record
    and answers with an intake card (names, date of birth, nationality, county, masked number);
    the record itself opens only within `residents_reachable_by`. Officers search their reach.
    """
    if user.is_authenticated and user.role == Role.COUNSELOR:
        return Resident.objects.active()
    return residents_reachable_by(user)


def may_open_intake(user: User) -> bool:
    """Whether `user` may open a case for any resident found at intake (case workers only)."""
    return user.is_authenticated and user.is_active and user.role in (Role.COUNSELOR, Role.ADMIN)


def get_resident_for_intake(
    user: User,
    resident_id: int,
    *,
    request: HttpRequest | None = None,
    channel: str = "web",
    purpose: str = "case intake",
) -> Resident:
    """The resident, for opening or linking a case: any case worker may, since a caller may be
    anyone in the registry; the page shows only the intake card. Logged like every read."""
    if not may_open_intake(user):
        raise Http404
    try:
        resident = Resident.objects.active().select_related("nationality", "municipality").get(pk=resident_id)
    except (Resident.DoesNotExist, ValueError, TypeError):
        raise Http404 from None
    log_access(
        user=user,
        action="view",
        subject_type="resident",
        subject_id=resident.pk,
        purpose=purpose,
        request=request,
        channel=channel,
        detail={"view": "intake card"},
    )
    return resident


def get_resident_for_user(
    user: User,
    resident_id: int,
    *,
    purpose: str = "",
    request: HttpRequest | None = None,
    action: str = "view",
    channel: str = "web",
) -> Resident:
    """The resident, if `user` may see it; 404 otherwise (not 403, so ids are not probed)."""
    try:
        resident = Resident.objects.select_related("nationality", "municipality").get(pk=resident_id)
    except Resident.DoesNotExist:
        raise Http404 from None
    if not _may_read(user, resident):
        raise Http404
    if user.role != Role.RESIDENT:
        log_access(
            user=user,
            action=action,
            subject_type="resident",
            subject_id=resident.pk,
            purpose=purpose,
            request=request,
            channel=channel,
        )
    return resident


def require_resident_search(user: User) -> None:
    if not can_read_residents(user):
        raise PermissionDenied


def search_residents_for_user(
    user: User,
    query: str,
    *,
    request: HttpRequest | None = None,
    channel: str = "web",
    purpose: str = "",
    kinds: frozenset[str] | None = None,
) -> SearchResult:
    """Search among the residents `user` may reach and log whose records the answer lists.

    `kinds` keeps only answers of those kinds (the lookup endpoint answers identifier matches only).
    """
    require_resident_search(user)
    result = (
        search_residents(query, within=residents_findable_by(user))
        if query.strip()
        else SearchResult("empty", [])
    )
    if kinds is not None and result.kind not in kinds:
        result = SearchResult(result.kind, [])
    if result.residents:
        ids = [r.pk for r in result.residents]
        reachable = residents_reachable_by(user).filter(pk__in=ids).values_list("pk", flat=True)
        result = replace(result, reachable=frozenset(reachable))
    if query.strip():
        shown = [r.pk for r in result.residents]
        log_access(
            user=user,
            action="search",
            subject_type="resident",
            request=request,
            channel=channel,
            purpose=purpose,
            # Listing a person's name is reading their data: the log names whom the answer showed.
            detail={"kind": result.kind, "count": len(shown), "ids": shown},
        )
    return result


def reveal_identifier(
    user: User,
    resident: Resident,
    *,
    kind: str,
    purpose: str,
    request: HttpRequest | None = None,
    channel: str = "web",
) -> str:
    """The plaintext identifier, for a role that may see it and a stated reason; logged."""
    from ieum.core import keys
    from ieum.residents.services import timeline_add

    if not can_reveal_identifiers(user):
        raise PermissionDenied
    if not purpose.strip():
        raise PermissionDenied
    token = {"arn": resident.arn_ciphertext, "passport": resident.passport_ciphertext}.get(kind, "")
    if not token:
        return ""
    log_access(
        user=user,
        action="reveal",
        subject_type="resident",
        subject_id=resident.pk,
        purpose=purpose,
        request=request,
        channel=channel,
        detail={"identifier": kind},
    )
    timeline_add(
        resident=resident,
        service="residents",
        kind="resident.identifier_revealed",
        actor=user,
        params={"purpose": purpose[:100]},
    )
    return keys.decrypt(token)
