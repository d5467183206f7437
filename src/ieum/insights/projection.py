"""Cohort-component population projection in 5-year steps, and what it means for labour: pure
numpy, no Django (selectors feed it arrays built from the imported population tables).

Arrays are indexed [sex, age group] with sex 0 = male, 1 = female and age groups of 5 years, the
last one open-ended (e.g. 85+). One step moves every cohort up one group:

    survivors[s, a+1] = pop[s, a] · S[s, a]                 (S: 5-year survival ratio)
    survivors[s, last] += pop[s, last] · S[s, last]          (the open group keeps its survivors)
    births = 5 · Σa F[a] · (women[a] at start + women[a] at end) / 2     (F: annual births per woman)
    newborns[s] = births · share[s] · S0[s]                   (share by the sex ratio at birth)
    after migration: pop'[s, a] = survivors[s, a] · (1 + M[s, a])        (M: 5-year net migration rate)

This is the textbook method (Preston, Heuveline & Guillot, Demography, ch. 6) at the level of
detail of KOSIS's 5-year tables.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

STEP_YEARS = 5
SEX_RATIO_AT_BIRTH = 1.05  # boys per girl


@dataclass(frozen=True)
class Rates:
    survival: np.ndarray  # [2, A] 5-year survival ratios
    fertility: np.ndarray  # [A] annual births per woman in each group (0 outside 15–49)
    migration: np.ndarray  # [2, A] net migration per 5 years, as a share of the group
    birth_survival: np.ndarray | None = None  # [2] share of births alive at the end of the step
    sex_ratio_at_birth: float = SEX_RATIO_AT_BIRTH


def step(pop: np.ndarray, rates: Rates) -> np.ndarray:
    """The population five years later."""
    pop = np.asarray(pop, dtype=float)
    survivors = np.zeros_like(pop)
    survivors[:, 1:] = pop[:, :-1] * rates.survival[:, :-1]
    survivors[:, -1] += pop[:, -1] * rates.survival[:, -1]
    women_mid = (pop[1] + survivors[1]) / 2
    births = STEP_YEARS * float(np.dot(rates.fertility, women_mid))
    girls = 1.0 / (1.0 + rates.sex_ratio_at_birth)
    share = np.array([1.0 - girls, girls])
    birth_survival = rates.birth_survival if rates.birth_survival is not None else np.ones(2)
    survivors[:, 0] = births * share * birth_survival
    return survivors * (1.0 + rates.migration)


def project(pop: np.ndarray, rates: Rates, steps: int) -> np.ndarray:
    """[steps + 1, 2, A]: the start and each 5-year step after it."""
    out = np.empty((steps + 1, *np.shape(pop)))
    out[0] = pop
    for index in range(steps):
        out[index + 1] = step(out[index], rates)
    return out


def working_age(projection: np.ndarray, lower: int = 15, upper: int = 64) -> np.ndarray:
    """People aged lower..upper (inclusive, on 5-year group bounds) at each step, both sexes."""
    first, last = lower // STEP_YEARS, upper // STEP_YEARS
    return projection[..., first : last + 1].sum(axis=(-1, -2))


def labor_gap(
    working_age_series: np.ndarray, employed_by_industry: np.ndarray, vacancies_by_industry: np.ndarray
) -> np.ndarray:
    """[steps + 1, industries]: demand minus supply. Supply follows the working-age population
    from today's employed; demand stays at today's employed plus vacancies (the employer survey)."""
    scale = np.asarray(working_age_series, dtype=float) / float(working_age_series[0])
    employed = np.asarray(employed_by_industry, dtype=float)
    demand = employed + np.asarray(vacancies_by_industry, dtype=float)
    return demand[None, :] - scale[:, None] * employed[None, :]


def location_quotients(employment: np.ndarray) -> np.ndarray:
    """[areas, industries] → LQ = (e_ai / e_a) / (E_i / E); NaN where an area or industry is empty.
    Above 1: the area is more specialised in the industry than the province."""
    e = np.asarray(employment, dtype=float)
    area = e.sum(axis=1, keepdims=True)
    industry = e.sum(axis=0, keepdims=True)
    total = e.sum()
    with np.errstate(divide="ignore", invalid="ignore"):
        return (e / area) / (industry / total)
