"""Staff find a resident by any name form in any script, by phone, or by identifier."""

from __future__ import annotations

import datetime as dt

import pytest

from ieum.residents.selectors import search_residents
from ieum.residents.services import ResidentData, resident_create


@pytest.fixture
def people(db):
    return {
        "an": resident_create(
            data=ResidentData(
                name="NGUYEN VAN AN",
                name_native="Nguyễn Văn An",
                name_hangul="응우옌 반 안",
                birth_date=dt.date(1995, 3, 14),
                phone="010-1111-2222",
            ),
            actor=None,
        ),
        "sokha": resident_create(
            data=ResidentData(name="POV SOKHA", name_native="ពៅ សុខា", name_hangul="퍼우 소카"), actor=None
        ),
        "ivanov": resident_create(
            data=ResidentData(name="IVANOV SERGEI", name_native="Иванов Сергей"), actor=None
        ),
    }


@pytest.mark.parametrize(
    ("query", "who"),
    [
        ("nguyen", "an"),
        ("Nguyễn Văn", "an"),
        ("응우옌", "an"),
        ("응우옌반안", "an"),
        ("van an", "an"),
        ("សុខា", "sokha"),
        ("소카", "sokha"),
        ("Иванов", "ivanov"),
        ("ivanov serg", "ivanov"),
        ("010-1111-2222", "an"),
        ("+82 10 1111 2222", "an"),
    ],
)
def test_search_finds_the_person(people, query, who):
    assert search_residents(query).residents == [people[who]]


def test_search_with_no_match_finds_nobody(people):
    assert search_residents("tran thi").residents == []
    assert search_residents("").residents == []
