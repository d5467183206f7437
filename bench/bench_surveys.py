"""Survey scale: a dashboard query over 1,000,000 submissions, and an XLSX export of 100,000
submissions in bounded memory.

Dashboard: the answer counts of one question (`insights.selectors.answer_counts`, one indexed
GROUP BY over the analysed answers table) against the baseline of counting the same answers from
the submissions' JSON copies. Target: p95 ≤ 1 s.

Export: `surveys.exports.write_xlsx` (openpyxl write-only, submissions read with
`.iterator(chunk_size=...)`) at 20,000 and 100,000 submissions — flat peak memory is the proof —
against the baseline of a naive export (all submissions in a list, a normal openpyxl workbook) at
20,000. Each export runs in its own child process, which reports its peak RSS
(`resource.getrusage(RUSAGE_SELF).ru_maxrss`).

Data are generated deterministically (seed 1) into a fresh SQLite file and, when DATABASE_URL
points at PostgreSQL, a separate database `ieum_bench_surveys` created and dropped here.
Environment: IEUM_BENCH_SUBMISSIONS (1000000), IEUM_BENCH_EXPORT (100000),
IEUM_BENCH_EXPORT_BASELINE (20000), IEUM_BENCH_BACKENDS (sqlite,postgresql).
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

SUBMISSIONS = int(os.environ.get("IEUM_BENCH_SUBMISSIONS", "1000000"))
EXPORT = int(os.environ.get("IEUM_BENCH_EXPORT", "100000"))
EXPORT_BASELINE = int(os.environ.get("IEUM_BENCH_EXPORT_BASELINE", "20000"))
BACKENDS = os.environ.get("IEUM_BENCH_BACKENDS", "sqlite,postgresql").split(",")
SEED = 1
TARGET_P95_MS = 1000.0
QUERIES = 20
BASELINE_QUERIES = 3
PG_BENCH_DB = "ieum_bench_surveys"
QUESTIONS = {
    "county": ["46110", "46130", "46150", "46170", "46230", "46820", "46830", "46890", "46900", "46910"],
    "nationality": ["VN", "ID", "CN", "NP", "KH", "TH", "LK", "PH", "UZ", "MM"],
    "stay_plan": ["stay_long", "until_visa_ends", "move", "return", "unsure"],
}


def run() -> dict:
    result: dict = {"submissions": SUBMISSIONS, "export": EXPORT, "seed": SEED, "backends": {}}
    with tempfile.TemporaryDirectory(prefix="ieum-bench-surveys-") as tmp:
        if "sqlite" in BACKENDS:
            result["backends"]["sqlite"] = _backend(f"sqlite:///{tmp}/bench.sqlite3", tmp)
        url = os.environ.get("DATABASE_URL", "")
        if "postgresql" in BACKENDS and url.startswith(("postgres://", "postgresql://", "pgsql://")):
            with _postgres_database(url) as bench_url:
                result["backends"]["postgresql"] = _backend(bench_url, tmp)
    result["summary"] = [
        {"backend": backend, **row} for backend, data in result["backends"].items() for row in data["cases"]
    ]
    return result


def _backend(database_url: str, tmp: str) -> dict:
    prepared = _child(database_url, tmp, "prepare")
    cases = [_child(database_url, tmp, "dashboard")]
    stream_small = _child(database_url, tmp, "export", "stream", "small")
    stream_large = _child(database_url, tmp, "export", "stream", "large")
    naive = _child(database_url, tmp, "export", "naive", "small")
    cases.append(
        {
            "benchmark": "surveys",
            "case": "xlsx_export_peak_rss",
            "n": EXPORT,
            "peak_rss_mb": stream_large["peak_rss_mb"],
            "seconds": stream_large["seconds"],
            f"peak_rss_mb_at_{EXPORT_BASELINE}": stream_small["peak_rss_mb"],
            f"baseline_peak_rss_mb_at_{EXPORT_BASELINE}": naive["peak_rss_mb"],
            "baseline_seconds": naive["seconds"],
            # Bounded: five times the submissions may not cost more than a quarter more memory.
            "ok": stream_large["peak_rss_mb"] <= 1.25 * stream_small["peak_rss_mb"],
        }
    )
    return {"load_seconds": prepared["load_seconds"], "cases": cases}


def _child(database_url: str, var_dir: str, *args: str) -> dict:
    env = {
        **os.environ,
        "DATABASE_URL": database_url,
        "IEUM_VAR_DIR": var_dir,
        "DJANGO_SETTINGS_MODULE": "ieum.config.settings",
    }
    done = subprocess.run(
        [sys.executable, __file__, "--child", *args], env=env, stdout=subprocess.PIPE, text=True, check=True
    )
    return json.loads(done.stdout.strip().splitlines()[-1])


@contextlib.contextmanager
def _postgres_database(url: str) -> Iterator[str]:
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
    try:
        yield urlunsplit(urlsplit(url)._replace(path="/" + PG_BENCH_DB))
    finally:
        with psycopg.connect(dbname="postgres", autocommit=True, **params) as conn:
            conn.execute(drop)


# --- inside the child process -------------------------------------------------------------------


def _setup() -> None:
    import django

    django.setup()


def _insert(table: str, columns: list[str], rows) -> None:
    """Fast bulk load: COPY on PostgreSQL, executemany on SQLite."""
    from django.db import connection

    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            raw = cursor.cursor
            with raw.copy(f"COPY {table} ({', '.join(columns)}) FROM STDIN") as copy:
                for row in rows:
                    copy.write_row(row)
        return
    # Table and column names are this module's constants, never input.
    sql = f"INSERT INTO {table} ({', '.join(columns)}) VALUES ({', '.join('?' for _ in columns)})"  # noqa: S608
    with connection.cursor() as cursor:
        batch: list = []
        for row in rows:
            batch.append(row)
            if len(batch) == 20000:
                cursor.executemany(sql, batch)
                batch = []
        if batch:
            cursor.executemany(sql, batch)


def _submissions(survey, version, count: int, first_id: int, make_data) -> Iterator[tuple]:
    from django.utils import timezone

    now = timezone.now()
    for n in range(count):
        data = make_data(n)
        yield (
            first_id + n, survey.pk, version.pk, f"uuid:{survey.pk}-{n}", "<data/>", json.dumps(data),
            "vi", "web", "new", now,
        )  # fmt: skip


SUBMISSION_COLUMNS = [
    "id", "survey_id", "version_id", "instance_id", "xml", "data",
    "language", "channel", "status", "submitted_at",
]  # fmt: skip


def _prepare() -> dict:
    _setup()
    from pathlib import Path

    from django.core.management import call_command
    from django.db import connection, transaction

    from ieum.surveys.services import survey_upload

    call_command("migrate", verbosity=0)
    instruments = Path(__file__).resolve().parents[1] / "src" / "ieum" / "surveys" / "instruments"
    started = time.perf_counter()
    with transaction.atomic():
        version = survey_upload(content=(instruments / "resident_survey.xlsx").read_bytes(), actor=None)
        survey = version.survey

        picks = _picks()
        _insert(
            "surveys_submission",
            SUBMISSION_COLUMNS,
            _submissions(
                survey, version, SUBMISSIONS, 1, lambda n: dict(zip(QUESTIONS, next(picks), strict=True))
            ),
        )
        # The same picks again (same seed) as the analysed answers, without holding a million rows.
        rows = (
            (survey.pk, n + 1, question, value, None)
            for n, values in enumerate(_picks())
            for question, value in zip(QUESTIONS, values, strict=True)
        )
        _insert("surveys_answer", ["survey_id", "submission_id", "question", "value", "number"], rows)
    for size, label in ((EXPORT_BASELINE, "small"), (EXPORT, "large")):
        with transaction.atomic():
            export_version = survey_upload(content=_household_form(f"bench_{label}"), actor=None)
            first = 1 + SUBMISSIONS + (0 if label == "small" else EXPORT_BASELINE)
            _insert(
                "surveys_submission",
                SUBMISSION_COLUMNS,
                _submissions(export_version.survey, export_version, size, first, _export_data),
            )
    with connection.cursor() as cursor:
        # What autovacuum does to a table after a bulk load: statistics and, on PostgreSQL, the
        # visibility map that lets the dashboard's GROUP BY read the index alone.
        cursor.execute("VACUUM ANALYZE" if connection.vendor == "postgresql" else "ANALYZE")
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute(
                "SELECT setval(pg_get_serial_sequence('surveys_submission', 'id'), "
                "(SELECT max(id) FROM surveys_submission))"
            )
    return {"load_seconds": round(time.perf_counter() - started, 1)}


def _picks() -> Iterator[tuple[str, ...]]:
    rng = random.Random(SEED)
    for _n in range(SUBMISSIONS):
        yield tuple(rng.choice(values) for values in QUESTIONS.values())


def _household_form(form_id: str) -> bytes:
    from io import BytesIO

    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    sheet.title = "survey"
    sheet.append(["type", "name", "label::English (en)", "label::Tiếng Việt (vi)"])
    for n in range(20):
        sheet.append(["text" if n % 2 else "integer", f"q{n}", f"Question {n}", f"Câu hỏi {n}"])
    sheet.append(["begin_repeat", "member", "Member", "Thành viên"])
    sheet.append(["text", "member_name", "Name", "Tên"])
    sheet.append(["integer", "member_age", "Age", "Tuổi"])
    sheet.append(["end_repeat", "", "", ""])
    settings = book.create_sheet("settings")
    settings.append(["form_id", "version"])
    settings.append([form_id, "1"])
    out = BytesIO()
    book.save(out)
    return out.getvalue()


def _export_data(n: int) -> dict:
    data: dict = {f"q{k}": (f"answer {n} {k}" if k % 2 else str(n % 97 + k)) for k in range(20)}
    data["member"] = [{"member_name": f"m{n}-{i}", "member_age": str(20 + i)} for i in range(n % 3)]
    return data


def _dashboard() -> dict:
    _setup()
    from django.db import connection

    from ieum.insights.selectors import answer_counts
    from ieum.surveys.models import Submission, Survey

    survey = Survey.objects.get(id_string="jeonnam_resident_survey")
    questions = list(QUESTIONS)
    timings = []
    for n in range(QUERIES):
        started = time.perf_counter()
        counts = answer_counts(survey_id=survey.pk, question=questions[n % len(questions)])
        timings.append((time.perf_counter() - started) * 1000)
        assert sum(c for _v, c in counts) == SUBMISSIONS
    baseline = []
    for n in range(BASELINE_QUERIES):
        question = questions[n % len(questions)]
        started = time.perf_counter()
        tally: dict[str, int] = {}
        for data in (
            Submission.objects.filter(survey=survey).values_list("data", flat=True).iterator(chunk_size=5000)
        ):
            tally[data[question]] = tally.get(data[question], 0) + 1
        baseline.append((time.perf_counter() - started) * 1000)
    p95 = _p95(timings)
    return {
        "benchmark": "surveys",
        "backend": connection.vendor,
        "case": "dashboard_answer_counts",
        "n": SUBMISSIONS,
        "p50_ms": round(statistics.median(timings), 1),
        "p95_ms": round(p95, 1),
        "baseline_p50_ms": round(statistics.median(baseline), 1),
        "baseline_p95_ms": round(_p95(baseline), 1),
        "target_p95_ms": TARGET_P95_MS,
        "ok": p95 <= TARGET_P95_MS,
    }


def _p95(values: list[float]) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))]


def _export(mode: str, size: str) -> dict:
    import resource

    _setup()
    from openpyxl import Workbook

    from ieum.surveys.exports import write_xlsx
    from ieum.surveys.models import Submission, Survey

    survey = Survey.objects.get(id_string=f"bench_{size}")
    target = os.path.join(os.environ["IEUM_VAR_DIR"], f"export-{mode}-{size}.xlsx")
    started = time.perf_counter()
    if mode == "stream":
        count = write_xlsx(survey, target)
    else:
        # The naive export: every submission in memory, a normal (not write-only) workbook.
        submissions = list(Submission.objects.filter(survey=survey).order_by("pk"))
        book = Workbook()
        sheet = book.active
        for s in submissions:
            sheet.append(
                [s.instance_id, *(json.dumps(v) if isinstance(v, list) else v for v in s.data.values())]
            )
        book.save(target)
        count = len(submissions)
    seconds = time.perf_counter() - started
    peak_kb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return {"count": count, "seconds": round(seconds, 1), "peak_rss_mb": round(peak_kb / 1024, 1)}


def _main_child(args: list[str]) -> dict:
    if args[0] == "prepare":
        return _prepare()
    if args[0] == "dashboard":
        return _dashboard()
    return _export(args[1], args[2])


if __name__ == "__main__":
    if len(sys.argv) > 1 and sys.argv[1] == "--child":
        print(json.dumps(_main_child(sys.argv[2:])))
    else:
        print(json.dumps(run(), indent=2))
