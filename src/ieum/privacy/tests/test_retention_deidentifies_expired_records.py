"""The retention job de-identifies records whose purpose has ended and spares those on hold."""

from __future__ import annotations

import datetime as dt

import pytest
from django.core.management import call_command
from django.utils import timezone

from ieum.privacy.models import LegalHold
from ieum.residents.models import Resident, TimelineEvent
from ieum.residents.selectors import search_residents
from ieum.residents.services import ResidentData, resident_create


def _old_person(name: str, arn: str) -> Resident:
    person = resident_create(
        data=ResidentData(
            name=name, birth_date=dt.date(1980, 4, 5), arn=arn, phone="010-7777-1234" if "A" in name else ""
        ),
        actor=None,
    )
    long_ago = timezone.now() - dt.timedelta(days=6 * 365)
    TimelineEvent.objects.filter(resident=person).update(at=long_ago)
    Resident.objects.filter(pk=person.pk).update(created_at=long_ago)
    return person


@pytest.mark.django_db
def test_expired_records_are_deidentified_and_held_ones_spared(officer):
    expired = _old_person("TRAN VAN A", "800405-5123456")
    held = _old_person("LE THI B", "800405-6123457")
    recent = resident_create(data=ResidentData(name="PHAM C"), actor=None)
    LegalHold.objects.create(resident=held, reason="wage lawsuit pending", placed_by=officer)

    call_command("retention_run", verbosity=0)

    expired.refresh_from_db()
    assert expired.name.startswith("P") and "TRAN" not in expired.name
    assert expired.arn_ciphertext == "" and expired.phone == "" and expired.birth_date == dt.date(1980, 1, 1)
    assert search_residents("800405-5123456").residents == []
    assert search_residents("tran").residents == []
    held.refresh_from_db()
    assert held.name == "LE THI B" and held.arn_ciphertext
    recent.refresh_from_db()
    assert recent.name == "PHAM C"
