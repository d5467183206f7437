"""Reads of care."""

from __future__ import annotations

import datetime as dt

from django.db.models import Exists, OuterRef, QuerySet
from django.utils import timezone

from ieum.care.models import Booking, Slot
from ieum.referrals.models import Partner
from ieum.residents.models import Resident


def open_slots(*, kind: str | None = None, days: int = 30, partner: Partner | None = None) -> QuerySet[Slot]:
    now = timezone.now()
    live = Booking.objects.filter(slot=OuterRef("pk")).exclude(status=Booking.Status.CANCELLED)
    qs = (
        Slot.objects.filter(cancelled=False, starts_at__gt=now, starts_at__lt=now + dt.timedelta(days=days))
        .filter(~Exists(live))
        .select_related("partner", "partner__care_profile")
    )
    if kind:
        qs = qs.filter(kind=kind)
    if partner is not None:
        qs = qs.filter(partner=partner)
    return qs.order_by("starts_at")


def bookings_of_resident(resident: Resident) -> QuerySet[Booking]:
    return (
        Booking.objects.filter(resident=resident).select_related("slot__partner").order_by("-slot__starts_at")
    )


def bookings_of_partners(partners: QuerySet[Partner]) -> QuerySet[Booking]:
    return Booking.objects.filter(slot__partner__in=partners).select_related("slot__partner", "resident")


def no_show_count(resident: Resident) -> int:
    return Booking.objects.filter(resident=resident, status=Booking.Status.NO_SHOW).count()
