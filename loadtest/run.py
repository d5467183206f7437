"""Load test: a busy evening against uvicorn and PostgreSQL on loopback (`make loadtest`).

    python loadtest/run.py                 # 200 users for 60 s
    python loadtest/run.py --faults        # the same, killing a worker and restarting PostgreSQL
    python loadtest/run.py --users 50 --duration 20 --residents 2000

Starts a PostgreSQL cluster of its own on a free loopback port (initdb in a temporary directory,
removed at the end; `--pg shared` uses the machine's server on 5432 instead, with a database of
its own), migrates, loads the region pack and demo residents, then the load test's people
(loadtest/fixture.py: counselors with queues, API tokens and workspace sessions, residents with
portal sessions, program officers, grant applications, an analyst). Starts uvicorn with
production settings (the Redis channel layer when Redis answers, as with several app processes
in production) and runs locust headless (loadtest/locustfile.py): counselors working queues
and answering web chats, residents chatting, officers preparing and approving grants and paying
them in batches, an analyst exporting, while a CSV import runs through
`ieum import-residents --commit`. Prints throughput, p50/p95 latency per request kind and the
errors, and writes them to loadtest/results/<timestamp>.json.

With --faults, one uvicorn worker is SIGKILLed and PostgreSQL restarted during the load. Then
every write the server acknowledged is looked up in the database: residents, consents and the
committed import; cases, their steps and notes; chats and chat messages; grant preparations,
approvals (each with its payment), payment batches, payments sent to the bank and paid. The
counts per kind are printed and written with the results. Exit status 1 if an acknowledged write
is missing (or the run could not be made).
"""

from __future__ import annotations

import argparse
import base64
import csv
import datetime as dt
import json
import os
import re
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
from collections import Counter
from pathlib import Path

import psycopg

ROOT = Path(__file__).resolve().parents[1]
LOAD_DIR = ROOT / "loadtest"
RESULTS_DIR = LOAD_DIR / "results"
BIN = Path(sys.executable).parent
SHARED_PG = "postgres://postgres@127.0.0.1:5432"
REDIS_URL = "redis://127.0.0.1:6379/9"


def log(message: str) -> None:
    print(f"[{time.strftime('%H:%M:%S')}] {message}", flush=True)


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def answers(url: str, timeout: float) -> bool:
    deadline = time.monotonic() + timeout
    while True:
        try:
            with psycopg.connect(url, connect_timeout=2) as conn:
                conn.execute("SELECT 1")
            return True
        except psycopg.Error:
            if time.monotonic() > deadline:
                return False
            time.sleep(0.5)


class SharedPostgres:
    """The machine's PostgreSQL server (Debian's cluster on 5432). Restarting it cuts off
    everyone else's connections too: use it only on a machine of your own."""

    base = SHARED_PG

    def __init__(self, work: Path) -> None:
        self.version = sorted(os.listdir("/etc/postgresql"))[-1]

    def _ctl(self, action: str) -> None:
        command = ["pg_ctlcluster", "--skip-systemctl-redirect", self.version, "main", action]
        subprocess.run(command, check=True, capture_output=True, text=True)

    def start(self) -> None:
        if answers(f"{self.base}/postgres", timeout=3):
            return
        log("PostgreSQL is not answering: starting it")
        self.ensure_running()

    def ensure_running(self) -> None:
        if answers(f"{self.base}/postgres", timeout=3):
            return
        try:
            self._ctl("start")
        except subprocess.CalledProcessError as exc:
            log(f"pg_ctlcluster start: {exc.stderr.strip()}")
        if not answers(f"{self.base}/postgres", timeout=60):
            log("PostgreSQL did not come back")

    def restart(self) -> None:
        self._ctl("restart")

    def stop(self) -> None:
        pass


