"""Education, income and messenger entries refuse bad input with a clear message and change nothing."""

from __future__ import annotations

import datetime as dt

import pytest
from django.core.exceptions import ValidationError

from ieum.residents.models import IncomeDeclaration
from ieum.residents.services import (
    ResidentData,
    education_add,
    income_declare,
    messenger_add,
    resident_create,
)


@pytest.fixture
def person(db):
    return resident_create(data=ResidentData(name="TRAN THI HOA"), actor=None)


def test_a_negative_or_huge_income_is_refused(person):
    with pytest.raises(ValidationError):
        income_declare(resident=person, year=2025, amount_krw=-1, actor=None)
    with pytest.raises(ValidationError):
        income_declare(resident=person, year=2025, amount_krw=10**12, actor=None)
    assert IncomeDeclaration.objects.count() == 0


def test_a_second_declaration_for_the_same_year_replaces_the_first(person):
    income_declare(resident=person, year=2025, amount_krw=28_000_000, actor=None)
    income_declare(resident=person, year=2025, amount_krw=31_000_000, actor=None)
    assert list(person.incomes.values_list("year", "amount_krw")) == [(2025, 31_000_000)]
    assert person.timeline.filter(kind="income.declared").count() == 2


def test_a_future_completion_date_needs_the_expected_flag(person):
    future = dt.date.today() + dt.timedelta(days=100)
    with pytest.raises(ValidationError):
        education_add(resident=person, level="associate", completed_on=future, actor=None)
    record = education_add(
        resident=person,
        level="associate",
        completed_on=future,
        expected=True,
        korean_institution=True,
        actor=None,
    )
    assert record.expected


def test_a_messenger_handle_is_stored_once(person):
    messenger_add(resident=person, kind="zalo", handle=" 0912 345 678 ", actor=None)
    messenger_add(resident=person, kind="zalo", handle="0912 345 678", actor=None)
    assert person.messengers.count() == 1
    with pytest.raises(ValidationError):
        messenger_add(resident=person, kind="pager", handle="1", actor=None)
