"""Grant approval and reconciliation latency on SQLite (and PostgreSQL when DATABASE_URL says so).

An approval locks the application, the program and the budget line, writes the entitlement, the
commitment entry and the first payment: it is timed per call against a baseline of one plain
ledger posting (lock the line, write one entry) in the same run on the same database. Then one
bank result file with a line per payment is read back, and its time per line reported.

Each backend runs in a child process (`python bench/bench_grants.py --child`). Environment:
IEUM_BENCH_GRANTS (default 300 applications).
"""

from __future__ import annotations

import contextlib
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator

N = int(os.environ.get("IEUM_BENCH_GRANTS", "300"))
# An officer's click: approvals of one program queue on the program's row lock, so this also bounds
# how long the 50th of 50 simultaneous approvals waits (about 50 × p50).
TARGET_P95_MS = 250.0
PG_BENCH_DB = "ieum_bench_grants"


def run() -> dict:
    result: dict = {"applications": N, "target_p95_ms": TARGET_P95_MS, "backends": {}}
    with tempfile.TemporaryDirectory(prefix="ieum-bench-") as tmp:
        result["backends"]["sqlite"] = _child(f"sqlite:///{tmp}/bench.sqlite3", tmp)
        url = os.environ.get("DATABASE_URL", "")
        if url.startswith(("postgres://", "postgresql://")):
            with _postgres_database(url) as bench_url:
                result["backends"]["postgresql"] = _child(bench_url, tmp)
    result["summary"] = [
        {"backend": backend, **row} for backend, data in result["backends"].items() for row in data["cases"]
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
    from urllib.parse import urlsplit, urlunsplit

    import psycopg

    parts = urlsplit(url)
    admin = urlunsplit(parts._replace(path="/postgres"))
    with psycopg.connect(admin, autocommit=True) as conn:
        conn.execute(f"DROP DATABASE IF EXISTS {PG_BENCH_DB}")
        conn.execute(f"CREATE DATABASE {PG_BENCH_DB}")
    try:
        yield urlunsplit(parts._replace(path=f"/{PG_BENCH_DB}"))
    finally:
        with psycopg.connect(admin, autocommit=True) as conn:
            conn.execute(f"DROP DATABASE IF EXISTS {PG_BENCH_DB} WITH (FORCE)")


def _percentiles(values: list[float]) -> tuple[float, float]:
    cuts = statistics.quantiles(values, n=100, method="inclusive")
    return cuts[49], cuts[94]


def _measure() -> dict:
    import django

    django.setup()
    from django.core.management import call_command

    from ieum.core.regions import load_region
    from ieum.grants import ledger, payments, services
    from ieum.grants.loading import budget_load, program_load
    from ieum.grants.models import LedgerEntry
    from ieum.grants.tests.conftest import officer_user, prepared_application, program_data

    call_command("migrate", verbosity=0)
    load_region("jeonnam")
    budget_load(year=2024)
    program = program_load(program_data(headcount_cap=N), year=2024)
    first, second = officer_user("bench-prep"), officer_user("bench-appr")
    services.budget_amend(line=program.budget_line, amount=N * 600_000, decision="bench", actor=first)
    apps = [prepared_application(program, first) for _ in range(N)]

    approve_ms = []
    for application in apps:
        start = time.perf_counter()
        services.application_approve(application=application, actor=second)
        approve_ms.append((time.perf_counter() - start) * 1000)
    baseline_ms = []
    line = program.budget_line
    from django.db import transaction

    for _ in range(N):
        start = time.perf_counter()
        with transaction.atomic():
            ledger.post_entry(
                line=line, kind=LedgerEntry.Kind.COMMITMENT, committed=1, decision="baseline", actor=first
            )
        baseline_ms.append((time.perf_counter() - start) * 1000)

    batch = payments.payment_batch_create(program=program, method="bank", actor=second)
    payments.bank_file_render(batch=batch, actor=second)
    data = "".join(f"R,{p.idempotency_key},{p.amount_krw},OK,\r\n" for p in batch.payments.all()).encode()
    start = time.perf_counter()
    report = payments.batch_reconcile(batch=batch, data=data, file_name="bench.csv", actor=second)
    reconcile_s = time.perf_counter() - start
    assert all(line["outcome"] == "matched" for line in report.lines)

    p50, p95 = _percentiles(approve_ms)
    b50, b95 = _percentiles(baseline_ms)
    return {
        "cases": [
            {
                "case": "approve",
                "n": N,
                "p50_ms": round(p50, 2),
                "p95_ms": round(p95, 2),
                "baseline_p50_ms": round(b50, 2),
                "baseline_p95_ms": round(b95, 2),
                "target_p95_ms": TARGET_P95_MS,
                "ok": p95 <= TARGET_P95_MS,
            },
            {"case": "reconcile_per_line", "n": N, "p50_ms": round(reconcile_s * 1000 / N, 2)},
        ]
    }


if __name__ == "__main__" and "--child" in sys.argv:
    print(json.dumps(_measure()))
