"""At 2,000 people the demo matches facts.md §3: nationality and visa shares within a few points,
counties weighted by their foreign population, mostly men in their 20s and 30s."""

from __future__ import annotations

from collections import Counter

import pytest

from ieum.residents.demo import shares
from ieum.residents.demo.generator import DEMO_AS_OF, people
from ieum.residents.demo.sampling import age_on

N = 2000
WORK_VISAS = ("E-9", "E-10", "E-8", "E-7-4", "E-7-4R", "E-7", "H-2")


@pytest.fixture(scope="module")
def population():
    return people(N, 1)


def _share(values) -> dict[str, float]:
    counts = Counter(values)
    return {k: 100 * v / N for k, v in counts.items()}


@pytest.mark.parametrize(
    ("nationality", "target"),
    [
        ("VN", 27.8),
        ("CN", 15.4),
        ("ID", 8.5),
        ("NP", 6.9),
        ("KH", 6.4),
        ("TH", 6.0),
        ("PH", 5.0),
        ("UZ", 5.0),
    ],
)
def test_nationality_shares_are_within_three_points(population, nationality, target):
    assert abs(_share(p.nationality for p in population).get(nationality, 0) - target) <= 3


def test_ethnic_koreans_are_about_an_eighth(population):
    # Korean-Chinese 8.0% plus Koryo-saram from Uzbekistan, Kazakhstan and Russia.
    assert 9 <= _share(p.ethnic_korean for p in population)[True] <= 16


@pytest.mark.parametrize(("visa", "target"), [("E-9", 37.2), ("F-6", 10.5), ("F-4", 7.4), ("E-10", 7.1)])
def test_visa_shares_are_within_three_points(population, visa, target):
    assert abs(_share(p.current_visa.code for p in population).get(visa, 0) - target) <= 3


def test_yeongam_has_the_most_residents_and_every_county_has_some(population):
    counties = Counter(p.municipality for p in population)
    assert counties.most_common(1)[0][0] == "46830"
    assert set(counties) == set(shares.COUNTY_WEIGHTS)


def test_regional_visas_are_held_only_in_decline_areas(population):
    for p in population:
        if p.current_visa.code in ("F-2-R", "F-4-R", "E-7-4R"):
            assert p.municipality in shares.DECLINE_AREAS


def test_most_are_men_and_workers_even_more_so(population):
    men = sum(p.sex == "M" for p in population) / N
    workers = [p for p in population if p.current_visa.code in WORK_VISAS]
    assert 0.66 <= men <= 0.80  # facts.md §3.1: 76% of registered foreigners
    assert sum(p.sex == "M" for p in workers) / len(workers) >= 0.85


def test_the_thirties_are_the_most_common_age_and_most_are_in_their_twenties_or_thirties(population):
    decades = Counter(age_on(p.birth_date, DEMO_AS_OF) // 10 for p in population)
    assert decades.most_common(1)[0][0] == 3
    assert (decades[2] + decades[3]) / N >= 0.6


def test_marriage_migrants_have_a_korean_spouse(population):
    for p in population:
        if p.current_visa.code == "F-6":
            spouse = [r for r in p.household if r.relation == "spouse"]
            assert spouse and spouse[0].korean and spouse[0].name
