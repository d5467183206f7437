"""A small jobs world: two verified businesses in Yeongam and Haenam, one vacancy each, and
residents who look for work (with and without the consent to be shown to employers)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import pytest

from ieum.core.models import Municipality, Role, User, VisaStatus
from ieum.jobs import services
from ieum.jobs.models import Employer, SeekerProfile, Vacancy
from ieum.residents.demo.employers import EMPLOYERS
from ieum.residents.models import Resident
from ieum.residents.services import ResidentData, korean_level_record, resident_create, visa_record_add

START = dt.date(2026, 12, 1)


@dataclass
class JobsWorld:
    employer_a: Employer
    employer_b: Employer
    user_a: User
    user_b: User
    vacancy_a: Vacancy
    vacancy_b: Vacancy
    consented: SeekerProfile
    unconsented: SeekerProfile
    e9: SeekerProfile
    officer: User


def make_seeker(
    name: str,
    *,
    status: str,
    place: Municipality,
    user: User | None = None,
    consent: bool = True,
    ksco: str = "7430",
    korean: int = 3,
    since: dt.date = dt.date(2024, 1, 1),
) -> SeekerProfile:
    resident: Resident = resident_create(data=ResidentData(name=name, municipality=place), actor=None)
    if user is not None:
        resident.user = user
        resident.save(update_fields=["user"])
    visa_record_add(
        resident=resident,
        status=VisaStatus.objects.get(code=status),
        valid_from=since,
        municipality=place,
        actor=None,
    )
    korean_level_record(
        resident=resident, kind="topik", level=korean, achieved_on=None, certified=True, actor=None
    )
    profile = services.seeker_profile_save(
        resident=resident, actor=None, experience=[{"ksco": ksco, "years": 3}], wanted_wage=11000
    )
    if consent:
        services.seeker_consent_give(resident=resident, actor=None)
    return profile


def make_employer(user: User, key: int, place: Municipality, officer: User) -> Employer:
    demo = EMPLOYERS[key]
    employer = services.employer_register(
        user=user,
        name=demo.name_ko,
        brn=demo.brn,
        ksic_code="311",
        municipality=place,
        size="small",
        contact_name="담당자",
        contact_phone="010-1234-5678",
        dormitory=True,
        languages=["ko", "vi"],
    )
    return services.employer_verify(employer=employer, actor=officer)


def make_vacancy(employer: Employer, user: User, **extra) -> Vacancy:
    values = dict(
        title="Welder",
        ksco_code="7430",
        wage_hourly=12000,
        hours_per_week=40,
        start_date=START,
        headcount=1,
    )
    values.update(extra)
    return services.vacancy_create(employer=employer, actor=user, **values)


def build_world(users: dict[str, User] | None = None) -> JobsWorld:
    yeongam = Municipality.objects.get(code="46830")
    haenam = Municipality.objects.get(code="46820")
    users = users or {}
    officer = users.get("officer") or User.objects.create_user(
        "jobs-officer", password=None, role=Role.OFFICER
    )
    user_a = users.get("employer") or User.objects.create_user(
        "employer-a", password=None, role=Role.EMPLOYER
    )
    user_b = User.objects.create_user("employer-b", password=None, role=Role.EMPLOYER)
    employer_a = make_employer(user_a, 0, yeongam, officer)
    employer_b = make_employer(user_b, 5, haenam, officer)
    return JobsWorld(
        employer_a=employer_a,
        employer_b=employer_b,
        user_a=user_a,
        user_b=user_b,
        vacancy_a=make_vacancy(employer_a, user_a),
        vacancy_b=make_vacancy(employer_b, user_b, municipality=haenam),
        consented=make_seeker("NGUYEN VAN AN", status="F-5", place=yeongam, user=users.get("resident_self")),
        unconsented=make_seeker(
            "TRAN THI BINH", status="F-6", place=yeongam, consent=False, user=users.get("resident_other")
        ),
        e9=make_seeker("SOK DARA", status="E-9", place=yeongam),
        officer=officer,
    )


@pytest.fixture
def jobs_world(region) -> JobsWorld:
    return build_world()
