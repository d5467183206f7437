"""Load test: a busy evening against uvicorn and PostgreSQL on loopback (`make loadtest`).

    python loadtest/run.py                 # 200 users for 60 s
    python loadtest/run.py --faults        # the same, killing a worker and restarting PostgreSQL
    python loadtest/run.py --users 50 --duration 20 --residents 2000

Creates a fresh PostgreSQL database (dropped at the end), migrates it, loads the region pack,
demo residents and API tokens for counselors and one analyst, starts uvicorn with production
settings, and runs locust headless (loadtest/locustfile.py) while a CSV import runs through
`ieum import-residents --commit`. Prints throughput, p50/p95 latency per request kind and the
errors, and writes them to loadtest/results/<timestamp>.json.

With --faults, one uvicorn worker is SIGKILLed and PostgreSQL restarted during the load; every
create the server acknowledged (resident, consent, the committed import) is then looked up in
the database. Exit status 1 if an acknowledged write is missing (or the run could not be made).
Cases, chat messages and payments do not exist yet: residents and consents are today's writes.
"""

from __future__ import annotations

import argparse
import base64
import csv
import datetime as dt
import json
import os
import secrets
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time
import urllib.request
from pathlib import Path

import psycopg

ROOT = Path(__file__).resolve().parents[1]
LOAD_DIR = ROOT / "loadtest"
RESULTS_DIR = LOAD_DIR / "results"
BIN = Path(sys.executable).parent
PG_ADMIN = "postgres://postgres@127.0.0.1:5432/postgres"

SETUP = """
import json, sys
from django.conf import settings
from ieum.core.models import ApiToken, Municipality, User
from ieum.lib.crypto import cached_keyring, decrypt
from ieum.residents.models import Resident

out = {"run": sys.argv[1], "counselor_tokens": [], "residents": []}
for i in range(4):
    user = User.objects.create_user(f"load-counselor-{i}", role="counselor", work_languages=["ko", "vi"])
    out["counselor_tokens"].append(ApiToken.issue(user=user, name="load test")[1])
analyst = User.objects.create_user("load-analyst", role="analyst")
out["analyst_token"] = ApiToken.issue(user=analyst, name="load test")[1]
codes = Municipality.objects.filter(code__startswith="46").values_list("code", flat=True)
out["municipalities"] = list(codes)
keyring = cached_keyring(settings.IEUM_ENCRYPTION_KEYS)
for r in Resident.objects.exclude(phone="").order_by("?")[:500]:
    arn = decrypt(keyring, r.arn_ciphertext) if r.arn_ciphertext else ""
    out["residents"].append({"id": r.pk, "name": r.name, "phone": r.phone, "arn": arn})
print(json.dumps(out))
"""


def log(message: str) -> None:
    print(f"[{time.strftime('%H:%M:%S')}] {message}", flush=True)


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def pg_cluster_version() -> str:
    return sorted(os.listdir("/etc/postgresql"))[-1]


def pg_ctl(action: str) -> None:
    command = ["pg_ctlcluster", "--skip-systemctl-redirect", pg_cluster_version(), "main", action]
    subprocess.run(command, check=True, capture_output=True, text=True)


def pg_ready(timeout: float = 60) -> bool:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            with psycopg.connect(PG_ADMIN, connect_timeout=2) as conn:
                conn.execute("SELECT 1")
            return True
        except psycopg.Error:
            time.sleep(0.5)
    return False


def ensure_pg_running() -> None:
    if pg_ready(timeout=3):
        return
    log("PostgreSQL is not answering: starting it")
    try:
        pg_ctl("start")
    except subprocess.CalledProcessError as exc:
        log(f"pg_ctlcluster start: {exc.stderr.strip()}")
    if not pg_ready():
        log("PostgreSQL did not come back")


def admin_sql(statement: str) -> None:
    with psycopg.connect(PG_ADMIN, autocommit=True) as conn:
        conn.execute(statement)  # type: ignore[arg-type]


def production_env(database: str, work: Path) -> dict[str, str]:
    fernet = base64.urlsafe_b64encode(secrets.token_bytes(32)).decode()
    env = dict(os.environ)
    env.update(
        DATABASE_URL=f"postgres://postgres@127.0.0.1:5432/{database}",
        IEUM_DEBUG="false",
        IEUM_SECRET_KEY=secrets.token_urlsafe(50),
        IEUM_ENCRYPTION_KEYS=f"k1:{fernet}",
        IEUM_BLIND_INDEX_KEY=secrets.token_urlsafe(32),
        IEUM_ALLOWED_HOSTS="127.0.0.1",
        IEUM_SSL_REDIRECT="false",
        IEUM_VAR_DIR=str(work / "var"),
        IEUM_STATIC_ROOT=str(work / "static"),
        # Persistent connections leak under ASGI (one per request context): see settings.py.
        IEUM_LOG_LEVEL="CRITICAL",
        IEUM_SMS_BACKEND="console",
        PYTHONUNBUFFERED="1",
    )
    return env


