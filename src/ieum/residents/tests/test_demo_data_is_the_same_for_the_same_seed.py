"""The demo region is deterministic: the same seed gives byte-identical people, another seed not."""

from __future__ import annotations

import dataclasses

import pytest

from ieum.core import keys
from ieum.residents.demo.generator import generate, people
from ieum.residents.demo.loader import load_people
from ieum.residents.models import Resident


def _snapshot(n: int, seed: int) -> list[dict]:
    return [dataclasses.asdict(p) for p in people(n, seed)]


def test_the_same_seed_gives_identical_people():
    assert _snapshot(400, 7) == _snapshot(400, 7)


def test_another_seed_gives_different_people():
    first, second = _snapshot(400, 7), _snapshot(400, 8)
    assert [p["name"] for p in first] != [p["name"] for p in second]
    assert {p["arn"] for p in first}.isdisjoint({p["arn"] for p in second})


def test_the_count_is_exact_even_when_the_last_household_is_cut():
    for n in (1, 2, 3, 17, 250):
        assert len(people(n, 11)) == n


def _stored() -> list[tuple]:
    return [
        (
            r.name,
            r.name_native,
            r.name_hangul,
            r.birth_date,
            r.sex,
            r.phone,
            keys.decrypt(r.arn_ciphertext),
            keys.decrypt(r.passport_ciphertext),
            r.municipality.code,
            [(v.status.code, v.valid_from, v.valid_to, v.sponsor) for v in r.visas.order_by("valid_from")],
        )
        for r in Resident.objects.select_related("municipality").order_by("pk")
    ]


@pytest.mark.django_db
def test_loading_the_same_seed_twice_stores_the_same_people(region):
    load_people(generate(120, 5))
    first = _stored()
    Resident.objects.all().delete()
    load_people(generate(120, 5))
    assert _stored() == first
    assert len(first) == 120
