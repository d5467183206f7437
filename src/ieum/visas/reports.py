"""Aggregates only (no one's name): quota tables, the monthly published table, the Ministry's
yearly indicators (facts.md §1.6) and track simulations. Analysts may read all of them."""

from __future__ import annotations

import csv
import datetime as dt
import io
from collections import Counter, defaultdict
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np
from django.db.models import Count, Q, Sum
from django.db.models.functions import ExtractMonth
from openpyxl import Workbook

from ieum.residents.models import KoreanProficiency, Resident, VisaRecord
from ieum.visas import selectors
from ieum.visas.models import Application, Quota, Track

POPULATIONS = Path(__file__).parent / "data" / "populations.csv"
REGIONAL = ("F-2-R", "E-7-4R", "F-4-R", "F-3-1R")


def safe_cell(value: Any) -> Any:
    """Neutralise formula injection in a spreadsheet cell."""
    if isinstance(value, str) and value[:1] in ("=", "+", "-", "@"):
        return "'" + value
    return value


def xlsx(sheets: list[tuple[str, list[list[Any]]]]) -> bytes:
    book = Workbook()
    book.remove(book.active)
    for title, rows in sheets:
        sheet = book.create_sheet(title[:31])
        for row in rows:
            sheet.append([safe_cell(v) for v in row])
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def quota_rows(year: int) -> list[Quota]:
    return list(
        Quota.objects.filter(year=year)
        .select_related("municipality", "track")
        .order_by("program", "municipality__code", "industry")
    )


def monthly_table(year: int) -> list[dict[str, Any]]:
    """Per quota: recommendations made in each month of the year and what remains (the monthly
    published 'remaining quota', facts.md §1.2)."""
    counts: dict[int, dict[int, int]] = defaultdict(dict)
    issued = (
        Application.objects.filter(year=year, quota__isnull=False, letter_issued_at__isnull=False)
        .annotate(month=ExtractMonth("letter_issued_at"))
        .values("quota_id", "month")
        .annotate(n=Count("id"))
    )
    for row in issued:
        counts[row["quota_id"]][row["month"]] = row["n"]
    out = []
    for quota in quota_rows(year):
        months = [counts[quota.pk].get(m, 0) for m in range(1, 13)]
        out.append({"quota": quota, "months": months, "used": quota.used, "remaining": quota.remaining})
    return out


def monthly_xlsx(year: int) -> bytes:
    header = [
        "program",
        "track",
        "city/county",
        "industry",
        "quota",
        *[f"{year}-{m:02d}" for m in range(1, 13)],
        "used",
        "remaining",
    ]
    rows: list[list[Any]] = [header]
    for item in monthly_table(year):
        q = item["quota"]
        rows.append(
            [
                q.get_program_display(),
                q.track.name if q.track else "",
                q.municipality.name_ko,
                q.industry,
                q.amount,
                *item["months"],
                item["used"],
                item["remaining"],
            ]
        )
    return xlsx([(f"quota {year}", rows)])


def _populations() -> dict[str, int]:
    lines = [
        line for line in POPULATIONS.read_text(encoding="utf-8").splitlines() if not line.startswith("#")
    ]
    return {row["code"]: int(row["population"]) for row in csv.DictReader(lines)}


@dataclass(frozen=True)
class Indicator:
    key: str
    value: float | None  # a share (0–1) or None when the data are missing
    numerator: int
    denominator: int


def indicators(year: int, *, today: dt.date) -> list[Indicator]:
    """Quota fill rate, KIIP participation, illegal-stay rate, foreign share of population."""
    quotas = Quota.objects.filter(year=year).aggregate(amount=Sum("amount"), used=Sum("used"))
    amount, used = quotas["amount"] or 0, quotas["used"] or 0
    holders = set(
        VisaRecord.objects.filter(status__code__in=REGIONAL, valid_from__lte=today)
        .filter(Q(valid_to__isnull=True) | Q(valid_to__gte=today))
        .values_list("resident_id", flat=True)
    )
    kiip = set(
        KoreanProficiency.objects.filter(kind="kiip", resident_id__in=holders).values_list(
            "resident_id", flat=True
        )
    )
    residents = Resident.objects.active()
    total = residents.count()
    # Without a status in force today (the last one ended): the registry's overstay proxy.
    current = set(
        VisaRecord.objects.filter(valid_from__lte=today)
        .filter(Q(valid_to__isnull=True) | Q(valid_to__gte=today))
        .values_list("resident_id", flat=True)
    )
    with_any = set(VisaRecord.objects.values_list("resident_id", flat=True))
    overstay = len(with_any - current)
    population = _populations().get("46", 0)
    return [
        Indicator("quota_fill", used / amount if amount else None, used, amount),
        Indicator("kiip", len(kiip) / len(holders) if holders else None, len(kiip), len(holders)),
        Indicator("illegal_stay", overstay / len(with_any) if with_any else None, overstay, len(with_any)),
        Indicator("foreign_share", total / population if population else None, total, population),
    ]


def simulate_track(track: Track, *, as_of: dt.date) -> dict[str, Any]:
    """How many residents of today's registry meet the track, per industry and county."""
    pop = selectors.population_for(Resident.objects.active(), as_of=as_of)
    met = np.ones(len(pop), dtype=bool)
    if track.feeder_statuses:
        met &= np.isin(pop.status, list(track.feeder_statuses))
    if track.korean_min:
        met &= (pop.topik >= track.korean_min) | (pop.kiip >= track.korean_min)
    if track.income_min:
        met &= pop.income >= track.income_min
    if track.degree_min:
        met &= pop.degree >= track.degree_min
    homes = pop.home[met]
    by_county = Counter(str(h) or "?" for h in homes)
    return {
        "total": int(met.sum()),
        "by_county": dict(by_county.most_common()),
        # The resident record holds no occupation (KSCO) or industry (KSIC) code yet, so an E-7
        # occupation list cannot narrow the count: the page says so instead of guessing.
        "occupation_unchecked": bool(track.ksco_codes),
        "quota_by_industry": {
            q["industry"] or "?": q["amount"]
            for q in Quota.objects.filter(track=track).values("industry").annotate(amount=Sum("amount"))
        },
    }