class PrivatePostgres:
    """A cluster of the run's own: initdb into the work directory, a free loopback port, trust
    authentication; restarting it touches nobody else's work. Run as the postgres account when
    the load test runs as root (PostgreSQL refuses to run as root)."""

    def __init__(self, work: Path) -> None:
        bindir = subprocess.run(["pg_config", "--bindir"], check=True, capture_output=True, text=True)
        self.bin = Path(bindir.stdout.strip())
        self.data = work / "pg"
        self.port = free_port()
        self.base = f"postgres://postgres@127.0.0.1:{self.port}"
        self.as_owner = ["runuser", "-u", "postgres", "--"] if os.geteuid() == 0 else []
        self.running = False

    def _run(self, *command: str) -> None:
        subprocess.run([*self.as_owner, *command], check=True, capture_output=True, text=True)

    def _ctl(self, *args: str) -> None:
        self._run(str(self.bin / "pg_ctl"), "-D", str(self.data), "-w", "-t", "120", *args)

    def start(self) -> None:
        self.data.mkdir()
        if self.as_owner:
            self.data.parent.chmod(0o711)  # the postgres account passes through to its directory
            shutil.chown(self.data, "postgres", "postgres")
        self._run(
            str(self.bin / "initdb"), "-D", str(self.data), "-U", "postgres", "-A", "trust", "--no-sync"
        )
        options = f"-p {self.port} -k {self.data} -c listen_addresses=127.0.0.1 -c max_connections=200"
        self._ctl("-l", str(self.data / "server.log"), "-o", options, "start")
        self.running = True
        if not answers(f"{self.base}/postgres", timeout=30):
            raise RuntimeError("the load test's PostgreSQL cluster did not start")

    def ensure_running(self) -> None:
        if self.running and not answers(f"{self.base}/postgres", timeout=3):
            log("PostgreSQL is not answering: starting it")
            self._ctl("-l", str(self.data / "server.log"), "start")
            answers(f"{self.base}/postgres", timeout=60)

    def restart(self) -> None:
        # The fast mode, as pg_ctlcluster restart: open transactions roll back, clients are cut off.
        # The log file again, or the new server would write to (and hold open) pg_ctl's output.
        self._ctl("-l", str(self.data / "server.log"), "-m", "fast", "restart")

    def stop(self) -> None:
        if self.running:
            try:
                self._ctl("-m", "immediate", "stop")
            except subprocess.CalledProcessError as exc:
                log(f"could not stop the load test's PostgreSQL: {exc.stderr.strip()}")
            self.running = False


def admin_sql(pg: SharedPostgres | PrivatePostgres, statement: str) -> None:
    with psycopg.connect(f"{pg.base}/postgres", autocommit=True) as conn:
        conn.execute(statement)  # type: ignore[arg-type]


def redis_answers(url: str) -> bool:
    host, port = re.match(r"redis://([^:/]+):(\d+)", url).groups()  # type: ignore[union-attr]
    try:
        with socket.create_connection((host, int(port)), timeout=2) as s:
            s.sendall(b"PING\r\n")
            return s.recv(16).startswith(b"+PONG")
    except OSError:
        return False


