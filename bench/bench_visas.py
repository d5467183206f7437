"""F-2-R screening of 100,000 residents with per-criterion explanations, against a row-by-row
evaluation of the same rules in the same run.

The population is synthetic and deterministic (numpy's generator with a fixed seed): statuses,
homes and workplaces across Jeonnam's 22 cities and counties, degrees, incomes, TOPIK/KIIP
levels, earlier regional statuses. The rules are the real ones (visas/rules/*.toml) and the decline
areas the region pack's (core/regions/jeonnam/decline_areas.toml). No database, no Django: the
engine is plain numpy, fed here directly.

- vectorized: `screen()` over the whole population (criteria states for every person, outcome,
  the one criterion to change) plus the explanation codes of every person;
- row_by_row (baseline): the same engine called once per person on a one-row population, for a
  sample of IEUM_BENCH_VISAS_ROWS people (default 2,000), scaled to the whole population.

Environment: IEUM_BENCH_VISAS_RESIDENTS (default 100000), IEUM_BENCH_VISAS_REPEATS (default 9).
"""

from __future__ import annotations

import datetime as dt
import os
import statistics
import sys
import time
import tomllib
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from ieum.visas.engine import Population, load_rules, screen  # noqa: E402

RESIDENTS = int(os.environ.get("IEUM_BENCH_VISAS_RESIDENTS", "100000"))
REPEATS = int(os.environ.get("IEUM_BENCH_VISAS_REPEATS", "9"))
SAMPLE = int(os.environ.get("IEUM_BENCH_VISAS_ROWS", "2000"))
SEED = 6
TARGET_MS = 1000.0
AS_OF = dt.date(2025, 9, 1)
PACK = ROOT / "src" / "ieum" / "core" / "regions" / "jeonnam" / "decline_areas.toml"
CODES = [
    "46110", "46130", "46150", "46170", "46230", "46710", "46720", "46730", "46770", "46780", "46790",
    "46800", "46810", "46820", "46830", "46840", "46860", "46870", "46880", "46890", "46900", "46910",
]  # fmt: skip
STATUSES = ["E-9", "E-7", "D-2", "D-10", "F-6", "F-4", "H-2", "E-10", "E-8", "F-2-R", "E-7-4"]
WEIGHTS = [0.37, 0.08, 0.06, 0.04, 0.11, 0.07, 0.06, 0.07, 0.08, 0.02, 0.04]


def decline_periods():
    data = tomllib.loads(PACK.read_text(encoding="utf-8"))
    return [
        (c, r.get("valid_from"), r.get("valid_to")) for r in data["designation"] for c in r["municipalities"]
    ]


def population(n: int) -> Population:
    rng = np.random.default_rng(SEED)
    pop = Population.empty(n)
    pop.status = rng.choice(STATUSES, size=n, p=np.array(WEIGHTS) / sum(WEIGHTS)).astype("U12")
    pop.home = rng.choice(CODES, size=n).astype("U10")
    same = rng.random(n) < 0.8
    pop.work = np.where(same, pop.home, rng.choice(CODES, size=n)).astype("U10")
    pop.work[rng.random(n) < 0.05] = ""
    pop.degree = rng.choice([-1, 0, 2, 3, 4, 5], size=n, p=[0.2, 0.4, 0.2, 0.08, 0.1, 0.02]).astype("i1")
    income = rng.normal(30_000_000, 6_000_000, size=n).astype("i8")
    pop.income = np.where(rng.random(n) < 0.15, -1, income)
    pop.topik = rng.choice([-1, 1, 2, 3, 4, 5], size=n, p=[0.45, 0.1, 0.15, 0.15, 0.1, 0.05]).astype("i1")
    pop.kiip = rng.choice([-1, 2, 3, 4, 5], size=n, p=[0.8, 0.05, 0.05, 0.06, 0.04]).astype("i1")
    ended = rng.random(n) < 0.03
    pop.regional_end[ended] = np.datetime64("2023-06-30")
    pop.nationality = rng.choice(["VN", "CN", "ID", "KH", "NP", "TH", "UZ"], size=n).astype("U2")
    return pop


def _ms(fn) -> float:
    started = time.perf_counter()
    fn()
    return (time.perf_counter() - started) * 1000


def _p(values: list[float], q: float) -> float:
    return float(np.percentile(values, q))


def run() -> dict:
    params = load_rules()
    periods = decline_periods()
    pop = population(RESIDENTS)

    def vectorized():
        result = screen("f2r", pop, as_of=AS_OF, params=params, decline_periods=periods)
        # Explanations for everyone: the state of every criterion (result.states) and the code of
        # the one criterion that would change the outcome.
        codes = np.array([*result.codes, ""])
        change = codes[result.blocking]
        return result, change

    vectorized()  # warm-up
    times = [_ms(vectorized) for _ in range(REPEATS)]
    result, _change = vectorized()

    sample = list(range(0, RESIDENTS, max(1, RESIDENTS // SAMPLE)))[:SAMPLE]
    per_row: list[float] = []
    disagreements = 0
    for i in sample:
        started = time.perf_counter()
        one = screen("f2r", pop.take([i]), as_of=AS_OF, params=params, decline_periods=periods)
        per_row.append((time.perf_counter() - started) * 1000)
        disagreements += int(one.outcome[0] != result.outcome[i])
    row_total_ms = statistics.median(per_row) * RESIDENTS
    row_p95_total_ms = _p(per_row, 95) * RESIDENTS
    counts = result.counts()
    p95 = _p(times, 95)
    return {
        "residents": RESIDENTS,
        "seed": SEED,
        "as_of": AS_OF.isoformat(),
        "outcomes": counts,
        "row_by_row_sample": len(sample),
        "row_by_row_ms_per_person_p50": round(statistics.median(per_row), 4),
        "row_by_row_disagreements": disagreements,
        "summary": [
            {
                "backend": "numpy",
                "case": "f2r_screen_with_explanations",
                "n": RESIDENTS,
                "p50_ms": round(_p(times, 50), 1),
                "p95_ms": round(p95, 1),
                "baseline_p50_ms": round(row_total_ms, 1),
                "baseline_p95_ms": round(row_p95_total_ms, 1),
                "target_p95_ms": TARGET_MS,
                "ok": p95 <= TARGET_MS and disagreements == 0,
            }
        ],
    }


if __name__ == "__main__":
    import json

    print(json.dumps(run(), indent=2))