def ieum(env: dict[str, str], *args: str, capture: bool = False) -> str:
    done = subprocess.run(
        [str(BIN / "ieum"), *args], env=env, cwd=ROOT, check=True, text=True, capture_output=capture
    )
    return done.stdout if capture else ""


def write_import_csv(path: Path, run: str, rows: int, municipalities: list[str]) -> list[str]:
    names = []
    with path.open("w", encoding="utf-8", newline="") as f:
        writer = csv.writer(f)
        writer.writerow(["name", "birth_date", "sex", "nationality", "phone", "municipality", "language"])
        for i in range(rows):
            name = f"LOAD {run} IMPORT {i}"
            names.append(name)
            birth = dt.date(1970, 1, 1) + dt.timedelta(days=(i * 37) % 12000)
            writer.writerow(
                [name, birth.isoformat(), "MF"[i % 2], "VN", f"010-8{i // 1000 % 1000:03d}-{i % 10000:04d}",
                 municipalities[i % len(municipalities)], "vi"]
            )  # fmt: skip
    return names


def wait_http(url: str, timeout: float = 60) -> bool:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(url, timeout=5) as response:  # noqa: S310
                if response.status == 200:
                    return True
        except OSError:
            time.sleep(0.5)
    return False


def children(pid: int) -> list[int]:
    found = []
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            stat = (entry / "stat").read_text()
        except OSError:
            continue
        # The command name is in brackets and may hold spaces: the ppid is the 2nd field after it.
        if int(stat.rsplit(")", 1)[1].split()[1]) == pid:
            found.append(int(entry.name))
    return sorted(found)


def _cmdline(pid: int) -> bytes:
    try:
        return Path(f"/proc/{pid}/cmdline").read_bytes()
    except OSError:
        return b""


class Faults(threading.Thread):
    """During the load: SIGKILL one uvicorn worker, later restart PostgreSQL."""

    def __init__(self, server: subprocess.Popen, duration: int) -> None:
        super().__init__(daemon=True)
        self.server = server
        self.duration = duration
        self.events: list[dict] = []
        self.started = time.monotonic()

    def note(self, what: str, **detail: object) -> None:
        event = {"at_s": round(time.monotonic() - self.started, 1), "event": what, **detail}
        self.events.append(event)
        log(f"fault: {what} {detail if detail else ''}")

    def run(self) -> None:
        time.sleep(self.duration * 0.3)
        # Only the spawned workers, not multiprocessing's resource tracker (also a child).
        workers = [p for p in children(self.server.pid) if b"spawn_main" in _cmdline(p)]
        if workers:
            victim = workers[0]
            os.kill(victim, signal.SIGKILL)
            self.note("killed uvicorn worker", pid=victim, workers_before=len(workers))
        time.sleep(self.duration * 0.25)
        self.note("uvicorn workers now", pids=children(self.server.pid))
        begun = time.monotonic()
        try:
            pg_ctl("restart")
            self.note("restarted PostgreSQL", seconds=round(time.monotonic() - begun, 1))
        except subprocess.CalledProcessError as exc:
            self.note("PostgreSQL restart failed", stderr=exc.stderr.strip())


def run_import(env: dict[str, str], path: Path, delay: float, outcome: dict) -> None:
    time.sleep(delay)
    begun = time.monotonic()
    done = subprocess.run(
        [str(BIN / "ieum"), "import-residents", str(path), "--commit", "--verbosity", "0"],
        env=env, cwd=ROOT, text=True, capture_output=True,
    )  # fmt: skip
    outcome.update(
        seconds=round(time.monotonic() - begun, 1),
        exit=done.returncode,
        output=(done.stdout + done.stderr).strip()[-500:],
    )
    log(f"import finished in {outcome['seconds']} s, exit {done.returncode}")


def read_stats(prefix: Path, duration: float) -> list[dict]:
    rows = []
    with open(f"{prefix}_stats.csv", encoding="utf-8") as f:
        for row in csv.DictReader(f):
            count = int(row["Request Count"])
            rows.append(
                {
                    "kind": row["Name"] if row["Name"] != "Aggregated" else "ALL",
                    "method": row["Type"],
                    "requests": count,
                    "errors": int(row["Failure Count"]),
                    "req_s": round(count / duration, 1),
                    "p50_ms": _num(row["50%"]),
                    "p95_ms": _num(row["95%"]),
                    "max_ms": _num(row["Max Response Time"]),
                }
            )
    return rows


