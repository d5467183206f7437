"""Staff merge two records of one person, keeping all history of both."""

from __future__ import annotations

import datetime as dt

import pytest
from django.urls import reverse

from ieum.core.testing import open_case_for
from ieum.residents.models import DuplicateFlag, Resident
from ieum.residents.services import ResidentData, korean_level_record, resident_create, visa_record_add
from ieum.residents.tests.factories import VisaStatusFactory


@pytest.fixture
def pair(db):
    born = dt.date(1990, 5, 5)
    a = resident_create(
        data=ResidentData(name="NGUYEN VAN AN", birth_date=born, phone="010-2222-3333"), actor=None
    )
    b = resident_create(
        data=ResidentData(
            name="Nguyễn Văn An", name_hangul="응우옌 반 안", birth_date=born, arn="900505-5123456"
        ),
        actor=None,
    )
    visa_record_add(resident=b, status=VisaStatusFactory(), valid_from=dt.date(2020, 1, 1), actor=None)
    korean_level_record(resident=a, kind="topik", level=3, achieved_on=None, certified=True, actor=None)
    return a, b


@pytest.fixture
def counselor_client(counselor_client, counselor, pair):
    # The counselor merging both records has a case of each (counselors reach their cases' people).
    for person in pair:
        open_case_for(counselor, person)
    return counselor_client


def test_merging_moves_every_event_and_record_to_the_survivor(pair, counselor_client):
    a, b = pair
    events_before = a.timeline.count() + b.timeline.count()
    response = counselor_client.post(reverse("resident-merge"), {"survivor": a.pk, "merged": b.pk})
    assert response.status_code == 302
    a.refresh_from_db()
    b.refresh_from_db()
    assert b.merged_into == a
    assert a.visas.count() == 1 and a.korean.count() == 1
    # Both histories plus one "merged" event on the survivor.
    assert a.timeline.count() == events_before + 1
    assert a.arn_hint == "900505-5******" and a.name_hangul == "응우옌 반 안"
    assert a.phone == "+821022223333"
    assert DuplicateFlag.objects.filter(status="merged").exists()


def test_a_merged_record_no_longer_appears_in_search(pair, counselor_client):
    from ieum.residents.selectors import search_residents

    a, b = pair
    counselor_client.post(reverse("resident-merge"), {"survivor": a.pk, "merged": b.pk})
    assert search_residents("응우옌").residents == [a]
    assert search_residents("900505-5123456").residents == [a]


def test_a_record_cannot_be_merged_twice(pair, counselor):
    from django.core.exceptions import ValidationError

    from ieum.residents.duplicates import residents_merge

    a, b = pair
    residents_merge(survivor=a, merged=b, actor=counselor)
    with pytest.raises(ValidationError):
        residents_merge(survivor=a, merged=Resident.objects.get(pk=b.pk), actor=counselor)


def test_a_resident_account_cannot_merge_records(pair, client, resident_user):
    a, b = pair
    client.force_login(resident_user)
    response = client.post(reverse("resident-merge"), {"survivor": a.pk, "merged": b.pk})
    assert response.status_code in (403, 404)
    assert Resident.objects.get(pk=b.pk).merged_into is None
