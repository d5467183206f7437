"""Who may see what in referrals — the only place it is decided; pages and API both call these.

- Counselors and administrators refer a resident they may read (the resident access helper
  decides and logs) and follow the referrals they reach.
- A partner user (privacy issue §1) reaches only referrals sent to an organisation they are an
  active member of, and of each only the consented items (`selectors.shared_view`).
- Everyone else (employer, interpreter, analyst, officer, resident) is refused.
"""

from __future__ import annotations

from django.core.exceptions import PermissionDenied
from django.db.models import QuerySet
from django.http import Http404, HttpRequest

from ieum.core.access import log_access
from ieum.core.models import Role, User
from ieum.referrals.models import Partner, Referral

REFERRER_ROLES = frozenset({Role.COUNSELOR, Role.ADMIN})


def _active(user: User) -> bool:
    return bool(user.is_authenticated and user.is_active)


def may_refer(user: User) -> bool:
    return _active(user) and user.role in REFERRER_ROLES


def require_referrer(user: User) -> None:
    if not may_refer(user):
        raise PermissionDenied


def partners_of(user: User) -> QuerySet[Partner]:
    if not _active(user) or user.role != Role.PARTNER:
        return Partner.objects.none()
    return Partner.objects.filter(members__user=user, members__active=True)


def require_partner(user: User) -> None:
    if not partners_of(user).exists():
        raise PermissionDenied


def inbox_for(user: User) -> QuerySet[Referral]:
    return Referral.objects.filter(partner__in=partners_of(user)).select_related("partner", "resident")


def get_referral_for_partner(user: User, referral_id: int, *, request: HttpRequest | None = None) -> Referral:
    """A referral sent to one of the user's organisations; 404 for any other (ids are not probed)."""
    referral = inbox_for(user).filter(pk=referral_id).first()
    if referral is None:
        raise Http404
    log_access(
        user=user,
        action="view",
        subject_type="resident",
        subject_id=referral.resident_id,
        purpose=referral.purpose,
        request=request,
        detail={"referral": referral.pk},
    )
    return referral


def get_referral_for_staff(user: User, referral_id: int, *, request: HttpRequest | None = None) -> Referral:
    """A referral, for a counselor or administrator who may read its resident (logged there)."""
    from ieum.residents.access import get_resident_for_user

    if not may_refer(user):
        raise Http404
    referral = Referral.objects.select_related("partner", "resident").filter(pk=referral_id).first()
    if referral is None:
        raise Http404
    get_resident_for_user(user, referral.resident_id, purpose="referral", request=request)
    return referral
