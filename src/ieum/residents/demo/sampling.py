"""Small helpers for seeded sampling and dates; every function takes the caller's Random."""

from __future__ import annotations

import datetime as dt
import itertools
import random
from collections.abc import Hashable, Mapping, Sequence
from typing import Generic, TypeVar

K = TypeVar("K", bound=Hashable)
YEAR = 365.25


class Weighted(Generic[K]):
    """Draw keys with fixed weights, by bisection on precomputed cumulative weights."""

    def __init__(self, weights: Mapping[K, float] | Sequence[tuple[K, float]]) -> None:
        items = list(weights.items()) if isinstance(weights, Mapping) else list(weights)
        items = [(k, w) for k, w in items if w > 0]
        if not items:
            raise ValueError("nothing to draw from")
        self.keys = [k for k, _ in items]
        self.cum = list(itertools.accumulate(w for _, w in items))

    def __call__(self, rng: random.Random) -> K:
        return rng.choices(self.keys, cum_weights=self.cum)[0]


def years_before(day: dt.date, years: float) -> dt.date:
    return day - dt.timedelta(days=round(years * YEAR))


def years_after(day: dt.date, years: float) -> dt.date:
    return day + dt.timedelta(days=round(years * YEAR))


def age_on(birth: dt.date, day: dt.date) -> int:
    return day.year - birth.year - ((day.month, day.day) < (birth.month, birth.day))


def between(rng: random.Random, start: dt.date, end: dt.date) -> dt.date:
    if end <= start:
        return start
    return start + dt.timedelta(days=rng.randrange((end - start).days + 1))


def triangular(rng: random.Random, spec: tuple[float, float, float]) -> float:
    low, mode, high = spec
    return rng.triangular(low, high, mode)
