"""The programs and their criteria (facts.md §1.2–1.4). Each criterion is a function of the
population, the parameters in force and the context, answering MET / NOT_MET / UNKNOWN for
every row at once; `fix` names what would change the outcome (rendered by ieum.visas.texts)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import numpy as np

from ieum.visas.engine.population import Population

MET, NOT_MET, UNKNOWN = np.int8(1), np.int8(0), np.int8(-1)
ASSOCIATE = 3  # Education.RANK["associate"]


@dataclass(frozen=True)
class Context:
    as_of: np.datetime64
    decline: frozenset[str]  # municipality codes designated as decline (or interest) areas that day
    params: dict[str, Any]  # the program's parameters in force that day, by short name


def _states(met: np.ndarray, unknown: np.ndarray) -> np.ndarray:
    out = np.where(met, MET, NOT_MET).astype("i1")
    out[unknown & ~met] = UNKNOWN
    return out


def _years_ago(day: np.datetime64, years: float) -> np.datetime64:
    return day - np.timedelta64(int(round(365.25 * years)), "D")


def in_force(pop: Population, ctx: Context) -> np.ndarray:
    start = ctx.params.get("start")
    end = ctx.params.get("end")
    ok = (start is None or np.datetime64(start, "D") <= ctx.as_of) and (
        end is None or ctx.as_of <= np.datetime64(end, "D")
    )
    return np.full(len(pop), MET if ok else NOT_MET, dtype="i1")


def status_not_excluded(pop: Population, ctx: Context) -> np.ndarray:
    excluded = np.isin(pop.status, list(ctx.params["excluded_statuses"]))
    return _states(~excluded & (pop.status != ""), pop.status == "")


def status_is_feeder(pop: Population, ctx: Context) -> np.ndarray:
    return _states(np.isin(pop.status, list(ctx.params["feeder_statuses"])), pop.status == "")


def degree_or_income(pop: Population, ctx: Context) -> np.ndarray:
    degree = pop.degree >= ASSOCIATE
    income = (pop.income >= 0) & (pop.income >= int(ctx.params["income_threshold"]))
    unknown = (pop.degree < 0) | (pop.income < 0)
    return _states(degree | income, unknown)


def korean_level(pop: Population, ctx: Context) -> np.ndarray:
    level = int(ctx.params["korean_min"])
    met = (pop.topik >= level) | (pop.kiip >= level)
    return _states(met, (pop.topik < 0) & (pop.kiip < 0))


def home_in_decline_area(pop: Population, ctx: Context) -> np.ndarray:
    return _states(np.isin(pop.home, list(ctx.decline)) & (pop.home != ""), pop.home == "")


def workplace_in_home_area(pop: Population, ctx: Context) -> np.ndarray:
    return _states((pop.work == pop.home) & (pop.work != ""), (pop.work == "") | (pop.home == ""))


def no_recent_regional_status(pop: Population, ctx: Context) -> np.ndarray:
    since = _years_ago(ctx.as_of, float(ctx.params["repeat_years"]))
    never = np.isnat(pop.regional_end)
    return _states(never | (pop.regional_end < since), np.zeros(len(pop), dtype=bool))


def feeder_years(pop: Population, ctx: Context) -> np.ndarray:
    needed = int(round(365.25 * float(ctx.params["feeder_years"])))
    return _states(pop.feeder_days >= needed, pop.feeder_days < 0)


def wage(pop: Population, ctx: Context) -> np.ndarray:
    return _states(pop.income >= int(ctx.params["wage_min"]), pop.income < 0)


def points(pop: Population, ctx: Context) -> np.ndarray:
    return _states(pop.e74_points >= int(ctx.params["points_min"]), pop.e74_points < 0)


def ethnic_korean(pop: Population, ctx: Context) -> np.ndarray:
    return _states(pop.ethnic_korean.astype(bool), np.zeros(len(pop), dtype=bool))


def age_below(pop: Population, ctx: Context) -> np.ndarray:
    limit = _years_ago(ctx.as_of, float(ctx.params["age_max"]))
    # Under the limit: born after the day `age_max` years ago.
    return _states(~np.isnat(pop.birth) & (pop.birth > limit), np.isnat(pop.birth))


def principal_holds_status(pop: Population, ctx: Context) -> np.ndarray:
    met = np.isin(pop.principal_status, list(ctx.params["principal_statuses"]))
    return _states(met, pop.principal_status == "")


def family_relation(pop: Population, ctx: Context) -> np.ndarray:
    adult = _years_ago(ctx.as_of, float(ctx.params["child_age_max"]))
    minor = ~np.isnat(pop.birth) & (pop.birth > adult)
    met = (pop.relation == "spouse") | ((pop.relation == "child") & minor)
    unknown = (pop.relation == "") | ((pop.relation == "child") & np.isnat(pop.birth))
    return _states(met, unknown)


def lives_with_principal(pop: Population, ctx: Context) -> np.ndarray:
    met = (pop.home == pop.principal_home) & (pop.home != "")
    return _states(met, (pop.home == "") | (pop.principal_home == ""))


@dataclass(frozen=True)
class Criterion:
    code: str
    test: Callable[[Population, Context], np.ndarray]
    # Parameters the explanation quotes (short names).
    uses: tuple[str, ...] = ()
    # Evidence columns the explanation shows.
    evidence: tuple[str, ...] = ()
    # Whether a person can meet it by one change of their own (a test, a move, an income).
    changeable: bool = True


@dataclass(frozen=True)
class Program:
    code: str  # "f2r"
    status: str  # the status it leads to, "F-2-R"
    criteria: tuple[Criterion, ...]
    quota: bool = True  # F-4-R has no numeric quota (facts.md §1.3)


IN_FORCE = Criterion("in_force", in_force, ("start", "end"), (), changeable=False)
HOME_DECLINE = Criterion("home_in_decline_area", home_in_decline_area, (), ("home",))

PROGRAMS: dict[str, Program] = {
    "f2r": Program(
        "f2r",
        "F-2-R",
        (
            IN_FORCE,
            Criterion("status_not_excluded", status_not_excluded, ("excluded_statuses",), ("status",), False),
            Criterion(
                "degree_or_income",
                degree_or_income,
                ("income_threshold", "income_basis"),
                ("degree", "income"),
            ),
            Criterion("korean_level", korean_level, ("korean_min",), ("topik", "kiip")),
            HOME_DECLINE,
            Criterion("workplace_in_home_area", workplace_in_home_area, (), ("work", "home")),
            Criterion(
                "no_recent_regional_status",
                no_recent_regional_status,
                ("repeat_years",),
                ("regional_end",),
                False,
            ),
        ),
    ),
    "e74r": Program(
        "e74r",
        "E-7-4R",
        (
            IN_FORCE,
            Criterion("status_is_feeder", status_is_feeder, ("feeder_statuses",), ("status",), False),
            Criterion("feeder_years", feeder_years, ("feeder_years",), ("feeder_days",), False),
            Criterion("wage", wage, ("wage_min",), ("income",)),
            Criterion("korean_level", korean_level, ("korean_min",), ("topik", "kiip")),
            Criterion("points", points, ("points_min",), ("e74_points",)),
            HOME_DECLINE,
        ),
    ),
    "f4r": Program(
        "f4r",
        "F-4-R",
        (
            IN_FORCE,
            Criterion("is_ethnic_korean", ethnic_korean, (), ("ethnic_korean",), False),
            Criterion("status_is_feeder", status_is_feeder, ("feeder_statuses",), ("status",), False),
            Criterion("age_below", age_below, ("age_max",), ("birth",), False),
            HOME_DECLINE,
        ),
        quota=False,
    ),
    "f31r": Program(
        "f31r",
        "F-3-1R",
        (
            IN_FORCE,
            Criterion(
                "principal_holds_status",
                principal_holds_status,
                ("principal_statuses",),
                ("principal_status",),
                False,
            ),
            Criterion("family_relation", family_relation, ("child_age_max",), ("relation", "birth"), False),
            Criterion("lives_with_principal", lives_with_principal, (), ("home", "principal_home")),
        ),
        quota=False,
    ),
}