def _num(value: str) -> float | None:
    try:
        return round(float(value), 1)
    except ValueError:
        return None


def read_failures(prefix: Path) -> list[dict]:
    path = Path(f"{prefix}_failures.csv")
    if not path.exists():
        return []
    with path.open(encoding="utf-8") as f:
        return [
            {"kind": r["Name"], "error": r["Error"][:200], "occurrences": int(r["Occurrences"])}
            for r in csv.DictReader(f)
        ]


def verify(database: str, acks_path: Path, import_names: list[str], import_ok: bool) -> dict:
    acks = [json.loads(line) for line in acks_path.read_text().splitlines() if line.strip()]
    residents = {a["id"]: a["name"] for a in acks if a["kind"] == "resident"}
    consents = {a["id"]: a["resident"] for a in acks if a["kind"] == "consent"}
    with psycopg.connect(f"postgres://postgres@127.0.0.1:5432/{database}") as conn:
        found = dict(
            conn.execute(
                "SELECT id, name FROM residents_resident WHERE id = ANY(%s)", (list(residents),)
            ).fetchall()
        )
        found_consents = dict(
            conn.execute(
                "SELECT id, resident_id FROM privacy_consent WHERE id = ANY(%s)", (list(consents),)
            ).fetchall()
        )
        imported = conn.execute(
            "SELECT count(*) FROM residents_resident WHERE name = ANY(%s)", (import_names,)
        ).fetchone()[0]
    lost_residents = sorted(i for i, name in residents.items() if found.get(i) != name)
    lost_consents = sorted(i for i, rid in consents.items() if found_consents.get(i) != rid)
    expected_import = len(import_names) if import_ok else 0
    return {
        "acknowledged_residents": len(residents),
        "acknowledged_consents": len(consents),
        "import_rows_acknowledged": expected_import,
        "import_rows_found": imported,
        "lost_residents": lost_residents,
        "lost_consents": lost_consents,
        "lost_import_rows": max(0, expected_import - imported),
        "lost": len(lost_residents) + len(lost_consents) + max(0, expected_import - imported),
    }


