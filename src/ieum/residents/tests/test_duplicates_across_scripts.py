"""Possible duplicates are flagged on intake: same identifier, same phone, or a similar name in
another script with the same date of birth."""

from __future__ import annotations

import datetime as dt

import pytest

from ieum.residents.models import DuplicateFlag
from ieum.residents.services import ResidentData, resident_create

BORN = dt.date(1994, 7, 1)


def _make(**fields):
    return resident_create(data=ResidentData(**fields), actor=None)


def _reasons(resident):
    return {
        f.reason
        for f in DuplicateFlag.objects.filter(resident=resident)
        | DuplicateFlag.objects.filter(other=resident)
    }


@pytest.mark.django_db
def test_a_vietnamese_name_with_diacritics_matches_the_passport_spelling():
    first = _make(name="NGUYEN VAN AN", birth_date=BORN)
    _make(name="Nguyễn Văn An", birth_date=BORN)
    assert "name" in _reasons(first)


@pytest.mark.django_db
def test_a_cyrillic_name_matches_its_latin_passport_spelling():
    first = _make(name="IVANOV SERGEI", birth_date=BORN)
    _make(name="Иванов Сергей", name_native="Иванов Сергей", birth_date=BORN)
    assert "name" in _reasons(first)


@pytest.mark.django_db
def test_two_hangul_transcriptions_of_the_same_name_match():
    first = _make(name="SOK DARA", name_hangul="속 다라", birth_date=BORN)
    _make(name="SOK DARAH", name_hangul="속다라", birth_date=BORN)
    assert "name" in _reasons(first)


@pytest.mark.django_db
def test_a_similar_name_with_another_birth_date_is_not_flagged():
    first = _make(name="NGUYEN VAN AN", birth_date=BORN)
    _make(name="Nguyễn Văn An", birth_date=dt.date(1994, 7, 2))
    assert _reasons(first) == set()


@pytest.mark.django_db
def test_a_different_name_with_the_same_birth_date_is_not_flagged():
    first = _make(name="NGUYEN VAN AN", birth_date=BORN)
    _make(name="TRAN THI HOA", birth_date=BORN)
    assert _reasons(first) == set()


@pytest.mark.django_db
def test_the_same_arn_or_phone_is_flagged_whatever_the_name():
    first = _make(name="A", arn="940701-5123456", phone="010-1234-5678")
    _make(name="B", arn="9407015123456", phone="+82 10 1234 5678")
    assert {"arn", "phone"} <= _reasons(first)


@pytest.mark.django_db
def test_the_same_passport_is_flagged():
    first = _make(name="A", passport="N1234567")
    _make(name="B", passport="n1234567")
    assert "passport" in _reasons(first)
