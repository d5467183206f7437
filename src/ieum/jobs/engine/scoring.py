"""Scores of seeker–vacancy pairs with their factors, on arrays (numpy, no Django).

Each factor is in [0, 1]; the score is their weighted sum, so an explanation is the list of
weighted factors and they add up to the score. Integer scores (×1000) feed the matching round.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

WEIGHTS: dict[str, float] = {
    "occupation": 0.30,
    "experience": 0.15,
    "korean": 0.15,
    "wage": 0.15,
    "distance": 0.15,
    "housing": 0.05,
    "language": 0.05,
}
SCALE = 1000
# KSCO closeness (facts.md §6: major 1 digit, sub-major 2, minor 3, unit 4): same unit scores most.
CLOSENESS = {4: 1.0, 3: 0.7, 2: 0.45, 1: 0.25}
DISTANCE_KM = 40.0  # the distance at which the commute factor falls to 1/e


@dataclass
class Seekers:
    """One row per seeker. Occupation codes are 4-digit KSCO units as int (a shorter code padded
    with zeros); experience has E columns, -1 where empty."""

    exp_ksco: np.ndarray  # (n, E) int32
    exp_years: np.ndarray  # (n, E) float32
    korean: np.ndarray  # (n,) int8, 0–6 (TOPIK level or KIIP stage)
    wage: np.ndarray  # (n,) int32 wanted KRW per hour
    county: np.ndarray  # (n,) int16 index into the distance table
    reach: np.ndarray  # (n, W) int16 counties the person would work in (own first), -1 padded
    needs_housing: np.ndarray  # (n,) bool
    languages: np.ndarray  # (n,) int64 bit mask
    status: np.ndarray  # (n,) int16 index into the status list
    area_rule: np.ndarray  # (n,) int8, see lawfulness.area_rule
    bound_county: np.ndarray  # (n,) int16, -1 if none
    hours_cap: np.ndarray  # (n,) int16

    def __len__(self) -> int:
        return int(self.korean.shape[0])


@dataclass
class Vacancies:
    ksco: np.ndarray  # (m,) int32
    county: np.ndarray  # (m,) int16
    wage: np.ndarray  # (m,) int32 KRW per hour
    korean_req: np.ndarray  # (m,) int8
    housing: np.ndarray  # (m,) bool
    languages: np.ndarray  # (m,) int64 bit mask of languages spoken at the workplace
    headcount: np.ndarray  # (m,) int32 open seats
    hours: np.ndarray  # (m,) int16
    status_ok: np.ndarray  # (m, S) bool: lawful for the status regardless of the person's place
    decline_county: np.ndarray  # (C,) bool: county is a decline area (for the area rules)

    def __len__(self) -> int:
        return int(self.ksco.shape[0])


def ksco_int(code: str) -> int:
    digits = "".join(c for c in code if c.isdigit())[:4]
    return int(digits.ljust(4, "0")) if digits else -1


def closeness(a: np.ndarray, b: np.ndarray) -> np.ndarray:
    """KSCO hierarchy closeness of two int code arrays (broadcasting); 0 where either is -1."""
    out = np.zeros(np.broadcast(a, b).shape, dtype=np.float32)
    valid = (a >= 0) & (b >= 0)
    for digits, value in sorted(CLOSENESS.items()):
        div = 10 ** (4 - digits)
        out = np.where(valid & (a // div == b // div), np.float32(value), out)
    return out


def factors(s: Seekers, v: Vacancies, si: np.ndarray, vi: np.ndarray, dist: np.ndarray) -> dict:
    """Unweighted factors of pairs (si[k], vi[k]); si and vi broadcast against each other."""
    vk = v.ksco[vi]
    close = np.zeros(np.broadcast(si, vi).shape, dtype=np.float32)
    years = np.zeros_like(close)
    for e in range(s.exp_ksco.shape[1]):
        c = closeness(s.exp_ksco[si, e], vk)
        better = c > close
        close = np.where(better, c, close)
        # Experience counts only in close occupations (same minor group or nearer).
        y = np.where(c >= CLOSENESS[3], s.exp_years[si, e], 0.0)
        years = np.maximum(years, y)
    gap = v.korean_req[vi].astype(np.float32) - s.korean[si]
    wanted = np.maximum(s.wage[si], 1).astype(np.float32)
    short = np.clip((wanted - v.wage[vi]) / wanted, 0.0, None)
    km = dist[s.county[si], v.county[vi]]
    return {
        "occupation": close,
        "experience": np.minimum(years / 3.0, 1.0).astype(np.float32),
        "korean": np.clip(1.0 - 0.5 * gap, 0.0, 1.0).astype(np.float32),
        "wage": np.clip(1.0 - 4.0 * short, 0.0, 1.0).astype(np.float32),
        "distance": np.exp(-km / DISTANCE_KM).astype(np.float32),
        "housing": np.where(s.needs_housing[si] & ~v.housing[vi], 0.0, 1.0).astype(np.float32),
        "language": np.where((s.languages[si] & v.languages[vi]) != 0, 1.0, 0.3).astype(np.float32),
    }


def score(parts: dict) -> np.ndarray:
    total = None
    for name, weight in WEIGHTS.items():
        term = parts[name] * np.float32(weight)
        total = term if total is None else total + term
    if total is None:
        raise ValueError("no scoring factor has a weight")
    return total


def int_scores(values: np.ndarray) -> np.ndarray:
    return np.rint(values * SCALE).astype(np.int64)


def lawful(s: Seekers, v: Vacancies, si: np.ndarray, vi: np.ndarray) -> np.ndarray:
    """The array form of the lawfulness rules: status allowed for the job, area and hours rules."""
    ok = v.status_ok[vi, s.status[si]]
    ok &= v.hours[vi] <= s.hours_cap[si]
    area = s.area_rule[si]
    vc = v.county[vi]
    same = vc == s.bound_county[si]
    ok &= (area == 0) | same | ((area == 2) & v.decline_county[vc])
    return ok


def explain(parts: dict, k: int) -> list[tuple[str, float, float]]:
    """(factor, value, weighted points) of pair k, largest contribution first."""
    rows = [(name, float(parts[name].flat[k]), float(parts[name].flat[k]) * w) for name, w in WEIGHTS.items()]
    return sorted(rows, key=lambda row: -row[2])
