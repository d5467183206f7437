"""Employers register with a checked business number and are verified before posting; vacancies
below the legal minimum wage are refused and change nothing."""

from __future__ import annotations

import datetime as dt

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from ieum.core.models import Municipality, Role, User
from ieum.jobs import services
from ieum.jobs.models import Employer, Vacancy
from ieum.jobs.tests.conftest import make_vacancy
from ieum.residents.demo.employers import EMPLOYERS


def _register(user, **extra):
    values = dict(
        user=user,
        name="해남수산",
        brn=EMPLOYERS[9].brn,
        ksic_code="03112",
        municipality=Municipality.objects.get(code="46820"),
        size="micro",
        contact_name="김",
        contact_phone="010-2222-3333",
    )
    values.update(extra)
    return services.employer_register(**values)


def test_a_business_number_with_a_wrong_checksum_is_refused(region):
    user = User.objects.create_user("e", password="x" * 12, role=Role.EMPLOYER)
    valid = EMPLOYERS[9].brn
    with pytest.raises(ValidationError) as error:
        _register(user, brn=valid[:9] + str((int(valid[9]) + 1) % 10))
    assert "brn" in error.value.message_dict
    assert not Employer.objects.exists()


def test_an_unverified_business_cannot_post(region, jobs_world):
    user = User.objects.create_user("e", password="x" * 12, role=Role.EMPLOYER)
    employer = _register(user)
    with pytest.raises(PermissionDenied):
        make_vacancy(employer, user)


def test_only_officers_verify_businesses(region, jobs_world, counselor):
    with pytest.raises(PermissionDenied):
        services.employer_verify(employer=jobs_world.employer_a, actor=counselor)


def test_a_wage_below_the_minimum_of_the_year_is_refused(region, jobs_world):
    before = Vacancy.objects.count()
    with pytest.raises(ValidationError) as error:
        make_vacancy(
            jobs_world.employer_a, jobs_world.user_a, wage_hourly=10_319, start_date=dt.date(2026, 12, 1)
        )
    assert "10320" in error.value.message_dict["wage_hourly"][0]
    assert Vacancy.objects.count() == before


def test_the_minimum_wage_of_the_year_is_accepted(region, jobs_world):
    vacancy = make_vacancy(
        jobs_world.employer_a, jobs_world.user_a, wage_hourly=10_320, start_date=dt.date(2026, 12, 1)
    )
    assert vacancy.pk


def test_an_unknown_occupation_code_is_refused(region, jobs_world):
    with pytest.raises(ValidationError) as error:
        make_vacancy(jobs_world.employer_a, jobs_world.user_a, ksco_code="0000")
    assert "ksco_code" in error.value.message_dict
