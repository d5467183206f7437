"""Resident search latency on 100,000 demo residents: search_residents against a naive scan.

Builds a fresh database per backend — an SQLite file in a temporary folder, and, when
DATABASE_URL points at PostgreSQL, a separate database `ieum_bench` that it creates and drops —
migrates, loads the region pack and the demo residents, then times a few hundred queries of each
kind: a Latin name prefix as a counselor types it, the full Hangul name, the full native-script
name, a phone number, an alien registration number. The baseline is the same queries as a naive
`icontains` OR-scan over the three name columns, in the same run on the same data.

Each backend runs in a child process (`python bench/bench_resident_search.py --child`), so that
Django is set up once per database. Environment: IEUM_BENCH_RESIDENTS (default 100000),
IEUM_BENCH_QUERIES (default 300 per kind), IEUM_BENCH_BASELINE_QUERIES (default 60 per kind, the
first ones of the same list).
"""

from __future__ import annotations

import contextlib
import json
import os
import random
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from urllib.parse import urlsplit, urlunsplit

RESIDENTS = int(os.environ.get("IEUM_BENCH_RESIDENTS", "100000"))
QUERIES = int(os.environ.get("IEUM_BENCH_QUERIES", "300"))
# The naive scan takes 50–200 ms a query: fewer of them still give stable percentiles.
BASELINE_QUERIES = int(os.environ.get("IEUM_BENCH_BASELINE_QUERIES", "60"))
SEED = 1
TARGET_P95_MS = 50.0
KINDS = ("latin_prefix", "hangul", "native", "phone", "arn")
PG_BENCH_DB = "ieum_bench"


def run() -> dict:
    result: dict = {
        "residents": RESIDENTS,
        "queries_per_kind": QUERIES,
        "seed": SEED,
        "target_p95_ms": TARGET_P95_MS,
        "backends": {},
    }
    with tempfile.TemporaryDirectory(prefix="ieum-bench-") as tmp:
        result["backends"]["sqlite"] = _child(f"sqlite:///{tmp}/bench.sqlite3", tmp)
        url = os.environ.get("DATABASE_URL", "")
        if url.startswith(("postgres://", "postgresql://", "pgsql://")):
            with _postgres_database(url) as bench_url:
                result["backends"]["postgresql"] = _child(bench_url, tmp)
    result["summary"] = [
        {"backend": backend, **row} for backend, data in result["backends"].items() for row in data["cases"]
    ]
    result["summary"] += [
        {"backend": backend, "case": "load", "n": data["residents"], "seconds": data["load_seconds"]}
        for backend, data in result["backends"].items()
    ]
    return result


def _child(database_url: str, var_dir: str) -> dict:
    env = {
        **os.environ,
        "DATABASE_URL": database_url,
        "IEUM_VAR_DIR": var_dir,
        "DJANGO_SETTINGS_MODULE": "ieum.config.settings",
    }
    done = subprocess.run(
        [sys.executable, __file__, "--child"], env=env, stdout=subprocess.PIPE, text=True, check=True
    )
    return json.loads(done.stdout.strip().splitlines()[-1])


@contextlib.contextmanager
def _postgres_database(url: str) -> Iterator[str]:
    """A fresh database next to the one in DATABASE_URL; dropped afterwards."""
    import dj_database_url
    import psycopg
    from psycopg import sql

    conf = dj_database_url.parse(url)
    params = {
        "host": conf.get("HOST") or None,
        "port": conf.get("PORT") or None,
        "user": conf.get("USER") or None,
        "password": conf.get("PASSWORD") or None,
    }
    drop = sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(sql.Identifier(PG_BENCH_DB))
    with psycopg.connect(dbname="postgres", autocommit=True, **params) as conn:
        conn.execute(drop)
        conn.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(PG_BENCH_DB)))
    parts = urlsplit(url)
    try:
        yield urlunsplit(parts._replace(path="/" + PG_BENCH_DB))
    finally:
        with psycopg.connect(dbname="postgres", autocommit=True, **params) as conn:
            conn.execute(drop)


# --- inside the child process -------------------------------------------------------------------


