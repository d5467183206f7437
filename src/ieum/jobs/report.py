"""Placement outcomes by industry, county and nationality: hire rate, time to fill, retention
at 3, 6 and 12 months, workplace changes. Aggregates only; cells under 5 people are suppressed
(privacy issue §7), so analysts may read them."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from ieum.jobs.models import Placement

SMALL_CELL = 5
MONTHS = (3, 6, 12)


@dataclass
class Cell:
    key: str
    candidates: int = 0
    hires: int = 0
    fill_days: list[int] = field(default_factory=list)
    stayed: dict[int, list[bool]] = field(default_factory=lambda: {m: [] for m in MONTHS})
    changes: int = 0

    @property
    def suppressed(self) -> bool:
        return self.candidates < SMALL_CELL

    def row(self) -> dict:
        if self.suppressed:
            return {"key": self.key, "suppressed": True}
        return {
            "key": self.key,
            "suppressed": False,
            "candidates": self.candidates,
            "hires": self.hires,
            "hire_rate": round(self.hires / self.candidates, 3) if self.candidates else 0.0,
            "median_days_to_fill": sorted(self.fill_days)[len(self.fill_days) // 2]
            if self.fill_days
            else None,
            **{
                f"retention_{m}m": (round(sum(v) / len(v), 3) if len(v) >= SMALL_CELL else None)
                for m, v in self.stayed.items()
            },
            "workplace_changes": self.changes,
        }


def _add_months(day: dt.date, months: int) -> dt.date:
    month = day.month - 1 + months
    year, month = day.year + month // 12, month % 12 + 1
    return dt.date(year, month, min(day.day, 28))


def outcomes(today: dt.date) -> dict[str, list[dict]]:
    """{"industry": rows, "county": rows, "nationality": rows}."""
    cells: dict[str, dict[str, Cell]] = {"industry": {}, "county": {}, "nationality": {}}
    placements = Placement.objects.select_related(
        "vacancy__municipality", "seeker__resident__nationality"
    ).only(
        "stage",
        "hired_on",
        "left_on",
        "workplace_change",
        "vacancy__ksic_code",
        "vacancy__created_at",
        "vacancy__municipality__name_en",
        "seeker__resident__nationality__alpha2",
    )
    for p in placements.iterator(chunk_size=2000):
        nationality = p.seeker.resident.nationality
        keys = {
            "industry": p.vacancy.ksic_code[:2],
            "county": p.vacancy.municipality.name_en,
            "nationality": nationality.alpha2 if nationality else "—",
        }
        for dimension, key in keys.items():
            cell = cells[dimension].setdefault(key, Cell(key))
            cell.candidates += 1
            if p.hired_on is None:
                continue
            cell.hires += 1
            cell.fill_days.append((p.hired_on - p.vacancy.created_at.date()).days)
            cell.changes += int(p.workplace_change)
            for m in MONTHS:
                mark = _add_months(p.hired_on, m)
                if mark <= today:
                    cell.stayed[m].append(p.left_on is None or p.left_on >= mark)
    return {dim: [c.row() for c in sorted(v.values(), key=lambda c: c.key)] for dim, v in cells.items()}
