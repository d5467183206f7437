"""The matching round equals a brute-force optimum on small instances and is never worse than the
greedy baseline on larger ones; it respects headcounts and gives each person at most one offer."""

from __future__ import annotations

import numpy as np
from hypothesis import given, settings
from hypothesis import strategies as st

from ieum.jobs.engine.candidates import (
    Index,
    candidate_pairs,
    congestion,
    recommend_for_seeker,
    recommend_for_vacancy,
)
from ieum.jobs.engine.matching import assign, brute_force, greedy
from ieum.jobs.engine.scoring import int_scores
from ieum.jobs.engine.synthetic import world


@st.composite
def instances(draw):
    n_s = draw(st.integers(1, 6))
    n_v = draw(st.integers(1, 4))
    pairs = draw(
        st.lists(
            st.tuples(st.integers(0, n_s - 1), st.integers(0, n_v - 1)), min_size=1, max_size=14, unique=True
        )
    )
    scores = draw(st.lists(st.integers(1, 1000), min_size=len(pairs), max_size=len(pairs)))
    capacity = draw(st.lists(st.integers(1, 3), min_size=n_v, max_size=n_v))
    s, v = (np.asarray(x, dtype=np.int64) for x in zip(*pairs, strict=True))
    return s, v, np.asarray(scores, dtype=np.int64), np.asarray(capacity, dtype=np.int64)


def _check_feasible(s, v, capacity, chosen):
    assert len(set(s[chosen].tolist())) == len(chosen)
    used = np.bincount(v[chosen], minlength=len(capacity))
    assert (used <= capacity).all()


@settings(max_examples=150, deadline=None)
@given(instances())
def test_small_rounds_equal_the_brute_force_optimum(instance):
    s, v, w, cap = instance
    chosen = assign(s, v, w, cap)
    _check_feasible(s, v, cap, chosen)
    assert int(w[chosen].sum()) == brute_force(s, v, w, cap)


def test_a_larger_round_scores_at_least_the_greedy_baseline():
    seekers, vacancies, dist = world(3000, 600, seed=7)
    index = Index.of_vacancies(vacancies)
    s, v, values = candidate_pairs(seekers, vacancies, index, dist, top_l=8)
    w = int_scores(values)
    cap = vacancies.headcount.astype(np.int64)
    optimal, base = assign(s, v, w, cap), greedy(s, v, w, cap)
    _check_feasible(s, v, cap, optimal)
    _check_feasible(s, v, cap, base)
    assert w[optimal].sum() >= w[base].sum()
    assert len(optimal) > 0


def test_greedy_is_beaten_where_it_takes_the_wrong_pair():
    # Person 0 likes both jobs, person 1 only job 0: greedy gives job 0 to person 0 and stops.
    s, v = np.array([0, 0, 1]), np.array([0, 1, 0])
    w, cap = np.array([10, 9, 8]), np.array([1, 1])
    assert w[assign(s, v, w, cap)].sum() == 17
    assert w[greedy(s, v, w, cap)].sum() == 10


def test_candidates_are_lawful_and_recommendations_list_their_factors():
    seekers, vacancies, dist = world(500, 200, seed=3)
    index = Index.of_vacancies(vacancies)
    e9 = int(np.flatnonzero(seekers.status == 7)[0])
    found, _, _ = recommend_for_seeker(seekers, vacancies, index, e9, dist)
    assert found.size == 0  # E-9: the EPS path, never offered jobs
    person = int(np.flatnonzero(seekers.status == 0)[0])
    found, values, parts = recommend_for_seeker(seekers, vacancies, index, person, dist, k=5)
    assert (values[:-1] >= values[1:]).all()
    assert set(parts) >= {"occupation", "korean", "wage", "distance", "housing", "language", "experience"}
    shortlist, _, _ = recommend_for_vacancy(seekers, vacancies, 0, dist)
    assert len(shortlist) <= 3 * vacancies.headcount[0]
    assert 7 not in seekers.status[shortlist]


def test_exposure_spreads_recommendations_away_from_overshown_vacancies():
    seekers, vacancies, dist = world(500, 200, seed=5)
    index = Index.of_vacancies(vacancies)
    person = int(np.flatnonzero(seekers.status == 1)[0])
    found, _, _ = recommend_for_seeker(seekers, vacancies, index, person, dist, k=3)
    exposure = np.zeros(len(vacancies))
    exposure[found[0]] = 10_000
    again, _, _ = recommend_for_seeker(seekers, vacancies, index, person, dist, k=3, exposure=exposure)
    assert found[0] not in again[:1]


def test_congestion_reports_how_concentrated_showings_are():
    assert congestion(np.array([100] + [0] * 19))["top_decile_share"] == 1.0
    even = congestion(np.ones(20, dtype=np.int64))
    assert even["top_decile_share"] == 0.1 and even["never_shown"] == 0