def _measure() -> dict:
    import django

    django.setup()
    from django.core.management import call_command
    from django.db import connection
    from tqdm import tqdm

    from ieum.core.regions import load_region
    from ieum.residents.demo.generator import generate
    from ieum.residents.demo.loader import load_people

    call_command("migrate", verbosity=0)
    load_region("jeonnam")
    rng = random.Random(SEED + 1)
    wanted = set(rng.sample(range(RESIDENTS), min(RESIDENTS, QUERIES * 2)))
    chosen = []

    def households():
        for household in generate(RESIDENTS, SEED):
            chosen.extend(p for p in household if p.key in wanted)
            yield household

    bar = tqdm(total=RESIDENTS, unit="resident", desc=connection.vendor, file=sys.stderr)
    started = time.perf_counter()
    counts = load_people(households(), progress=bar.update)
    load_seconds = time.perf_counter() - started
    bar.close()
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")  # as autovacuum would on PostgreSQL; SQLite's planner uses it too
    cases = []
    for kind in KINDS:
        queries = _queries(kind, chosen, rng)[:QUERIES]
        cases.append(_time_kind(kind, queries))
    return {
        "vendor": connection.vendor,
        "residents": counts["resident"],
        "rows": dict(counts),
        "load_seconds": round(load_seconds, 1),
        "cases": cases,
    }


def _queries(kind: str, people: list, rng: random.Random) -> list[tuple[str, str]]:
    """(query, the person's ARN) pairs; the ARN tells whether the person was found."""
    out = []
    for p in people:
        if kind == "latin_prefix":
            # What a counselor types: the start of the passport name, 5–10 characters.
            query = p.name[: rng.randint(5, 10)].strip().lower()
        elif kind == "hangul":
            query = p.name_hangul
        elif kind == "native":
            query = p.name_native
        elif kind == "phone":
            if not p.phone:
                continue
            query = (
                f"0{p.phone[3:5]}-{p.phone[5:9]}-{p.phone[9:]}" if p.phone.startswith("+8210") else p.phone
            )
        else:
            query = f"{p.arn[:6]}-{p.arn[6:]}"
        out.append((query, p.arn))
    return out


def _time_kind(kind: str, queries: list[tuple[str, str]]) -> dict:
    from django.db.models import Q

    from ieum.residents import identity
    from ieum.residents.models import Resident
    from ieum.residents.selectors import SEARCH_LIMIT, search_residents

    def naive(query: str) -> list:
        match = Q(name__icontains=query) | Q(name_native__icontains=query) | Q(name_hangul__icontains=query)
        qs = Resident.objects.active().filter(match).select_related("nationality", "municipality")
        return list(qs.order_by("pk")[:SEARCH_LIMIT])

    for query, _ in queries[:10]:  # warm the caches
        search_residents(query)
        naive(query)
    search_ms, naive_ms, found = [], [], 0
    for number, (query, arn) in enumerate(queries):
        t = time.perf_counter()
        result = search_residents(query)
        search_ms.append((time.perf_counter() - t) * 1000)
        index = identity.arn_index_for_query(arn)
        found += any(r.arn_index == index for r in result.residents)
        if number < BASELINE_QUERIES:
            t = time.perf_counter()
            naive(query)
            naive_ms.append((time.perf_counter() - t) * 1000)
    p50, p95 = _percentiles(search_ms)
    b50, b95 = _percentiles(naive_ms)
    return {
        "case": kind,
        "n": len(queries),
        "baseline_n": len(naive_ms),
        "p50_ms": round(p50, 2),
        "p95_ms": round(p95, 2),
        "max_ms": round(max(search_ms), 2),
        "baseline_p50_ms": round(b50, 2),
        "baseline_p95_ms": round(b95, 2),
        "found_pct": round(100 * found / len(queries), 1),
        "target_p95_ms": TARGET_P95_MS,
        "ok": p95 <= TARGET_P95_MS,
    }


def _percentiles(values: list[float]) -> tuple[float, float]:
    cuts = statistics.quantiles(values, n=100, method="inclusive")
    return cuts[49], cuts[94]


if __name__ == "__main__" and "--child" in sys.argv:
    print(json.dumps(_measure()))
