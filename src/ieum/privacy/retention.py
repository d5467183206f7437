"""Retention: when a record's purpose has ended, de-identify it — unless a legal hold stops it.

A person's purpose ends when nothing has happened on their record for the rule's number of years
(the last timeline event). De-identification keeps the statistics (county, nationality, birth
year, sex) and removes everything that names or reaches the person.
"""

from __future__ import annotations

import datetime as dt

from django.db import transaction
from django.db.models import Max, Q
from django.utils import timezone

from ieum.privacy.deidentify import pseudonym
from ieum.privacy.models import LegalHold, RetentionRule
from ieum.residents.documents import stored_path
from ieum.residents.models import NameToken, Resident

DEFAULT_RESIDENT_YEARS = 5


def resident_rule() -> RetentionRule:
    rule, _ = RetentionRule.objects.get_or_create(
        record_type="resident",
        defaults={
            "years": DEFAULT_RESIDENT_YEARS,
            "action": "deidentify",
            "source": "Center retention schedule (set by the privacy officer); PIPA Art. 21 "
            "asks for destruction once the purpose is achieved.",
        },
    )
    return rule


def expired_residents(*, today: dt.date | None = None) -> list[int]:
    today = today or timezone.localdate()
    rule = resident_rule()
    cutoff = timezone.make_aware(
        dt.datetime.combine(today.replace(year=today.year - rule.years), dt.time.min)
    )
    held = LegalHold.objects.filter(released_at__isnull=True).values("resident_id")
    return list(
        Resident.objects.active()
        .annotate(last=Max("timeline__at"))
        .filter(Q(last__lt=cutoff) | Q(last__isnull=True, created_at__lt=cutoff))
        .exclude(pk__in=held)
        .values_list("pk", flat=True)
    )


@transaction.atomic
def resident_deidentify(*, resident: Resident) -> None:
    from ieum.residents.services import timeline_add

    for document in resident.documents.all():
        stored_path(document).unlink(missing_ok=True)
    resident.documents.all().delete()
    resident.messengers.all().delete()
    resident.household.all().delete()
    NameToken.objects.filter(resident=resident).delete()
    resident.name = pseudonym(resident.pk)
    resident.name_native = resident.name_hangul = ""
    if resident.birth_date:
        resident.birth_date = resident.birth_date.replace(month=1, day=1)
    for field in (
        "phone",
        "email",
        "address",
        "arn_ciphertext",
        "arn_index",
        "arn_hint",
        "passport_ciphertext",
        "passport_index",
        "passport_hint",
        "passport_country",
    ):
        setattr(resident, field, "")
    resident.user = None
    resident.save()
    resident.timeline.all().delete()
    timeline_add(resident=resident, service="privacy", kind="retention.deidentified", actor=None)


def retention_run(*, today: dt.date | None = None) -> int:
    ids = expired_residents(today=today)
    for pk in ids:
        resident_deidentify(resident=Resident.objects.get(pk=pk))
    return len(ids)
