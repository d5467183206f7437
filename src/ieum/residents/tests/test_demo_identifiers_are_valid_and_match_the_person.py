"""Every demo ARN passes Ieum's own check and encodes the person's birth date and sex; passports,
phones and employers' business numbers are valid and never repeat."""

from __future__ import annotations

import pytest

from ieum.lib.identifiers import arn_birth_date, arn_sex, check_arn, check_brn, check_passport
from ieum.lib.phones import normalize_phone
from ieum.residents.demo.employers import EMPLOYERS
from ieum.residents.demo.generator import people
from ieum.residents.demo.identifiers import RANDOM_TAIL_FROM


@pytest.fixture(scope="module")
def population():
    return people(2000, 3)


def test_every_arn_passes_the_check_without_errors(population):
    for p in population:
        assert check_arn(p.arn).errors == [], p.arn


def test_every_arn_encodes_the_birth_date_and_sex(population):
    for p in population:
        assert arn_birth_date(p.arn) == p.birth_date
        assert arn_sex(p.arn) == p.sex


def test_arns_issued_before_october_2020_carry_a_valid_check_digit(population):
    older = [p for p in population if p.registered_on < RANDOM_TAIL_FROM]
    assert older
    for p in older:
        assert check_arn(p.arn).warnings == []


def test_children_born_since_2000_get_a_7_or_an_8(population):
    young = [p for p in population if p.birth_date.year >= 2000]
    assert young
    assert {p.arn[6] for p in young} <= {"7", "8"}


def test_identifiers_and_phones_never_repeat(population):
    assert len({p.arn for p in population}) == len(population)
    assert len({p.passport for p in population}) == len(population)
    phones = [p.phone for p in population if p.phone]
    assert len(set(phones)) == len(phones)


def test_passports_and_phones_are_valid(population):
    for p in population:
        assert check_passport(p.passport).ok, p.passport
        if p.phone:
            assert normalize_phone(p.phone) == p.phone, p.phone
    korean = [p for p in population if p.phone.startswith("+8210")]
    home = [p for p in population if p.phone and not p.phone.startswith("+82")]
    assert len(korean) > 0.8 * len(population)
    assert home


def test_employers_business_numbers_pass_the_checksum():
    assert all(check_brn(e.brn).ok for e in EMPLOYERS)
    assert len({e.brn for e in EMPLOYERS}) == len(EMPLOYERS)
