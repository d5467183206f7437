"""The regional immigration policy model: explicit assumptions → year-by-year outcomes. Pure
Python/numpy; no Django. Every number the model uses is in `Assumptions`, so a report can print
them all and two scenarios differ only where their assumptions do.

Each year, per track and industry:
    arrivals     = quota (summed over the counties of the scenario) · fill rate
    stock        = stock of last year · retention + arrivals
    retention    = base retention of the track + settlement-grant reach · grant effect (≤ 1)
Gap closed = Σ min(foreign workforce, labour gap) / Σ labour gap, per year, over industries.
Settlement outcomes: F-2-R holders (already settled by definition), and Korean-class completers
among the other tracks (seats per year · completion rate, never more than the workforce).
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field

TRACKS = ("E-7-4R", "F-2-R", "province")


@dataclass(frozen=True)
class QuotaLine:
    track: str
    industry: str
    county: str
    per_year: int


@dataclass(frozen=True)
class Assumptions:
    start_year: int
    years: int
    quotas: tuple[QuotaLine, ...]
    retention: dict[str, float]  # per track, yearly share staying in the region
    fill_rate: float = 1.0  # share of each quota actually used (2025's E-7-4R quota was used in full)
    grant_reach: float = 0.0  # share of the workforce reached by the settlement grant
    grant_effect: float = 0.0  # extra yearly retention of those it reaches
    korean_seats: int = 0  # Korean-class places a year
    korean_completion: float = 0.0
    gap: dict[str, float] = field(default_factory=dict)  # labour gap by industry (from projections)

    def as_rows(self) -> list[tuple[str, str]]:
        """The assumptions written out, for reports (labels are the caller's to translate)."""
        rows = [
            (key, str(value))
            for key, value in asdict(self).items()
            if key not in ("quotas", "retention", "gap")
        ]
        rows += [(f"retention {track}", f"{rate:.2f}") for track, rate in sorted(self.retention.items())]
        rows += [(f"gap {industry}", f"{value:.0f}") for industry, value in sorted(self.gap.items())]
        rows += [
            (f"quota {q.track} {q.industry} {q.county}", str(q.per_year))
            for q in sorted(self.quotas, key=lambda q: (q.track, q.industry, q.county))
        ]
        return rows


@dataclass(frozen=True)
class YearResult:
    year: int
    workforce: int
    by_industry: dict[str, int]
    gap_closed: float  # 0..1
    settled: int
    grant_recipients: int


def simulate(a: Assumptions) -> list[YearResult]:
    industries = sorted({q.industry for q in a.quotas} | set(a.gap))
    stock: dict[tuple[str, str], float] = {}
    completers = 0.0
    results = []
    for offset in range(a.years):
        for track in TRACKS:
            keep = min(1.0, a.retention.get(track, 0.0) + a.grant_reach * a.grant_effect)
            for industry in industries:
                arrivals = a.fill_rate * sum(
                    q.per_year for q in a.quotas if q.track == track and q.industry == industry
                )
                stock[(track, industry)] = stock.get((track, industry), 0.0) * keep + arrivals
        by_industry = {i: sum(stock.get((t, i), 0.0) for t in TRACKS) for i in industries}
        workforce = sum(by_industry.values())
        not_settled = workforce - sum(stock.get(("F-2-R", i), 0.0) for i in industries)
        completers = min(not_settled, completers + a.korean_seats * a.korean_completion)
        total_gap = sum(max(0.0, g) for g in a.gap.values())
        closed = sum(min(by_industry.get(i, 0.0), max(0.0, g)) for i, g in a.gap.items())
        results.append(
            YearResult(
                year=a.start_year + offset,
                workforce=round(workforce),
                by_industry={i: round(v) for i, v in by_industry.items()},
                gap_closed=closed / total_gap if total_gap else 0.0,
                settled=round(workforce - not_settled + completers),
                grant_recipients=round(workforce * a.grant_reach),
            )
        )
    return results


def assumptions_from_dict(data: dict) -> Assumptions:
    """From the JSON a scenario stores (and the form builds)."""
    return Assumptions(
        start_year=int(data["start_year"]),
        years=int(data["years"]),
        quotas=tuple(QuotaLine(**q) for q in data.get("quotas", [])),
        retention={k: float(v) for k, v in data.get("retention", {}).items()},
        fill_rate=float(data.get("fill_rate", 1.0)),
        grant_reach=float(data.get("grant_reach", 0.0)),
        grant_effect=float(data.get("grant_effect", 0.0)),
        korean_seats=int(data.get("korean_seats", 0)),
        korean_completion=float(data.get("korean_completion", 0.0)),
        gap={k: float(v) for k, v in data.get("gap", {}).items()},
    )
