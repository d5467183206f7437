"""Reads of the reference data (region pack): small, typed, dated.

Every question about a place is asked for a day, because the answers change: Yeongam belongs to
전라남도 until 30 Jun 2026 and to 전남광주통합특별시 from 1 Jul 2026; Yeosu is served by the HQ
until the East center opens. Municipalities may be given as model objects or as codes.
"""

from __future__ import annotations

import datetime as dt

from django.db.models import Q, QuerySet
from django.utils import timezone

from ieum.core.models import (
    CenterSite,
    Classification,
    ClassificationItem,
    DeclineDesignation,
    Municipality,
    MunicipalityMembership,
    Province,
    SiteCoverage,
    VisaStatus,
)

MunicipalityRef = Municipality | str


def _municipality_filter(municipality: MunicipalityRef) -> Q:
    if isinstance(municipality, Municipality):
        return Q(municipality=municipality)
    return Q(municipality__code=municipality)


def is_decline_area(municipality: MunicipalityRef, day: dt.date, *, include_interest: bool = False) -> bool:
    """Is the municipality a population-decline area on `day` (optionally also an interest area)?"""
    kinds = [DeclineDesignation.Kind.DECLINE]
    if include_interest:
        kinds.append(DeclineDesignation.Kind.INTEREST)
    designations = DeclineDesignation.objects.valid_on(day).filter(_municipality_filter(municipality))
    return designations.filter(kind__in=kinds).exists()


def province_of(municipality: MunicipalityRef, day: dt.date) -> Province | None:
    """The province the municipality belongs to on `day`, or None if none is recorded."""
    memberships = MunicipalityMembership.objects.valid_on(day).filter(_municipality_filter(municipality))
    return Province.objects.filter(pk__in=memberships.values("province_id")).first()


def site_for(municipality: MunicipalityRef, day: dt.date) -> CenterSite | None:
    """The center site serving the municipality on `day`, or None if no site covers it then."""
    coverage = SiteCoverage.objects.valid_on(day).filter(_municipality_filter(municipality))
    return CenterSite.objects.valid_on(day).filter(pk__in=coverage.values("site_id")).first()


def visa_status(code: str) -> VisaStatus | None:
    """The status of stay with this code ("E-9", "F-2-R"), or None if the pack does not hold it."""
    return VisaStatus.objects.filter(code=code).first()


def classification_items(
    scheme: str, level: int, *, day: dt.date | None = None
) -> QuerySet[ClassificationItem]:
    """Items of one level of the revision of `scheme` ("ksic", "ksco") in force on `day` (default today).

    Level 1 is the KSIC section / KSCO major group, level 2 the division / sub-major group.
    """
    day = day or timezone.localdate()
    in_force = (
        Classification.objects.filter(scheme=scheme, valid_from__lte=day)
        .filter(Q(valid_to__isnull=True) | Q(valid_to__gte=day))
        .order_by("-valid_from")
        .first()
    )
    if in_force is None:
        return ClassificationItem.objects.none()
    return in_force.items.filter(level=level).order_by("code")
