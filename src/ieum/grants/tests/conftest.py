"""Fixtures of the grants tests: the 2024 budget from its data file, and a program open today
that draws on the settlement-grant line."""

from __future__ import annotations

import datetime as dt
import itertools

import pytest
from django.utils import timezone

from ieum.core.models import Municipality, Role, User, VisaStatus
from ieum.grants.loading import budget_load, program_load
from ieum.grants.models import Application, BudgetLine, GrantProgram
from ieum.residents.services import ResidentData, resident_create, visa_record_add

_names = itertools.count(1)


def program_data(**overrides) -> dict:
    today = timezone.localdate()
    data = {
        "code": "settlement-test",
        "name_ko": "정착지원금 시험",
        "name_en": "Settlement grant (test)",
        "budget_line": "settlement-grants",
        "window_opens": today - dt.timedelta(days=30),
        "window_closes": today + dt.timedelta(days=30),
        "obligation_until": today + dt.timedelta(days=365),
        "headcount_cap": 73,
        "eligibility": {
            "statuses": ["F-2-R", "F-4-R", "E-7-4R"],
            "granted_from": (today - dt.timedelta(days=365)).isoformat(),
            "granted_to": (today + dt.timedelta(days=30)).isoformat(),
            "still_living": True,
        },
        "amount": [{"amount": 600_000, "valid_from": today - dt.timedelta(days=365)}],
        "county": [{"code": "46830", "payment": "gift"}, {"code": "46820", "payment": "bank"}],
    }
    data.update(overrides)
    return data


@pytest.fixture
def budget(region) -> int:
    budget_load(year=2024)
    return 2024


@pytest.fixture
def line(budget) -> BudgetLine:
    return BudgetLine.objects.get(fiscal_year=2024, code="settlement-grants")


@pytest.fixture
def program(budget) -> GrantProgram:
    return program_load(program_data(), year=2024)


def officer_user(name: str, municipality: Municipality | None = None) -> User:
    return User.objects.create_user(
        username=name, password="correct-horse-battery-9", role=Role.OFFICER, municipality=municipality
    )


@pytest.fixture
def preparer(db) -> User:
    return officer_user("officer-preparer")


@pytest.fixture
def approver(db) -> User:
    return officer_user("officer-approver")


def eligible_resident(
    county: str = "46820", status: str = "F-2-R", *, moved_to: str | None = None, user=None
):
    municipality = Municipality.objects.get(code=county)
    resident = resident_create(
        data=ResidentData(name=f"TRAN VAN {next(_names)}", municipality=municipality), actor=None
    )
    visa_record_add(
        resident=resident,
        status=VisaStatus.objects.get(code=status),
        valid_from=timezone.localdate() - dt.timedelta(days=60),
        municipality=municipality,
        actor=None,
    )
    if moved_to or user:
        if moved_to:
            resident.municipality = Municipality.objects.get(code=moved_to)
        resident.user = user
        resident.save()
    return resident


def file_application(program: GrantProgram, resident, actor: User) -> Application:
    from ieum.grants.services import application_file

    return application_file(
        program=program,
        resident=resident,
        actor=actor,
        bank_code="034",
        account_number="110-234-567890",
        account_holder="TRAN VAN",
    )


def prepared_application(program: GrantProgram, preparer: User, county: str = "46820") -> Application:
    from ieum.grants.services import application_prepare

    application = file_application(program, eligible_resident(county), preparer)
    return application_prepare(application=application, actor=preparer)
