from __future__ import annotations

import datetime as dt

import pytest

from ieum.core.models import Municipality, Role, User
from ieum.visas.services import quota_set
from ieum.visas.tests.people import make_applicant


@pytest.fixture
def yeongam(region) -> Municipality:
    return Municipality.objects.get(code="46830")


@pytest.fixture
def haenam(region) -> Municipality:
    return Municipality.objects.get(code="46820")


@pytest.fixture
def province_officer(db) -> User:
    return User.objects.create_user(username="province-officer", password="x" * 12, role=Role.OFFICER)


@pytest.fixture
def yeongam_officer(yeongam) -> User:
    return User.objects.create_user(
        username="yeongam-officer", password="x" * 12, role=Role.OFFICER, municipality=yeongam
    )


@pytest.fixture
def haenam_officer(haenam) -> User:
    return User.objects.create_user(
        username="haenam-officer", password="x" * 12, role=Role.OFFICER, municipality=haenam
    )


@pytest.fixture
def applicant(yeongam, counselor):
    return make_applicant(municipality=yeongam, actor=counselor)


@pytest.fixture
def f2r_quota(yeongam, province_officer):
    return quota_set(
        program="f2r",
        year=dt.date.today().year,
        municipality=yeongam,
        amount=10,
        actor=province_officer,
        source="test quota",
    )