def production_env(database_url: str, work: Path, redis_url: str) -> dict[str, str]:
    fernet = base64.urlsafe_b64encode(secrets.token_bytes(32)).decode()
    env = dict(os.environ)
    env.update(
        DATABASE_URL=database_url,
        IEUM_DEBUG="false",
        IEUM_SECRET_KEY=secrets.token_urlsafe(50),
        IEUM_ENCRYPTION_KEYS=f"k1:{fernet}",
        IEUM_BLIND_INDEX_KEY=secrets.token_urlsafe(32),
        IEUM_ALLOWED_HOSTS="127.0.0.1",
        IEUM_SSL_REDIRECT="false",
        IEUM_VAR_DIR=str(work / "var"),
        IEUM_STATIC_ROOT=str(work / "static"),
        IEUM_REDIS_URL=redis_url,
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

    def __init__(self, server: subprocess.Popen, duration: int, pg: SharedPostgres | PrivatePostgres) -> None:
        super().__init__(daemon=True)
        self.server = server
        self.duration = duration
        self.pg = pg
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
            self.pg.restart()
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


# ---- the check of acknowledged writes -------------------------------------------------------

MESSAGE_TAG = re.compile(r"\[LOAD [^\]]+\]")


def _rows(conn: psycopg.Connection, sql: str, *params: object) -> list[tuple]:
    return conn.execute(sql, params).fetchall()  # type: ignore[arg-type]


def _check_simple(conn: psycopg.Connection, acks: list[dict], sql: str, expected) -> list:
    """Acknowledged ids whose row is missing or differs: `sql` answers (id, value) for the ids."""
    ids = [a["id"] for a in acks]
    found = dict(_rows(conn, sql, ids))
    return sorted({a["id"] for a in acks if a["id"] not in found or found[a["id"]] != expected(a)})


def _lost_per_kind(conn: psycopg.Connection, acks: dict[str, list[dict]]) -> dict[str, list]:
    lost: dict[str, list] = {}
    lost["resident"] = _check_simple(
        conn,
        acks["resident"],
        "SELECT id, name FROM residents_resident WHERE id = ANY(%s)",
        lambda a: a["name"],
    )
    lost["consent"] = _check_simple(
        conn, acks["consent"], "SELECT id, resident_id FROM privacy_consent WHERE id = ANY(%s)",
        lambda a: a["resident"],
    )  # fmt: skip
    lost["case"] = _check_simple(
        conn, acks["case"], "SELECT id, number FROM casework_case WHERE id = ANY(%s)", lambda a: a["number"]
    )
    lost["case_note"] = _check_simple(
        conn, acks["case_note"], "SELECT id, case_id FROM casework_casenote WHERE id = ANY(%s)",
        lambda a: a["case"],
    )  # fmt: skip
    # A step is in the case's history once per acknowledgement (wait and resume may repeat).
    wanted = Counter((a["case"], a["event"]) for a in acks["case_step"])
    had = {
        (case, kind): n
        for case, kind, n in _rows(
            conn,
            "SELECT case_id, kind, count(*) FROM casework_caseevent WHERE case_id = ANY(%s) GROUP BY 1, 2",
            list({case for case, _ in wanted}),
        )
    }
    lost["case_step"] = sorted(
        f"{case} {kind}" for (case, kind), n in wanted.items() if had.get((case, kind), 0) < n
    )
    lost["conversation"] = _check_simple(
        conn, acks["conversation"],
        "SELECT c.id, true FROM chat_conversation c JOIN casework_case k ON k.id = c.case_id "
        "WHERE c.id = ANY(%s)",
        lambda a: True,
    )  # fmt: skip
    conversations = list({a["conversation"] for a in acks["message"]})
    stored = {
        (conversation, tag)
        for conversation, text in _rows(
            conn,
            "SELECT conversation_id, text FROM chat_message WHERE conversation_id = ANY(%s)",
            conversations,
        )
        for tag in MESSAGE_TAG.findall(text)
    }
    lost["message"] = sorted(a["tag"] for a in acks["message"] if (a["conversation"], a["tag"]) not in stored)
    prepared = {
        a: (status, by)
        for a, status, by in _rows(
            conn,
            "SELECT a.id, a.status, u.username FROM grants_application a "
            "JOIN core_user u ON u.id = a.prepared_by_id WHERE a.id = ANY(%s)",
            [a["application"] for a in acks["grant_prepared"]],
        )
    }
    lost["grant_prepared"] = sorted(
        a["application"]
        for a in acks["grant_prepared"]
        if prepared.get(a["application"], ("", ""))[1] != a["by"]
        or prepared[a["application"]][0] not in ("prepared", "approved")
    )
    # An approval is acknowledged with its entitlement and the first payment attempt.
    approved = dict(
        _rows(
            conn,
            "SELECT a.id, u.username FROM grants_application a JOIN core_user u ON u.id = a.approved_by_id "
            "JOIN grants_entitlement e ON e.application_id = a.id "
            "JOIN grants_payment p ON p.entitlement_id = e.id AND p.attempt = 1 "
            "WHERE a.status = 'approved' AND a.id = ANY(%s)",
            [a["application"] for a in acks["grant_approved"]],
        )
    )
    lost["grant_approved"] = sorted(
        a["application"] for a in acks["grant_approved"] if approved.get(a["application"]) != a["by"]
    )
    lost["grant_batch"] = _check_simple(
        conn, acks["grant_batch"],
        "SELECT b.id, b.declared_count = count(p.id) FROM grants_paymentbatch b "
        "LEFT JOIN grants_payment p ON p.batch_id = b.id WHERE b.id = ANY(%s) GROUP BY b.id",
        lambda a: True,
    )  # fmt: skip
    payments = dict(
        _rows(
            conn,
            "SELECT p.idempotency_key, p.status || CASE WHEN EXISTS (SELECT 1 FROM grants_ledgerentry l "
            "WHERE l.payment_id = p.id AND l.kind = 'payment') THEN '+ledger' ELSE '' END "
            "FROM grants_payment p WHERE p.idempotency_key = ANY(%s)",
            [a["key"] for a in acks["grant_sent"] + acks["grant_paid"]],
        )
    )
    lost["grant_sent"] = sorted(
        a["key"] for a in acks["grant_sent"] if payments.get(a["key"]) not in ("sent", "paid+ledger")
    )
    lost["grant_paid"] = sorted(
        a["key"] for a in acks["grant_paid"] if payments.get(a["key"]) != "paid+ledger"
    )
    return lost


KINDS = [
    "resident", "consent", "case", "case_step", "case_note", "conversation", "message",
    "grant_prepared", "grant_approved", "grant_batch", "grant_sent", "grant_paid",
]  # fmt: skip


def verify(database_url: str, acks_path: Path, import_names: list[str], import_ok: bool) -> dict:
    acks: dict[str, list[dict]] = {kind: [] for kind in KINDS}
    for line in acks_path.read_text().splitlines():
        if line.strip():
            record = json.loads(line)
            acks[record["kind"]].append(record)
    with psycopg.connect(database_url) as conn:
        lost = _lost_per_kind(conn, acks)
        imported = _rows(conn, "SELECT count(*) FROM residents_resident WHERE name = ANY(%s)", import_names)[
            0
        ][0]
    expected_import = len(import_names) if import_ok else 0
    per_kind = {kind: {"acknowledged": len(acks[kind]), "lost": len(lost[kind])} for kind in KINDS}
    per_kind["import_row"] = {"acknowledged": expected_import, "lost": max(0, expected_import - imported)}
    return {
        "per_kind": per_kind,
        "lost_examples": {kind: items[:20] for kind, items in lost.items() if items},
        "import_rows_found": imported,
        "lost": sum(k["lost"] for k in per_kind.values()),
    }


def table(rows: list[dict], columns: list[str]) -> str:
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
    parser.add_argument(
        "--pg", choices=["private", "shared"], default="private",
        help="a PostgreSQL cluster of the run's own (default), or the machine's server on 5432",
    )  # fmt: skip
    parser.add_argument("--database", default="ieum_load")
    parser.add_argument(
        "--redis", default=REDIS_URL, help="channel layer for the app processes ('none': in memory)"
    )
    parser.add_argument(
        "--keep-db", action="store_true", help="do not drop the database (or the cluster) at the end"
    )
    args = parser.parse_args(argv)
    if not args.database.replace("_", "").isalnum():
        parser.error("--database: letters, digits and _ only")

    run = dt.datetime.now().strftime("%Y%m%dT%H%M%S")
    RESULTS_DIR.mkdir(exist_ok=True)
    work = Path(tempfile.mkdtemp(prefix="ieum-load-"))
    pg: SharedPostgres | PrivatePostgres = (
        PrivatePostgres(work) if args.pg == "private" else SharedPostgres(work)
    )
    redis_url = args.redis if args.redis != "none" and redis_answers(args.redis) else ""
    if args.redis != "none" and not redis_url:
        log(f"Redis does not answer at {args.redis}: the channel layer stays in memory")
    server: subprocess.Popen | None = None
    timings: dict[str, float] = {}
    status = 1
    try:
        begun = time.monotonic()
        pg.start()
        database_url = f"{pg.base}/{args.database}"
        env = production_env(database_url, work, redis_url)
        log(f"fresh database {args.database} ({args.pg} PostgreSQL, {pg.base.rsplit('@', 1)[1]})")
        admin_sql(pg, f"DROP DATABASE IF EXISTS {args.database} WITH (FORCE)")
        admin_sql(pg, f"CREATE DATABASE {args.database}")
        ieum(env, "migrate", "--noinput", "-v", "0")
        ieum(env, "load-region", "jeonnam", capture=True)
        log(f"demo data: {args.residents} residents")
        ieum(env, "demo-data", "--residents", str(args.residents), "--seed", "1")
        ieum(env, "collectstatic", "--noinput", "-v", "0")
        log("the evening's people: loadtest/fixture.py")
        fixture_path = work / "fixture.json"
        applications = max(100, 2 * args.duration)
        done = subprocess.run(
            [sys.executable, str(LOAD_DIR / "fixture.py"), run, str(fixture_path), "--users", str(args.users),
             "--applications", str(applications)],
            env=env, cwd=ROOT, text=True, capture_output=True,
        )  # fmt: skip
        if done.returncode != 0:
            raise RuntimeError(f"loadtest/fixture.py failed:\n{done.stderr.strip()[-3000:]}")
        log(done.stdout.strip().splitlines()[-1])
        fixture = json.loads(fixture_path.read_text())
        import_path = work / f"load-import-{run}.csv"
        import_names = write_import_csv(import_path, run, args.import_rows, fixture["municipalities"])
        timings["setup_s"] = round(time.monotonic() - begun, 1)

        port = free_port()
        base = f"http://127.0.0.1:{port}"
        log(f"uvicorn on {base} with {args.workers} workers{', Redis channel layer' if redis_url else ''}")
        server_log_path = work / "server.log"
        server_log = server_log_path.open("w", encoding="utf-8")
        server = subprocess.Popen(
            [str(BIN / "uvicorn"), "ieum.config.asgi:application", "--host", "127.0.0.1", "--port", str(port),
             "--workers", str(args.workers), "--no-access-log", "--log-level", "warning"],
            env=env, cwd=ROOT, stdout=server_log, stderr=subprocess.STDOUT,
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
        faults = Faults(server, args.duration, pg) if args.faults else None
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
        pg.ensure_running()
        timings["load_s"] = round(load_seconds, 1)

        server_log.close()
        server_said = server_log_path.read_text(encoding="utf-8", errors="replace")
        stats = read_stats(stats_prefix, args.duration)
        failures = read_failures(stats_prefix)
        check = verify(database_url, acks_path, import_names, import_outcome.get("exit") == 0)
        result = {
            "run": run,
            "date": dt.datetime.now().astimezone().isoformat(timespec="seconds"),
            "machine": {"cores": os.cpu_count(), "python": sys.version.split()[0]},
            "users": args.users,
            "duration_s": args.duration,
            "workers": args.workers,
            "postgres": args.pg,
            "channel_layer": "redis" if redis_url else "memory",
            "demo_residents": args.residents,
            "grant_applications": applications,
            "faults": faults.events if faults else None,
            "import": {"rows": args.import_rows, **import_outcome},
            "timings": timings,
            "stats": stats,
            "failures": failures,
            "durability": check,
            "locust_stderr_tail": locust_err.strip()[-1000:],
            "server_log": {
                "internal_server_errors": server_said.count("Internal Server Error"),
                "tail": server_said.strip()[-3000:],
            },
        }
        out = RESULTS_DIR / f"{run}{'-faults' if faults else ''}.json"
        out.write_text(json.dumps(result, indent=2, ensure_ascii=False))
        print()
        print(table(stats, ["kind", "requests", "errors", "req_s", "p50_ms", "p95_ms", "max_ms"]))
        print()
        for failure in failures[:20]:
            print(f"error x{failure['occurrences']}: {failure['kind']}: {failure['error']}")
        print(
            f"import of {args.import_rows} rows: exit {import_outcome.get('exit')}, "
            f"{import_outcome.get('seconds')} s during the load"
        )
        print(f"server log: {result['server_log']['internal_server_errors']} internal server errors")
        print()
        kinds = [{"write": kind, **counts} for kind, counts in check["per_kind"].items()]
        print(table(kinds, ["write", "acknowledged", "lost"]))
        print(f"acknowledged writes lost: {check['lost']}")
        for kind, examples in check["lost_examples"].items():
            print(f"LOST {kind}: {examples}")
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
        if args.keep_db:
            log(f"kept {pg.base}/{args.database}")
            if isinstance(pg, PrivatePostgres):
                stop = " ".join([*pg.as_owner, str(pg.bin / "pg_ctl"), "-D", str(pg.data), "stop"])
                log(f"its cluster keeps running from {pg.data}; stop it with: {stop}")
        else:
            if args.pg == "shared":
                pg.ensure_running()
                try:
                    admin_sql(pg, f"DROP DATABASE IF EXISTS {args.database} WITH (FORCE)")
                except psycopg.Error as exc:
                    log(f"could not drop {args.database}: {exc}")
            pg.stop()
            shutil.rmtree(work, ignore_errors=True)
    return status


if __name__ == "__main__":
    sys.exit(main())
