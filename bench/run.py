"""Run every bench/bench_*.py, write bench/results/<name>.json and print a summary table.

    python bench/run.py                    # all benchmarks
    python bench/run.py resident_search    # only those whose name contains the word

Each module exposes `run() -> dict`. The dict may hold a "summary" list of flat rows (one per
case); those rows make the table. A benchmark measures its own baseline in the same run, so a
result never depends on numbers from another machine or day. Exit status 1 if a benchmark failed
to run, or (with --strict) missed a target.
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import sys
import time
import traceback
from pathlib import Path
from types import ModuleType

BENCH_DIR = Path(__file__).resolve().parent
RESULTS_DIR = BENCH_DIR / "results"
COLUMNS = (
    "benchmark",
    "backend",
    "case",
    "n",
    "p50_ms",
    "p95_ms",
    "baseline_p50_ms",
    "baseline_p95_ms",
    "target_p95_ms",
    "ok",
)


def _load(path: Path) -> ModuleType:
    spec = importlib.util.spec_from_file_location(path.stem, path)
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _table(rows: list[dict]) -> str:
    columns = [c for c in COLUMNS if any(c in row for row in rows)]
    columns += sorted({k for row in rows for k in row} - set(columns))
    cells = [[_cell(row.get(c)) for c in columns] for row in rows]
    widths = [max(len(c), *(len(r[i]) for r in cells)) for i, c in enumerate(columns)]
    lines = ["  ".join(c.ljust(w) for c, w in zip(columns, widths, strict=True))]
    lines.append("  ".join("-" * w for w in widths))
    lines += [
        "  ".join(v.rjust(w) if _numeric(v) else v.ljust(w) for v, w in zip(r, widths, strict=True))
        for r in cells
    ]
    return "\n".join(line.rstrip() for line in lines)


def _cell(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "yes" if value else "MISS"
    if isinstance(value, float):
        return f"{value:.2f}"
    return str(value)


def _numeric(value: str) -> bool:
    return value.replace(".", "", 1).isdigit()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("only", nargs="*", help="run only benchmarks whose name contains one of these")
    parser.add_argument("--strict", action="store_true", help="exit 1 when a target is missed")
    args = parser.parse_args(argv)
    RESULTS_DIR.mkdir(exist_ok=True)
    rows: list[dict] = []
    failed = missed = False
    for path in sorted(BENCH_DIR.glob("bench_*.py")):
        name = path.stem.removeprefix("bench_")
        if args.only and not any(word in name for word in args.only):
            continue
        print(f"== {name}", file=sys.stderr, flush=True)
        started = time.perf_counter()
        try:
            result = _load(path).run()
        except Exception:
            traceback.print_exc()
            failed = True
            rows.append({"benchmark": name, "case": "FAILED"})
            continue
        result.setdefault("benchmark", name)
        result["wall_seconds"] = round(time.perf_counter() - started, 1)
        (RESULTS_DIR / f"{name}.json").write_text(json.dumps(result, indent=2, ensure_ascii=False) + "\n")
        for row in result.get("summary", []):
            rows.append({"benchmark": name, **row})
            missed |= row.get("ok") is False
        print(f"== {name}: {result['wall_seconds']} s, results in bench/results/{name}.json", file=sys.stderr)
    if rows:
        print(_table(rows))
    return 1 if failed or (args.strict and missed) else 0


if __name__ == "__main__":
    sys.exit(main())
