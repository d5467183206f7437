"""Reads for analytics. Everything here is de-identified: counts with small cells suppressed
(privacy.deidentify), sums over survey answers, population tables — never a person's row.

Definitions (facts.md §3.1: dashboards must say which count they use): "registered residents"
are the active records of Ieum's registry, not MOIS 외국인주민 or census foreigners.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter, defaultdict
from typing import Any

import numpy as np
from django.db.models import Count, OuterRef, Subquery
from django.utils import timezone

from ieum.insights import projection
from ieum.insights.models import PopulationRow, VitalRate
from ieum.privacy.deidentify import SMALL_CELL, suppress_small_cells
from ieum.residents.models import Resident, VisaRecord
from ieum.surveys.models import Answer, Submission, Survey

EMPLOYER_SURVEY = "jeonnam_employer_survey"
RESIDENT_SURVEY = "jeonnam_resident_survey"
AGE_GROUPS = [f"{a}-{a + 4}" for a in range(0, 85, 5)] + ["85+"]


def _current_visa(on: dt.date) -> Subquery:
    return Subquery(
        VisaRecord.objects.filter(resident=OuterRef("pk"), valid_from__lte=on)
        .order_by("-valid_from", "-pk")
        .values("status__code")[:1]
    )


def residents_cube(*, on: dt.date | None = None) -> list[dict[str, object]]:
    """Registered residents by city/county × nationality × current status of stay, small cells
    suppressed. (The registry records no industry; industry comes from the surveys below.)"""
    on = on or timezone.localdate()
    rows = (
        Resident.objects.active()
        .annotate(visa=_current_visa(on))
        .values_list("municipality__name_ko", "nationality__alpha2", "visa")
    )
    return suppress_small_cells(Counter((c or "", n or "", v or "") for c, n, v in rows))


def residents_by_county(*, on: dt.date | None = None) -> list[tuple[str, int | None]]:
    """For the chart: a county under the small-cell threshold shows no bar."""
    rows = (
        Resident.objects.active()
        .values("municipality__name_ko")
        .annotate(n=Count("pk"))
        .order_by("-n", "municipality__name_ko")
    )
    return [(r["municipality__name_ko"] or "—", r["n"] if r["n"] >= SMALL_CELL else None) for r in rows]


def answer_counts(*, survey_id: int, question: str) -> list[tuple[str, int]]:
    """How many submissions chose each value: one indexed GROUP BY over the analysed answers
    (bench_surveys: 1,000,000 submissions in well under a second)."""
    rows = (
        Answer.objects.filter(survey_id=survey_id, question=question)
        .values_list("value")
        # COUNT(value), not COUNT(id): every column it reads is in the index (index-only scan).
        .annotate(n=Count("value"))
        .order_by("-n", "value")
    )
    return [(value, n) for value, n in rows]


def _submissions(id_string: str):
    survey = Survey.objects.filter(id_string=id_string).first()
    if survey is None:
        return []
    return (
        Submission.objects.filter(survey=survey)
        .exclude(status=Submission.Status.REJECTED)
        .values_list("data", flat=True)
        .iterator(chunk_size=2000)
    )


def _int(value: Any) -> int:
    try:
        return max(0, int(float(value)))
    except (TypeError, ValueError):
        return 0


def labor_demand() -> dict[tuple[str, str], dict[str, int]]:
    """(industry, county) → employed, vacancies, hard-to-fill, from the employer survey."""
    cells: dict[tuple[str, str], dict[str, int]] = defaultdict(lambda: Counter())
    for data in _submissions(EMPLOYER_SURVEY):
        key = (data.get("industry", ""), data.get("county", ""))
        cell = cells[key]
        cell["firms"] += 1
        for row in data.get("occupation") or []:
            cell["employed"] += _int(row.get("employed"))
            cell["vacancies"] += _int(row.get("vacancies"))
            cell["hard_to_fill"] += _int(row.get("hard_to_fill"))
    return dict(cells)


def labor_supply() -> dict[tuple[str, str], int]:
    """(industry, county) → foreign residents working there, from the resident survey."""
    cells: Counter = Counter()
    for data in _submissions(RESIDENT_SURVEY):
        if data.get("works") == "yes":
            cells[(data.get("industry", ""), data.get("county", ""))] += 1
    return dict(cells)


def employment_matrix() -> tuple[list[str], list[str], np.ndarray]:
    """Counties × industries of employed workers (employer survey), for location quotients."""
    demand = labor_demand()
    counties = sorted({c for _i, c in demand})
    industries = sorted({i for i, _c in demand})
    matrix = np.zeros((len(counties), len(industries)))
    for (industry, county), cell in demand.items():
        matrix[counties.index(county), industries.index(industry)] = cell.get("employed", 0)
    return counties, industries, matrix


def population_counties() -> list[tuple[str, str]]:
    return list(
        PopulationRow.objects.values_list("county_code", "county_name").distinct().order_by("county_code")
    )


def population_inputs(county_code: str) -> tuple[int, np.ndarray, projection.Rates] | None:
    """The latest base year of a county as [sex, age] and the rates valid then."""
    rows = PopulationRow.objects.filter(county_code=county_code)
    year = rows.order_by("-year").values_list("year", flat=True).first()
    if year is None:
        return None
    pop = np.zeros((2, len(AGE_GROUPS)))
    for sex, group, n in rows.filter(year=year).values_list("sex", "age_group", "population"):
        pop[0 if sex == "M" else 1, AGE_GROUPS.index(group)] = n
    base = dt.date(year, 1, 1)
    rates = VitalRate.objects.filter(valid_from__lte=base).exclude(valid_to__lt=base)
    survival, migration = np.ones((2, len(AGE_GROUPS))), np.zeros((2, len(AGE_GROUPS)))
    fertility = np.zeros(len(AGE_GROUPS))
    for r in rates.order_by("valid_from"):
        s, a = (0 if r.sex == "M" else 1), AGE_GROUPS.index(r.age_group)
        survival[s, a], migration[s, a] = r.survival, r.migration
        if s == 1:
            fertility[a] = r.fertility
    return year, pop, projection.Rates(survival=survival, fertility=fertility, migration=migration)


def working_age_projection(county_code: str, steps: int = 4) -> tuple[list[int], list[float]] | None:
    inputs = population_inputs(county_code)
    if inputs is None:
        return None
    year, pop, rates = inputs
    series = projection.working_age(projection.project(pop, rates, steps))
    return [year + projection.STEP_YEARS * i for i in range(steps + 1)], [float(v) for v in series]


def labor_gap_by_industry(county_codes: list[str], steps: int = 4) -> tuple[list[int], list[str], np.ndarray]:
    """Years, industries and the gap [years, industries] for the given counties together."""
    demand = labor_demand()
    industries = sorted({i for i, c in demand if c in county_codes})
    employed = np.array(
        [sum(demand[(i, c)]["employed"] for c in county_codes if (i, c) in demand) for i in industries]
    )
    vacancies = np.array(
        [sum(demand[(i, c)]["vacancies"] for c in county_codes if (i, c) in demand) for i in industries]
    )
    total = None
    years: list[int] = []
    for code in county_codes:
        result = working_age_projection(code, steps)
        if result is None:
            continue
        years, series = result
        total = np.array(series) if total is None else total + np.array(series)
    if total is None or not industries:
        return years, industries, np.zeros((len(years), len(industries)))
    return years, industries, projection.labor_gap(total, employed, vacancies)
