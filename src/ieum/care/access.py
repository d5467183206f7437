"""Who may see and do what in care — the only place it is decided; pages call these.

- Counselors and administrators book for residents they may read (the resident helper decides and
  logs) and see every booking of those residents.
- A partner user reaches only the slots and bookings of an organisation they are an active member
  of, and of each booking only the items the resident consented to share with it.
- A resident sees and cancels only their own bookings.
"""

from __future__ import annotations

from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest

from ieum.care.models import Booking, Slot
from ieum.care.services import SHARED_ITEMS, purpose_of
from ieum.core.access import log_access
from ieum.core.models import Role, User
from ieum.privacy.services import matching_consent
from ieum.privacy.vocabulary import RecipientKind
from ieum.referrals.access import partners_of
from ieum.residents.access import get_resident_for_user
from ieum.residents.models import Resident

BOOKER_ROLES = frozenset({Role.COUNSELOR, Role.ADMIN})


def may_book(user: User) -> bool:
    return bool(user.is_authenticated and user.is_active and user.role in BOOKER_ROLES)


def require_booker(user: User) -> None:
    if not may_book(user):
        raise PermissionDenied


def get_booking_for_staff(user: User, booking_id: int, *, request: HttpRequest | None = None) -> Booking:
    require_booker(user)
    booking = Booking.objects.select_related("slot__partner", "resident").filter(pk=booking_id).first()
    if booking is None:
        raise Http404
    get_resident_for_user(user, booking.resident_id, request=request, purpose="care booking")
    return booking


def get_booking_for_partner(user: User, booking_id: int, *, request: HttpRequest | None = None) -> Booking:
    booking = (
        Booking.objects.select_related("slot__partner", "resident")
        .filter(pk=booking_id, slot__partner__in=partners_of(user))
        .first()
    )
    if booking is None:
        raise Http404
    log_access(
        user=user,
        action="view",
        subject_type="resident",
        subject_id=booking.resident_id,
        request=request,
        purpose="care booking",
    )
    return booking


def get_slot_for_partner(user: User, slot_id: int) -> Slot:
    slot = Slot.objects.filter(pk=slot_id, partner__in=partners_of(user)).first()
    if slot is None:
        raise Http404
    return slot


def get_booking_for_resident(resident: Resident, booking_id: int) -> Booking:
    booking = Booking.objects.select_related("slot__partner").filter(pk=booking_id, resident=resident).first()
    if booking is None:
        raise Http404
    return booking


def shared_items(booking: Booking) -> set[str]:
    """The items the resident consented to share with this booking's partner for this purpose."""
    out = set()
    for item in SHARED_ITEMS:
        if matching_consent(
            resident=booking.resident,
            recipient_kind=RecipientKind.PARTNER,
            recipient_id=booking.slot.partner.recipient_id,
            purpose=purpose_of(booking.slot.kind),
            items=[item],
        ):
            out.add(item)
    return out
