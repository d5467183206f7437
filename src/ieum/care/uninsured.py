"""MOHW support for uninsured foreign residents (facts.md §4): who qualifies and how much.
A pure engine over the dated parameters in data/uninsured_support.toml. No Django import."""

from __future__ import annotations

import datetime as dt
import tomllib
from dataclasses import dataclass
from pathlib import Path

DATA_FILE = Path(__file__).parent / "data" / "uninsured_support.toml"


@dataclass(frozen=True)
class Period:
    valid_from: dt.date
    valid_to: dt.date
    rate_percent: int
    cap_krw: int
    care_types: tuple[str, ...]
    documents: tuple[str, ...]
    source: str


@dataclass(frozen=True)
class Estimate:
    eligible: bool
    reason: str  # "ok", "insured", "care_type"
    support_krw: int
    resident_pays_krw: int
    needs_review: bool  # costs above the cap need the program's review
    documents: tuple[str, ...]


def periods(path: Path = DATA_FILE) -> list[Period]:
    rows = tomllib.loads(path.read_text(encoding="utf-8"))["period"]
    return [
        Period(
            valid_from=r["valid_from"],
            valid_to=r["valid_to"],
            rate_percent=int(r["rate_percent"]),
            cap_krw=int(r["cap_krw"]),
            care_types=tuple(r["care_types"]),
            documents=tuple(r["documents"]),
            source=r["source"],
        )
        for r in rows
    ]


def period_on(day: dt.date, all_periods: list[Period] | None = None) -> Period:
    for period in all_periods if all_periods is not None else periods():
        if period.valid_from <= day <= period.valid_to:
            return period
    raise LookupError(f"no uninsured-support parameters for {day}")


def estimate(
    *, cost_krw: int, care_type: str, insured: bool, day: dt.date, period: Period | None = None
) -> Estimate:
    """Support for one episode: rate × cost, at most the cap (integer KRW, rounded down)."""
    p = period or period_on(day)
    if insured:
        return Estimate(False, "insured", 0, cost_krw, False, p.documents)
    if care_type not in p.care_types:
        return Estimate(False, "care_type", 0, cost_krw, False, p.documents)
    support = min(cost_krw * p.rate_percent // 100, p.cap_krw)
    return Estimate(
        True, "ok", support, cost_krw - support, cost_krw * p.rate_percent // 100 > p.cap_krw, p.documents
    )
