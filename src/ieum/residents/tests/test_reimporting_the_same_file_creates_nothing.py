"""Importing a file again changes nothing: each row matches the resident it created."""

from __future__ import annotations

import datetime as dt

import pytest

from ieum.residents import importing
from ieum.residents.models import ImportBatch, Resident, TimelineEvent, VisaRecord
from ieum.residents.services import ResidentData, resident_create
from ieum.residents.tests.factories import NationalityFactory
from ieum.residents.tests.import_files import EN_HEADERS, ROWS, csv_bytes, reference


def _import(content: bytes, actor) -> ImportBatch:
    batch = importing.import_preview(file_name="명단.csv", content=content, actor=actor)
    return importing.import_commit(batch=batch, content=content, actor=actor)


@pytest.mark.django_db
def test_a_second_commit_of_the_same_file_creates_nothing(counselor):
    reference()
    content = csv_bytes(ROWS)
    first = _import(content, counselor)
    counts = (Resident.objects.count(), TimelineEvent.objects.count(), VisaRecord.objects.count())

    second = _import(content, counselor)

    assert (first.created_count, first.unchanged_count) == (2, 0)
    assert (second.status, second.created_count, second.unchanged_count) == ("committed", 0, 2)
    assert (Resident.objects.count(), TimelineEvent.objects.count(), VisaRecord.objects.count()) == counts


@pytest.mark.django_db
def test_committing_the_same_batch_twice_creates_nothing_the_second_time(counselor):
    reference()
    content = csv_bytes(ROWS)
    batch = _import(content, counselor)

    again = importing.import_commit(batch=batch, content=content, actor=counselor)

    assert (again.status, again.created_count) == ("committed", 2)
    assert Resident.objects.count() == 2


@pytest.mark.django_db
def test_a_row_matches_by_passport_and_by_name_birth_date_and_nationality(counselor):
    reference()
    headers = [*EN_HEADERS, "passport"]
    resident_create(data=ResidentData(name="LIM SOPHEA", passport="N1234567"), actor=counselor)
    resident_create(
        data=ResidentData(
            name="Santos Maria", birth_date=dt.date(1990, 7, 2), nationality=NationalityFactory(alpha2="PH")
        ),
        actor=counselor,
    )
    rows = [
        ["LIM SOPHEA", "", "", "", "", "", "", "", "", "", "", "n1234567"],
        [*ROWS[1], ""],
    ]

    batch = importing.import_preview(
        file_name="names.csv", content=csv_bytes(rows, headers=headers), actor=counselor
    )

    assert (batch.created_count, batch.unchanged_count, batch.errors) == (0, 2, [])


@pytest.mark.django_db
def test_the_same_name_and_birth_date_with_another_registration_number_is_another_person(counselor):
    reference()
    _import(csv_bytes(ROWS[:1]), counselor)
    twin = ["NGUYEN VAN AN", "", "1995-03-14", "M", "VN", "", "", "950314-5999999", "", "", ""]

    batch = importing.import_preview(file_name="other.csv", content=csv_bytes([twin]), actor=counselor)

    assert (batch.created_count, batch.unchanged_count) == (1, 0)
