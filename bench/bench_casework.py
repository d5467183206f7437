"""Casework at scale: the counselor's queue page and case search at 1,000,000 cases on PostgreSQL,
and case creation through the API over real HTTP.

PostgreSQL only (DATABASE_URL must point at it; the embedded SQLite is for small centers). The
1,000,000 cases live in a database `ieum_bench_cases`, reused when it already holds them (built with
COPY in about a minute otherwise). The baseline is the same pages and queries on a fresh database
of 10,000 cases (`ieum_bench_cases_small`), in the same run. Creation throughput: a uvicorn server
on loopback against the big database, POST /api/v1/casework/cases with an API token, one client
and then eight in parallel.

Environment: IEUM_BENCH_CASES (default 1000000), IEUM_BENCH_BASELINE_CASES (10000),
IEUM_BENCH_QUERIES (200 per kind), IEUM_BENCH_CREATES (300).
"""

from __future__ import annotations

import contextlib
import io
import json
import os
import random
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

CASES = int(os.environ.get("IEUM_BENCH_CASES", "1000000"))
BASELINE_CASES = int(os.environ.get("IEUM_BENCH_BASELINE_CASES", "10000"))
QUERIES = int(os.environ.get("IEUM_BENCH_QUERIES", "200"))
CREATES = int(os.environ.get("IEUM_BENCH_CREATES", "300"))
TARGET_P95_MS = 100.0
BIG_DB = "ieum_bench_cases"
SMALL_DB = "ieum_bench_cases_small"
LANGUAGES = ("ko", "en", "vi", "zh-hans", "id", "km", "ne", "th", "si", "fil", "uz", "ru", "my")
COUNSELORS = 60
SEED = 5


def run() -> dict:
    url = os.environ.get("DATABASE_URL", "")
    if not url.startswith(("postgres://", "postgresql://", "pgsql://")):
        return {"skipped": "needs DATABASE_URL pointing at PostgreSQL", "summary": []}
    result: dict = {"cases": CASES, "baseline_cases": BASELINE_CASES, "target_p95_ms": TARGET_P95_MS}
    small = _child(_database(url, SMALL_DB, fresh=True), BASELINE_CASES, http=False)
    big = _child(_database(url, BIG_DB, fresh=False), CASES, http=True)
    result["baseline"], result["measured"] = small, big
    summary = []
    for case in big["cases"]:
        base = next(c for c in small["cases"] if c["case"] == case["case"])
        summary.append(
            {
                "backend": "postgresql",
                **case,
                "baseline_p50_ms": base["p50_ms"],
                "baseline_p95_ms": base["p95_ms"],
                "target_p95_ms": TARGET_P95_MS,
                "ok": case["p95_ms"] <= TARGET_P95_MS,
            }
        )
    for row in big.get("throughput", []):
        summary.append({"backend": "postgresql", **row})
    result["summary"] = summary
    return result


def _database(url: str, name: str, *, fresh: bool) -> str:
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
    with psycopg.connect(dbname="postgres", autocommit=True, **params) as conn:
        exists = conn.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name]).fetchone()
        if exists and fresh:
            conn.execute(sql.SQL("DROP DATABASE {} WITH (FORCE)").format(sql.Identifier(name)))
        if not exists or fresh:
            conn.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name)))
    return urlunsplit(urlsplit(url)._replace(path="/" + name))


def _child(database_url: str, cases: int, *, http: bool) -> dict:
    var_dir = Path(os.environ.get("IEUM_BENCH_VAR", "") or Path(tempfile.gettempdir()) / "ieum-bench-cases")
    var_dir.mkdir(parents=True, exist_ok=True)
    env = {
        **os.environ,
        "DATABASE_URL": database_url,
        "IEUM_VAR_DIR": str(var_dir),
        "DJANGO_SETTINGS_MODULE": "ieum.config.settings",
        "IEUM_BENCH_CHILD_CASES": str(cases),
        "IEUM_BENCH_CHILD_HTTP": "1" if http else "",
    }
    done = subprocess.run(
        [sys.executable, __file__, "--child"], env=env, stdout=subprocess.PIPE, text=True, check=True
    )
    return json.loads(done.stdout.strip().splitlines()[-1])


# --- inside the child process -------------------------------------------------------------------


