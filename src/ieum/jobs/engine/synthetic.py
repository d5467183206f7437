"""Deterministic synthetic seekers and vacancies for tests and `make bench` (numpy, seeded)."""

from __future__ import annotations

import numpy as np

from ieum.jobs.engine.scoring import Seekers, Vacancies

# Status list of the synthetic world: index → (may work freely, area-bound, hours cap).
STATUSES = ("F-2", "F-5", "F-6", "F-4", "F-2-R", "E-7-4R", "D-2", "E-9")


def distances(n_counties: int, rng: np.random.Generator) -> np.ndarray:
    points = rng.uniform(0, 150, size=(n_counties, 2))
    return np.sqrt(((points[:, None, :] - points[None, :, :]) ** 2).sum(axis=2)).astype(np.float32)


def world(
    n_seekers: int, n_vacancies: int, *, seats: int | None = None, n_counties: int = 22, seed: int = 1
) -> tuple[Seekers, Vacancies, np.ndarray]:
    rng = np.random.default_rng(seed)
    dist = distances(n_counties, rng)
    nearest = np.argsort(dist, axis=1)[:, :3]  # own county first (distance 0), then the two nearest
    units = rng.integers(0, 40, size=n_seekers)  # 40 occupation units spread over 10 major groups
    unit_code = lambda u: (u % 10) * 1000 + (u // 10) * 110 + 10  # noqa: E731
    county = rng.integers(0, n_counties, size=n_seekers).astype(np.int16)
    status = rng.choice(len(STATUSES), size=n_seekers, p=[0.2, 0.2, 0.15, 0.15, 0.1, 0.1, 0.05, 0.05])
    area = np.where(np.isin(status, [4, 5]), 1, 0).astype(np.int8)
    seekers = Seekers(
        exp_ksco=unit_code(units)[:, None].astype(np.int32),
        exp_years=rng.integers(0, 8, size=(n_seekers, 1)).astype(np.float32),
        korean=rng.integers(0, 7, size=n_seekers).astype(np.int8),
        wage=rng.integers(10_320, 16_000, size=n_seekers).astype(np.int32),
        county=county,
        reach=nearest[county].astype(np.int16),
        needs_housing=rng.random(n_seekers) < 0.4,
        languages=(1 << rng.integers(0, 12, size=n_seekers)).astype(np.int64) | 1,
        status=status.astype(np.int16),
        area_rule=area,
        bound_county=np.where(area > 0, county, -1).astype(np.int16),
        hours_cap=np.where(status == 6, 25, 999).astype(np.int16),
    )
    vunits = rng.integers(0, 40, size=n_vacancies)
    if seats is None:
        headcount = rng.integers(1, 6, size=n_vacancies)
    else:
        headcount = np.ones(n_vacancies, dtype=np.int64)
        extra = rng.choice(n_vacancies, size=max(seats - n_vacancies, 0))
        np.add.at(headcount, extra, 1)
    status_ok = np.ones((n_vacancies, len(STATUSES)), dtype=bool)
    status_ok[:, STATUSES.index("E-9")] = False  # the EPS path, never offered
    hours = rng.choice([20, 25, 40, 48], size=n_vacancies, p=[0.1, 0.1, 0.6, 0.2]).astype(np.int16)
    vacancies = Vacancies(
        ksco=unit_code(vunits).astype(np.int32),
        county=rng.integers(0, n_counties, size=n_vacancies).astype(np.int16),
        wage=rng.integers(10_320, 17_000, size=n_vacancies).astype(np.int32),
        korean_req=rng.integers(0, 5, size=n_vacancies).astype(np.int8),
        housing=rng.random(n_vacancies) < 0.5,
        languages=(1 << rng.integers(0, 12, size=n_vacancies)).astype(np.int64) | 1,
        headcount=headcount.astype(np.int32),
        hours=hours,
        status_ok=status_ok,
        decline_county=rng.random(n_counties) < 0.7,
    )
    return seekers, vacancies, dist
