"""The projection and policy engines against small cases computed by hand (numbers in comments)."""

from __future__ import annotations

import numpy as np
import pytest

from ieum.insights.policy import Assumptions, QuotaLine, simulate
from ieum.insights.projection import Rates, labor_gap, location_quotients, project, step, working_age

POP = np.array([[100.0, 80.0, 50.0], [100.0, 90.0, 60.0]])  # [male, female] × [0-4, 5-9, 10+]
RATES = Rates(
    survival=np.array([[0.9, 0.8, 0.5], [1.0, 0.9, 0.6]]),
    fertility=np.array([0.0, 0.1, 0.0]),
    migration=np.zeros((2, 3)),
    sex_ratio_at_birth=1.0,
)


def test_one_cohort_component_step_matches_the_hand_computation():
    # Men: 5-9 ← 100·0.9 = 90; 10+ ← 80·0.8 + 50·0.5 = 89.
    # Women: 5-9 ← 100·1.0 = 100; 10+ ← 90·0.9 + 60·0.6 = 117.
    # Births: 5 years · 0.1 · (90 + 100)/2 women = 47.5, half boys, half girls = 23.75 each.
    assert step(POP, RATES) == pytest.approx(np.array([[23.75, 90.0, 89.0], [23.75, 100.0, 117.0]]))


def test_net_migration_scales_each_group_after_survival():
    migrating = Rates(
        RATES.survival, RATES.fertility, np.array([[0.1] * 3, [0.0] * 3]), sex_ratio_at_birth=1.0
    )
    # Men gain 10 %: 23.75·1.1, 90·1.1, 89·1.1.
    assert step(POP, migrating)[0] == pytest.approx([26.125, 99.0, 97.9])


def test_projection_and_working_age_over_two_steps():
    result = project(POP, RATES, steps=2)
    assert result.shape == (3, 2, 3)
    assert result[1] == pytest.approx(step(POP, RATES))
    # Groups 5-9 and 10+ are "5 to 14" for this toy: start 80+50+90+60 = 280, then 90+89+100+117 = 396.
    assert working_age(result, lower=5, upper=14)[:2] == pytest.approx([280.0, 396.0])


def test_the_labor_gap_follows_working_age_against_demand():
    # Working age falls 10 % then 20 %; 100 employed + 10 vacancies in one industry, 50 + 0 in another.
    gap = labor_gap(np.array([1000.0, 900.0, 800.0]), np.array([100.0, 50.0]), np.array([10.0, 0.0]))
    assert gap == pytest.approx(np.array([[10.0, 0.0], [20.0, 5.0], [30.0, 10.0]]))


def test_location_quotients():
    # Area A: 30 of 40 in shipbuilding; the province: 40 of 100 → LQ = 0.75 / 0.4 = 1.875.
    lq = location_quotients(np.array([[30.0, 10.0], [10.0, 50.0]]))
    assert lq[0, 0] == pytest.approx(1.875)
    assert lq[1, 1] == pytest.approx((50 / 60) / (60 / 100))


def test_the_policy_model_matches_the_hand_computation():
    a = Assumptions(
        start_year=2026,
        years=3,
        quotas=(QuotaLine("E-7-4R", "C31", "46830", 100), QuotaLine("F-2-R", "C31", "46830", 10)),
        retention={"E-7-4R": 0.8, "F-2-R": 0.9},
        fill_rate=0.9,
        grant_reach=0.5,
        grant_effect=0.1,
        korean_seats=20,
        korean_completion=0.5,
        gap={"C31": 200.0},
    )
    years = simulate(a)
    # E-7-4R keeps 0.8 + 0.5·0.1 = 0.85: 90, 90·0.85+90 = 166.5, 166.5·0.85+90 = 231.525.
    # F-2-R keeps 0.95: 9, 17.55, 25.6725. Workforce 99, 184.05, 257.1975.
    assert [y.workforce for y in years] == [99, 184, 257]
    assert [y.year for y in years] == [2026, 2027, 2028]
    # Gap of 200 closed: 99/200, 184.05/200, then all of it.
    assert [y.gap_closed for y in years] == pytest.approx([0.495, 0.92025, 1.0])
    # Settled: F-2-R holders + 10 Korean-class completers a year: 19, 37.55, 55.67.
    assert [y.settled for y in years] == [19, 38, 56]
    assert [y.grant_recipients for y in years] == [50, 92, 129]