def _percentiles(values: list[float]) -> tuple[float, float]:
    ordered = sorted(values)
    p50 = statistics.median(ordered)
    p95 = ordered[min(len(ordered) - 1, int(round(0.95 * (len(ordered) - 1))))]
    return round(p50, 2), round(p95, 2)


def _setup_center():
    """Queues per language, counselors in one or two queues each; idempotent."""
    from ieum.casework.models import CounselorSkill, Queue
    from ieum.casework.topics import ensure_seeded_topics
    from ieum.core.models import Role, User

    ensure_seeded_topics()
    queues = {}
    for language in LANGUAGES:
        queues[language], _ = Queue.objects.get_or_create(
            language=language, topic=None, defaults={"name": language}
        )
    counselors = []
    for i in range(COUNSELORS):
        user, created = User.objects.get_or_create(
            username=f"bench-counselor-{i}", defaults={"role": Role.COUNSELOR, "work_languages": ["ko"]}
        )
        if created:
            languages = ["ko", LANGUAGES[1 + i % (len(LANGUAGES) - 1)]]
            for language in languages:
                CounselorSkill.objects.get_or_create(user=user, language=language)
                queues[language].members.add(user)
        counselors.append(user)
    return queues, counselors


def _copy_cases(total: int, queues: dict, counselors: list) -> None:
    """Write `total` cases with COPY: mostly closed, some open, a few waiting for a counselor."""
    import datetime as dt

    from django.db import connection

    from ieum.casework.models import Case, Topic

    have = Case.objects.count()
    if have >= total:
        return
    rng = random.Random(SEED)
    topics = list(Topic.objects.values_list("pk", flat=True))
    members = {q.pk: list(q.members.values_list("pk", flat=True)) for q in queues.values()}
    queue_of = {language: q.pk for language, q in queues.items()}
    columns = ", ".join(
        [
            *("number", "channel", "topic_id", "language", "urgency", "status", "waiting_on", "summary"),
            *("resolution", "sensitive", "caller_phone", "caller_kind", "caller_name", "caller_organisation"),
            *(
                "queue_id",
                "assignee_id",
                "needs_interpreter",
                "opened_at",
                "assigned_at",
                "first_response_at",
            ),
            *("resolved_at", "closed_at", "reopened_count", "first_response_due", "resolution_due"),
            *("first_response_breached", "resolution_breached"),
        ]
    )
    start = dt.datetime(2024, 1, 1, tzinfo=dt.UTC)
    span = 3 * 365 * 24 * 3600
    channels = ("phone", "phone", "phone", "web_chat", "walk_in", "messenger", "web_form", "email")
    sql = f"COPY casework_case ({columns}) FROM STDIN"
    batch = 100_000
    with connection.cursor() as cursor:
        raw = cursor.connection
        for first in range(have, total, batch):
            buffer = io.StringIO()
            for n in range(first, min(total, first + batch)):
                language = LANGUAGES[min(int(rng.expovariate(0.45)), len(LANGUAGES) - 1)]
                queue = queue_of[language]
                roll = rng.random()
                status = (
                    "closed"
                    if roll < 0.85
                    else "resolved"
                    if roll < 0.9
                    else "new"
                    if roll < 0.94
                    else rng.choice(("assigned", "in_progress", "waiting"))
                )
                assignee = "\\N" if status == "new" else str(rng.choice(members[queue] or [counselors[0].pk]))
                opened = start + dt.timedelta(seconds=rng.randrange(span))
                iso = opened.isoformat()
                later = (opened + dt.timedelta(hours=2)).isoformat()
                done = status in ("closed", "resolved")
                phone = f"+8210{rng.randrange(10**8):08d}"
                row = [
                    f"B-{n:08d}",
                    rng.choice(channels),
                    str(rng.choice(topics)),
                    language,
                    "normal",
                    status,
                    "resident" if status == "waiting" else "",
                    "",
                    "",
                    "f",
                    phone,
                    "",
                    "",
                    "",
                    str(queue),
                    assignee,
                    "f",
                    iso,
                    "\\N" if status == "new" else later,
                    later if done else "\\N",
                    later if done else "\\N",
                    later if status == "closed" else "\\N",
                    "0",
                    later,
                    (opened + dt.timedelta(days=5)).isoformat(),
                    "f",
                    "f",
                ]
                buffer.write("\t".join(row) + "\n")
            with raw.cursor() as pg, pg.copy(sql) as copy:
                copy.write(buffer.getvalue())
            print(f"copied {min(total, first + batch)} cases", file=sys.stderr)
        cursor.execute("ANALYZE casework_case")


