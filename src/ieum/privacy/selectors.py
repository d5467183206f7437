"""Reads for privacy: de-identified tables for analysts, and a person's own data."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.utils import timezone

from ieum.core.sensitivity import FieldClass
from ieum.privacy.deidentify import age_band, crosstab, pseudonym, suppress_small_cells
from ieum.privacy.models import Consent, Provision
from ieum.residents.models import Resident
from ieum.residents.selectors import resident_timeline
from ieum.residents.timeline import render_event


def residents_by_county_table(*, on: dt.date | None = None) -> list[dict[str, object]]:
    """Residents by city/county × nationality × age band × sex, small cells suppressed."""
    on = on or timezone.localdate()
    rows = Resident.objects.active().values_list(
        "municipality__code", "nationality__alpha2", "birth_date", "sex"
    )
    return suppress_small_cells(
        crosstab((county or "", nat or "", age_band(born, on), sex or "") for county, nat, born, sex in rows)
    )


def deidentified_residents(*, on: dt.date | None = None) -> list[dict[str, object]]:
    """One row per person, pseudonymous and coarse: for analysts' own tables."""
    on = on or timezone.localdate()
    rows = Resident.objects.active().values_list(
        "pk", "municipality__code", "nationality__alpha2", "birth_date", "sex", "created_at"
    )
    return [
        {
            "pid": pseudonym(pk),
            "county": county or "",
            "nationality": nat or "",
            "age_band": age_band(born, on),
            "sex": sex or "",
            "registered_year": created.year,
        }
        for pk, county, nat, born, sex, created in rows
    ]


def my_data(resident: Resident) -> dict[str, Any]:
    """What Ieum holds about a person, and who it was shared with (residents' right of access)."""
    return {
        "record": {
            "name": resident.name,
            "name_native": resident.name_native,
            "name_hangul": resident.name_hangul,
            "birth_date": resident.birth_date.isoformat() if resident.birth_date else None,
            "sex": resident.sex,
            "nationality": resident.nationality.alpha2 if resident.nationality else None,
            "preferred_language": resident.preferred_language,
            "phone": resident.phone,
            "email": resident.email,
            "address": resident.address,
            "municipality": resident.municipality.name_ko if resident.municipality else None,
            "alien_registration_number": resident.arn_hint,
            "passport_number": resident.passport_hint,
        },
        "languages": list(resident.languages.values("language", "level")),
        "visas": [
            {
                "status": v.status.code,
                "from": v.valid_from.isoformat(),
                "to": v.valid_to.isoformat() if v.valid_to else None,
            }
            for v in resident.visas.select_related("status")
        ],
        "korean": list(resident.korean.values("kind", "level", "achieved_on", "certified")),
        "documents": list(resident.documents.values("kind", "original_name", "uploaded_at")),
        "consents": [
            {
                "kind": c.kind,
                "recipient": c.recipient_name,
                "purpose": c.purpose,
                "items": c.items,
                "given_at": c.given_at.isoformat(),
                "withdrawn_at": c.withdrawn_at.isoformat() if c.withdrawn_at else None,
                "text": c.text,
            }
            for c in Consent.objects.filter(resident=resident)
        ],
        "shared_with": [
            {"recipient": p.recipient_name, "purpose": p.purpose, "items": p.items, "at": p.at.isoformat()}
            for p in Provision.objects.filter(resident=resident)
        ],
        "timeline": [
            {"at": e.at.isoformat(), "text": render_event(e.kind, e.params)}
            for e in resident_timeline(resident, classes=frozenset(FieldClass.values))
        ],
    }
