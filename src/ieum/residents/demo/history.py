"""A person's statuses of stay over time, and who sponsored each one."""

from __future__ import annotations

import datetime as dt
import random
from collections.abc import Callable

from ieum.residents.demo import profiles
from ieum.residents.demo.employers import EMPLOYERS, Employer
from ieum.residents.demo.records import VisaSpan
from ieum.residents.demo.sampling import YEAR, Weighted, between, triangular, years_after, years_before

# Statuses whose permit runs for the EPS employment period (3 years, extended to 4 y 10 m).
EPS_CODES = ("E-9", "E-10")
EPS_FIRST, EPS_MAX = 3.0, 4.83


class Sponsors:
    """Employers by status and city/county: the status's sectors present in the county, else in
    the province, else any employer in the county."""

    def __init__(self) -> None:
        self._cache: dict[tuple[str, str], Weighted[Employer] | None] = {}

    def pick(self, rng: random.Random, code: str, county: str) -> Employer | None:
        key = (code, county)
        if key not in self._cache:
            self._cache[key] = self._build(code, county)
        sampler = self._cache[key]
        return sampler(rng) if sampler else None

    @staticmethod
    def _build(code: str, county: str) -> Weighted[Employer] | None:
        sectors = profiles.PROFILES[code].sectors if code in profiles.PROFILES else {}
        if not sectors:
            return None
        for pool in (
            [e for e in EMPLOYERS if e.municipality == county and e.sector in sectors],
            [e for e in EMPLOYERS if e.sector in sectors],
        ):
            if pool:
                return Weighted([(e, sectors[e.sector]) for e in pool])
        return None


def current_expiry(rng: random.Random, code: str, start: dt.date, as_of: dt.date) -> dt.date | None:
    if code == "F-5":
        return None  # permanent residence
    if code == "E-8":
        end = start + dt.timedelta(days=150)  # five months, extendable to eight
        return end if end > as_of else start + dt.timedelta(days=240)
    if code in EPS_CODES:
        first = years_after(start, EPS_FIRST)
        return first if first > as_of + dt.timedelta(days=60) else years_after(start, EPS_MAX)
    roll = rng.random()
    if roll < 0.01:
        return as_of - dt.timedelta(days=rng.randrange(1, 60))  # overstaying
    if roll < 0.05:
        return as_of + dt.timedelta(days=rng.randrange(0, 30))  # due for extension
    return as_of + dt.timedelta(days=rng.randrange(30, 731))


def plan(
    rng: random.Random, code: str, path: tuple[str, ...], stay: float, birth: dt.date, as_of: dt.date
) -> list[tuple[str, dt.date, dt.date | None]]:
    """(status, from, to) from first entry to now. Earlier statuses are dropped when the
    person would have been under 18 at entry."""
    priors = [(p, triangular(rng, profiles.PRIOR_YEARS[p])) for p in path]
    adult_years = (as_of - years_after(birth, 18)).days / YEAR
    while True:
        needed = sum(y for _, y in priors) + 0.25
        total = max(stay, needed)
        if total <= adult_years or not priors:
            break
        priors.pop(0)
    total = max(0.05, min(total, adult_years))
    start = years_before(as_of, total)
    spans: list[tuple[str, dt.date, dt.date | None]] = []
    for prior, years in priors:
        end = years_after(start, years)
        spans.append((prior, start, end - dt.timedelta(days=1)))
        start = end
    floor = profiles.STATUS_FROM.get(code)
    if floor and start < floor:
        # The status is newer than the stay: the earlier status lasted until it could be changed.
        start = between(rng, floor, max(floor, as_of - dt.timedelta(days=30)))
        if spans:
            prior, prior_start, _ = spans[-1]
            spans[-1] = (prior, prior_start, start - dt.timedelta(days=1))
    if code in EPS_CODES and (as_of - start).days / YEAR > EPS_MAX:
        # A sincere worker leaves after 4 y 10 m and re-enters for a second stay (facts.md §2.5).
        first_end = years_after(start, EPS_MAX)
        spans.append((code, start, first_end))
        start = min(
            between(rng, first_end + dt.timedelta(days=30), first_end + dt.timedelta(days=120)),
            as_of - dt.timedelta(days=30),
        )
    spans.append((code, start, current_expiry(rng, code, start, as_of)))
    return spans


def sponsor_spans(
    rng: random.Random,
    spans: list[tuple[str, dt.date, dt.date | None]],
    county: str,
    sponsors: Sponsors,
    county_for: Callable[[random.Random, str], str],
) -> list[VisaSpan]:
    """Attach a sponsor and a city/county to each span: the current one where the person lives,
    earlier ones mostly there too, and the same employer where a worker stayed on."""
    out: list[VisaSpan] = []
    previous: Employer | None = None
    last = len(spans) - 1
    for index, (code, start, end) in enumerate(spans):
        place = county if index == last or rng.random() < 0.75 else county_for(rng, code)
        employer = None
        profile = profiles.PROFILES.get(code)
        if profile and profile.sectors and rng.random() < profile.employed:
            stays = (
                previous is not None and previous.municipality == place and previous.sector in profile.sectors
            )
            employer = previous if stays and rng.random() < 0.6 else sponsors.pick(rng, code, place)
        span = VisaSpan(code, start, end, place)
        if employer:
            span.sponsor, span.sponsor_brn, span.sector = employer.name_ko, employer.brn, employer.sector
            previous = employer
        span.note = profiles.REGIONAL_NOTES.get(code, "")
        if index and spans[index - 1][0] == code and code in EPS_CODES:
            span.note = "성실근로자 재입국"
        out.append(span)
    return out