def table(rows: list[dict]) -> str:
    columns = ["kind", "requests", "errors", "req_s", "p50_ms", "p95_ms", "max_ms"]
    cells = [[("" if r.get(c) is None else str(r.get(c))) for c in columns] for r in rows]
    widths = [max(len(c), *(len(x[i]) for x in cells)) for i, c in enumerate(columns)]
    lines = [
        "  ".join(
            c.ljust(w) if i == 0 else c.rjust(w) for i, (c, w) in enumerate(zip(columns, widths, strict=True))
        )
    ]
    lines.append("  ".join("-" * w for w in widths))
    for x in cells:
        lines.append(
            "  ".join(
                v.ljust(w) if i == 0 else v.rjust(w) for i, (v, w) in enumerate(zip(x, widths, strict=True))
            )
        )
    return "\n".join(lines)  # fmt: skip


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--users", type=int, default=200)
    parser.add_argument("--duration", type=int, default=60, help="seconds of load")
    parser.add_argument("--residents", type=int, default=20000, help="demo residents to load first")
    parser.add_argument("--import-rows", type=int, default=2000)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--faults", action="store_true", help="kill a worker and restart PostgreSQL mid-load")
    parser.add_argument("--database", default="ieum_load")
    parser.add_argument("--keep-db", action="store_true", help="do not drop the database at the end")
    args = parser.parse_args(argv)
    if not args.database.replace("_", "").isalnum():
        parser.error("--database: letters, digits and _ only")

    run = dt.datetime.now().strftime("%Y%m%dT%H%M%S")
    RESULTS_DIR.mkdir(exist_ok=True)
    work = Path(tempfile.mkdtemp(prefix="ieum-load-"))
    env = production_env(args.database, work)
    server: subprocess.Popen | None = None
    timings: dict[str, float] = {}
    status = 1
    ensure_pg_running()
    try:
        begun = time.monotonic()
        log(f"fresh database {args.database}")
        admin_sql(f"DROP DATABASE IF EXISTS {args.database} WITH (FORCE)")
        admin_sql(f"CREATE DATABASE {args.database}")
        ieum(env, "migrate", "--noinput", "-v", "0")
        ieum(env, "load-region", "jeonnam", capture=True)
        log(f"demo data: {args.residents} residents")
        ieum(env, "demo-data", "--residents", str(args.residents), "--seed", "1")
        ieum(env, "collectstatic", "--noinput", "-v", "0")
        setup_out = ieum(env, "shell", "-c", SETUP.replace("sys.argv[1]", repr(run)), capture=True)
        fixture = json.loads(setup_out.strip().splitlines()[-1])
        fixture_path = work / "fixture.json"
        fixture_path.write_text(json.dumps(fixture))
        import_path = work / f"load-import-{run}.csv"
        import_names = write_import_csv(import_path, run, args.import_rows, fixture["municipalities"])
        timings["setup_s"] = round(time.monotonic() - begun, 1)

        port = free_port()
        base = f"http://127.0.0.1:{port}"
        log(f"uvicorn on {base} with {args.workers} workers")
        server = subprocess.Popen(
            [str(BIN / "uvicorn"), "ieum.config.asgi:application", "--host", "127.0.0.1", "--port", str(port),
             "--workers", str(args.workers), "--no-access-log", "--log-level", "warning"],
            env=env, cwd=ROOT,
        )  # fmt: skip
        if not wait_http(f"{base}/help/"):
            raise RuntimeError("uvicorn did not answer /help/")

        acks_path = work / "acks.jsonl"
        acks_path.touch()
        stats_prefix = work / "stats"
        locust_env = dict(os.environ, LOADTEST_FIXTURE=str(fixture_path), LOADTEST_ACKS=str(acks_path))
        import_outcome: dict = {}
        importer = threading.Thread(
            target=run_import, args=(env, import_path, args.duration * 0.2, import_outcome), daemon=True
        )
        faults = Faults(server, args.duration) if args.faults else None
        log(f"locust: {args.users} users for {args.duration} s{' with faults' if faults else ''}")
        begun = time.monotonic()
        locust = subprocess.Popen(
            [str(BIN / "locust"), "-f", str(LOAD_DIR / "locustfile.py"), "--headless", "--host", base,
             "-u", str(args.users), "-r", str(max(1, args.users // 10)), "-t", f"{args.duration}s",
             "--csv", str(stats_prefix), "--only-summary", "--stop-timeout", "10", "--loglevel", "WARNING"],
            env=locust_env, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True,
        )  # fmt: skip
        importer.start()
        if faults:
            faults.start()
        _, locust_err = locust.communicate(timeout=args.duration + 120)
        load_seconds = time.monotonic() - begun
        importer.join(timeout=300)
        if faults:
            faults.join(timeout=120)
        server.terminate()  # its connections go before the check reads the database
        server.wait(timeout=30)
        ensure_pg_running()
        timings["load_s"] = round(load_seconds, 1)

        stats = read_stats(stats_prefix, args.duration)
        failures = read_failures(stats_prefix)
        check = verify(args.database, acks_path, import_names, import_outcome.get("exit") == 0)
        result = {
            "run": run,
            "date": dt.datetime.now().astimezone().isoformat(timespec="seconds"),
            "machine": {"cores": os.cpu_count(), "python": sys.version.split()[0]},
            "users": args.users,
            "duration_s": args.duration,
            "workers": args.workers,
            "demo_residents": args.residents,
            "faults": faults.events if faults else None,
            "import": {"rows": args.import_rows, **import_outcome},
            "timings": timings,
            "stats": stats,
            "failures": failures,
            "durability": check,
            "locust_stderr_tail": locust_err.strip()[-1000:],
        }
        out = RESULTS_DIR / f"{run}{'-faults' if faults else ''}.json"
        out.write_text(json.dumps(result, indent=2, ensure_ascii=False))
        print()
        print(table(stats))
        print()
        for failure in failures[:15]:
            print(f"error x{failure['occurrences']}: {failure['kind']}: {failure['error']}")
        print(
            f"import of {args.import_rows} rows: exit {import_outcome.get('exit')}, "
            f"{import_outcome.get('seconds')} s during the load"
        )
        print(
            f"acknowledged: {check['acknowledged_residents']} residents, {check['acknowledged_consents']} "
            f"consents, {check['import_rows_acknowledged']} imported rows; lost: {check['lost']}"
        )
        if check["lost"]:
            print(f"LOST residents {check['lost_residents']} consents {check['lost_consents']}")
        print(f"setup {timings['setup_s']} s, load {timings['load_s']} s; written to {out.relative_to(ROOT)}")
        # Under faults a failed import was never acknowledged: only a lost acknowledged write fails.
        import_failed = import_outcome.get("exit") != 0 and not faults
        status = 1 if check["lost"] or import_failed else 0
    finally:
        if server is not None:
            server.terminate()
            try:
                server.wait(timeout=20)
            except subprocess.TimeoutExpired:
                server.kill()
        ensure_pg_running()
        if not args.keep_db:
            try:
                admin_sql(f"DROP DATABASE IF EXISTS {args.database} WITH (FORCE)")
            except psycopg.Error as exc:
                log(f"could not drop {args.database}: {exc}")
        shutil.rmtree(work, ignore_errors=True)
    return status


if __name__ == "__main__":
    sys.exit(main())
