"""Screening a population against one program on one day, with explanations."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

import numpy as np

from ieum.visas.engine.params import ParamSet
from ieum.visas.engine.population import Population
from ieum.visas.engine.programs import MET, NOT_MET, PROGRAMS, UNKNOWN, Context, Program

ELIGIBLE, ONE_CHANGE, NOT_ELIGIBLE = "eligible", "one_change", "not_eligible"
STATE_NAMES = {int(MET): "met", int(NOT_MET): "not_met", int(UNKNOWN): "unknown"}

__all__ = ["ELIGIBLE", "MET", "NOT_ELIGIBLE", "NOT_MET", "ONE_CHANGE", "UNKNOWN", "Screening", "screen"]

DeclinePeriods = Iterable[tuple[str, dt.date | None, dt.date | None]]


def decline_on(periods: DeclinePeriods, day: dt.date) -> frozenset[str]:
    return frozenset(
        code
        for code, start, end in periods
        if (start is None or start <= day) and (end is None or day <= end)
    )


@dataclass
class Screening:
    program: Program
    as_of: dt.date
    params: dict[str, Any]
    population: Population
    states: np.ndarray  # (people, criteria) of MET / NOT_MET / UNKNOWN
    outcome: np.ndarray  # ELIGIBLE / ONE_CHANGE / NOT_ELIGIBLE per person
    blocking: np.ndarray  # for ONE_CHANGE: the index of the one criterion to change, else -1

    @property
    def codes(self) -> list[str]:
        return [c.code for c in self.program.criteria]

    def counts(self) -> dict[str, int]:
        values, counts = np.unique(self.outcome, return_counts=True)
        out = {ELIGIBLE: 0, ONE_CHANGE: 0, NOT_ELIGIBLE: 0}
        out.update({str(v): int(c) for v, c in zip(values, counts, strict=True)})
        return out

    def explain(self, row: int) -> list[dict[str, Any]]:
        """Per criterion: its code, state, the parameters it applied and the evidence it read."""
        out = []
        for j, criterion in enumerate(self.program.criteria):
            evidence = {}
            for name in criterion.evidence:
                value = getattr(self.population, name)[row]
                evidence[name] = _plain(value)
            out.append(
                {
                    "code": criterion.code,
                    "state": STATE_NAMES[int(self.states[row, j])],
                    "params": {k: self.params.get(k) for k in criterion.uses},
                    "evidence": evidence,
                }
            )
        return out

    def change(self, row: int) -> str | None:
        j = int(self.blocking[row])
        return self.program.criteria[j].code if j >= 0 else None


def _plain(value: Any) -> Any:
    if isinstance(value, np.datetime64):
        return None if np.isnat(value) else str(value)
    if isinstance(value, np.generic):
        return value.item()
    return value


def screen(
    program_code: str,
    population: Population,
    *,
    as_of: dt.date,
    params: ParamSet,
    decline_periods: DeclinePeriods,
) -> Screening:
    program = PROGRAMS[program_code]
    in_force = params.on(program.code, as_of)
    ctx = Context(
        as_of=np.datetime64(as_of, "D"), decline=decline_on(decline_periods, as_of), params=in_force
    )
    n = len(population)
    states = np.empty((n, len(program.criteria)), dtype="i1")
    for j, criterion in enumerate(program.criteria):
        states[:, j] = criterion.test(population, ctx)
    failing = states != MET
    n_failing = failing.sum(axis=1)
    changeable = np.array([c.changeable for c in program.criteria], dtype=bool)
    first_failing = np.where(n_failing > 0, failing.argmax(axis=1), -1)
    one_change = (n_failing == 1) & changeable[np.clip(first_failing, 0, None)]
    outcome = np.full(n, NOT_ELIGIBLE, dtype="U12")
    outcome[n_failing == 0] = ELIGIBLE
    outcome[one_change] = ONE_CHANGE
    blocking = np.where(one_change, first_failing, -1)
    return Screening(program, as_of, in_force, population, states, outcome, blocking)