def _time(label: str, fn, arguments: list) -> dict:
    for argument in arguments[:10]:  # warm the caches
        fn(argument)
    times = []
    for argument in arguments:
        t = time.perf_counter()
        fn(argument)
        times.append((time.perf_counter() - t) * 1000)
    p50, p95 = _percentiles(times)
    return {"case": label, "n": len(times), "p50_ms": p50, "p95_ms": p95}


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _throughput(counselor) -> list[dict]:
    import httpx

    from ieum.core.models import ApiToken

    _token, key = ApiToken.issue(user=counselor, name="bench")
    port = _free_port()
    server = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "uvicorn",
            "ieum.config.asgi:application",
            "--port",
            str(port),
            "--log-level",
            "warning",
        ],
        env=os.environ.copy(),
    )
    base = f"http://127.0.0.1:{port}"
    headers = {"Authorization": f"Bearer {key}"}
    body = {"channel": "web_form", "topic": "wages", "language": "vi", "summary": "Wages unpaid"}
    rows = []
    try:
        for _ in range(100):
            with contextlib.suppress(httpx.HTTPError):
                if httpx.get(f"{base}/healthz", timeout=1).status_code < 500:
                    break
            time.sleep(0.2)

        def create(client: httpx.Client) -> float:
            t = time.perf_counter()
            answer = client.post(f"{base}/api/v1/casework/cases", json=body, headers=headers, timeout=30)
            answer.raise_for_status()
            return (time.perf_counter() - t) * 1000

        for parallel in (1, 8):
            clients = [httpx.Client() for _ in range(parallel)]
            per_client = CREATES // parallel
            started = time.perf_counter()
            with ThreadPoolExecutor(parallel) as pool:
                latencies = [
                    ms
                    for chunk in pool.map(lambda c, k=per_client: [create(c) for _ in range(k)], clients)
                    for ms in chunk
                ]
            seconds = time.perf_counter() - started
            p50, p95 = _percentiles(latencies)
            rows.append(
                {
                    "case": f"create via API, {parallel} client(s)",
                    "n": len(latencies),
                    "p50_ms": p50,
                    "p95_ms": p95,
                    "cases_per_second": round(len(latencies) / seconds, 1),
                }
            )
            for client in clients:
                client.close()
    finally:
        server.terminate()
        server.wait(timeout=30)
    return rows


def _measure() -> dict:
    import django

    django.setup()
    from django.core.management import call_command
    from django.test import Client

    from ieum.casework import selectors
    from ieum.casework.models import Case
    from ieum.core.regions import load_region
    from ieum.core.testing import login_staff

    total = int(os.environ["IEUM_BENCH_CHILD_CASES"])
    call_command("migrate", verbosity=0)
    load_region("jeonnam")
    queues, counselors = _setup_center()
    started = time.perf_counter()
    _copy_cases(total, queues, counselors)
    load_seconds = round(time.perf_counter() - started, 1)
    rng = random.Random(SEED + 1)
    sample = list(Case.objects.order_by("?").values_list("number", "caller_phone")[:QUERIES])
    users = [rng.choice(counselors) for _ in range(QUERIES)]
    clients = {}
    for user in set(users):
        client = Client()
        login_staff(client, user)
        clients[user.pk] = client

    def queue_page(user) -> None:
        answer = clients[user.pk].get("/workspace/cases/")
        assert answer.status_code == 200, answer.status_code

    def by_number(item) -> None:
        list(selectors.search_cases(counselors[0], q=item[0]))

    def by_phone(item) -> None:
        list(selectors.search_cases(counselors[0], q=item[1]))

    def filtered(user) -> None:
        list(selectors.search_cases(user, status="in_progress", language="vi"))

    cases = [
        _time("queue page", queue_page, users),
        _time("search by case number", by_number, sample),
        _time("search by caller's phone", by_phone, sample),
        _time("search by status and language", filtered, users),
    ]
    result = {"cases_in_db": Case.objects.count(), "load_seconds": load_seconds, "cases": cases}
    if os.environ.get("IEUM_BENCH_CHILD_HTTP"):
        result["throughput"] = _throughput(counselors[0])
    return result


if __name__ == "__main__" and "--child" in sys.argv:
    print(json.dumps(_measure()))
