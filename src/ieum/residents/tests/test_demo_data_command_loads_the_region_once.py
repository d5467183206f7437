"""`ieum demo-data` loads residents with their whole record; `--if-empty` leaves a filled database
alone."""

from __future__ import annotations

from io import StringIO

import pytest
from django.core.management import call_command

from ieum.residents.models import NameToken, Resident, TimelineEvent, VisaRecord
from ieum.residents.selectors import current_visa


def _run(**options) -> str:
    out = StringIO()
    call_command("demo_data", stdout=out, verbosity=0, **options)
    return out.getvalue()


@pytest.mark.django_db
def test_it_loads_residents_with_visas_tokens_and_a_timeline(region):
    _run(residents=60, seed=3)
    assert Resident.objects.count() == 60
    for resident in Resident.objects.all():
        assert current_visa(resident) is not None
        assert NameToken.objects.filter(resident=resident).exists()
        assert TimelineEvent.objects.filter(resident=resident, kind="resident.created").exists()
    assert VisaRecord.objects.exclude(sponsor="").exists()


@pytest.mark.django_db
def test_if_empty_does_nothing_when_residents_exist(region):
    _run(residents=20, seed=3)
    before = list(Resident.objects.values_list("pk", flat=True))
    output = _run(residents=20, seed=4, if_empty=True)
    assert list(Resident.objects.values_list("pk", flat=True)) == before
    assert "nothing to do" in output


@pytest.mark.django_db
def test_if_empty_loads_an_empty_database(region):
    _run(residents=15, seed=3, if_empty=True)
    assert Resident.objects.count() == 15
