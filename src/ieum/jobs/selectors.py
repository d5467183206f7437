"""Reads of the jobs app, and the arrays that feed the engines."""

from __future__ import annotations

import datetime as dt
import math
from dataclasses import dataclass

import numpy as np
from django.db.models import Max, QuerySet

from ieum.core.models import DeclineDesignation, Municipality, MunicipalityMembership
from ieum.jobs.engine import lawfulness as law
from ieum.jobs.engine.scoring import Seekers, Vacancies, ksco_int
from ieum.jobs.models import Employer, Placement, SeekerProfile, Vacancy
from ieum.privacy.models import Consent
from ieum.privacy.vocabulary import Purpose, RecipientKind
from ieum.residents.models import Resident, VisaRecord

# The recipient named in a seeker's consent to be shown to employers (see services.EMPLOYER_CONSENT).
EMPLOYERS_RECIPIENT_ID = "verified-employers"
LANGUAGE_BITS = ("ko", "en", "vi", "zh", "id", "km", "ne", "th", "si", "fil", "uz", "ru", "my", "mn")


def language_mask(codes: list[str]) -> int:
    mask = 0
    for code in codes:
        base = code.split("-")[0]
        if base in LANGUAGE_BITS:
            mask |= 1 << LANGUAGE_BITS.index(base)
    return mask


def current_visa(resident: Resident, day: dt.date) -> VisaRecord | None:
    return (
        resident.visas.select_related("status", "municipality")
        .filter(valid_from__lte=day)
        .exclude(valid_to__lt=day)
        .order_by("-valid_from")
        .first()
    )


def korean_level(resident: Resident) -> int:
    # TOPIK levels and KIIP stages share a 0–6 scale; EPS-TOPIK scores (out of 200) do not.
    return int(resident.korean.filter(kind__in=("topik", "kiip")).aggregate(m=Max("level"))["m"] or 0)


def person_of(resident: Resident, day: dt.date) -> law.Person:
    visa = current_visa(resident, day)
    if visa is None:
        return law.Person(status="")
    bound = (
        visa.municipality.code
        if visa.municipality
        else (resident.municipality.code if resident.municipality else "")
    )
    return law.Person(
        status=visa.status.code,
        status_since=visa.valid_from,
        bound_municipality=bound,
        korean_level=korean_level(resident),
    )


def job_of(vacancy: Vacancy) -> law.Job:
    return law.Job(
        ksic=vacancy.ksic_code,
        ksco=vacancy.ksco_code,
        municipality=vacancy.municipality.code,
        hours_per_week=vacancy.hours_per_week,
        wage_hourly=vacancy.wage_hourly,
    )


def places_on(day: dt.date) -> dict[str, law.Place]:
    """Each city/county's province and decline designation on `day`, in three queries: the same
    answers as Municipality.province_on / is_decline_area_on, which query once per county each
    (every page that recommends jobs builds this table)."""
    # Newest first, so the dict keeps the oldest row, as province_on's .first() does.
    province_of = dict(
        MunicipalityMembership.objects.valid_on(day)
        .order_by("-pk")
        .values_list("municipality_id", "province__code")
    )
    declining = set(DeclineDesignation.objects.valid_on(day).values_list("municipality_id", flat=True))
    return {
        code: law.Place(province_of.get(pk, ""), pk in declining)
        for pk, code in Municipality.objects.values_list("pk", "code")
    }


def place_names() -> dict[str, str]:
    return {m.code: m.name_en or m.name_ko for m in Municipality.objects.all()}


def distance_table() -> tuple[list[str], np.ndarray]:
    """Great-circle km between city/county seats, from the region pack's coordinates (its
    municipalities.toml names the source); counties without coordinates are 200 km from all."""
    rows = list(Municipality.objects.order_by("code").values_list("code", "latitude", "longitude"))
    codes = [r[0] for r in rows]
    lat = np.radians(np.array([r[1] if r[1] is not None else math.nan for r in rows], dtype=np.float64))
    lon = np.radians(np.array([r[2] if r[2] is not None else math.nan for r in rows], dtype=np.float64))
    dlat = lat[:, None] - lat[None, :]
    dlon = lon[:, None] - lon[None, :]
    a = np.sin(dlat / 2) ** 2 + np.cos(lat[:, None]) * np.cos(lat[None, :]) * np.sin(dlon / 2) ** 2
    km = 2 * 6371.0 * np.arcsin(np.sqrt(np.clip(a, 0, 1)))
    return codes, np.nan_to_num(km, nan=200.0).astype(np.float32)


def consented_resident_ids() -> set[int]:
    """Residents with an active consent to be shown to verified employers."""
    return set(
        Consent.objects.filter(
            kind=Consent.Kind.PROVISION,
            recipient_kind=RecipientKind.EMPLOYER,
            recipient_id=EMPLOYERS_RECIPIENT_ID,
            purpose=Purpose.JOB_MATCHING,
            withdrawn_at__isnull=True,
        ).values_list("resident_id", flat=True)
    )


def employer_consent(resident: Resident) -> Consent | None:
    return (
        Consent.objects.filter(
            resident=resident,
            kind=Consent.Kind.PROVISION,
            recipient_kind=RecipientKind.EMPLOYER,
            recipient_id=EMPLOYERS_RECIPIENT_ID,
            withdrawn_at__isnull=True,
        )
        .order_by("-given_at")
        .first()
    )


def open_vacancies() -> QuerySet[Vacancy]:
    return Vacancy.objects.filter(
        status=Vacancy.Status.OPEN, employer__verified_at__isnull=False
    ).select_related("municipality", "employer")


def hires(vacancy: Vacancy) -> int:
    return vacancy.placements.filter(stage=Placement.Stage.HIRED).count()


@dataclass
class World:
    """The engine's arrays for one day, with the ids behind each row."""

    seekers: Seekers
    vacancies: Vacancies
    dist: np.ndarray
    seeker_ids: list[int]
    vacancy_ids: list[int]
    consented: np.ndarray  # (n,) bool: may be shown to employers
    statuses: list[str]


def build_world(day: dt.date, *, profiles: QuerySet[SeekerProfile] | None = None) -> World:
    codes, dist = distance_table()
    county = {c: i for i, c in enumerate(codes)}
    places = places_on(day)
    consented = consented_resident_ids()
    profiles = profiles if profiles is not None else SeekerProfile.objects.filter(active=True)
    profiles = profiles.select_related("resident__municipality").prefetch_related("resident__languages")
    people = [(p, person_of(p.resident, day)) for p in profiles]
    statuses = sorted({person.status for _, person in people} | {"F-5"})
    width = max([len(p.experience) for p, _ in people] + [1])
    reach_width = max([len(p.counties) + 1 for p, _ in people] + [1])
    n = len(people)
    exp_ksco = np.full((n, width), -1, dtype=np.int32)
    exp_years = np.zeros((n, width), dtype=np.float32)
    reach = np.full((n, reach_width), -1, dtype=np.int16)
    cols: dict[str, list] = {
        k: [] for k in ("korean", "wage", "county", "housing", "lang", "status", "area", "bound", "hours")
    }
    for i, (profile, person) in enumerate(people):
        for e, item in enumerate(profile.experience):
            exp_ksco[i, e] = ksco_int(str(item.get("ksco", "")))
            exp_years[i, e] = float(item.get("years", 0))
        home = profile.resident.municipality.code if profile.resident.municipality else ""
        wanted = [home] + [c for c in profile.counties if c != home]
        for w, code in enumerate(c for c in wanted if c in county):
            reach[i, w] = county[code]
        area = law.area_rule(person, day) if person.status else 0
        cols["korean"].append(person.korean_level)
        cols["wage"].append(profile.wanted_wage)
        cols["county"].append(county.get(home, 0))
        cols["housing"].append(profile.needs_housing)
        cols["lang"].append(language_mask([lang.language for lang in profile.resident.languages.all()]))
        cols["status"].append(statuses.index(person.status))
        cols["area"].append(area)
        cols["bound"].append(county.get(person.bound_municipality, -1) if area else -1)
        cols["hours"].append(law.hours_cap(person, day) if person.status else 0)
    seekers = Seekers(
        exp_ksco=exp_ksco,
        exp_years=exp_years,
        korean=np.array(cols["korean"], dtype=np.int8),
        wage=np.array(cols["wage"], dtype=np.int32),
        county=np.array(cols["county"], dtype=np.int16),
        reach=reach,
        needs_housing=np.array(cols["housing"], dtype=bool),
        languages=np.array(cols["lang"], dtype=np.int64),
        status=np.array(cols["status"], dtype=np.int16),
        area_rule=np.array(cols["area"], dtype=np.int8),
        bound_county=np.array(cols["bound"], dtype=np.int16),
        hours_cap=np.array(cols["hours"], dtype=np.int16),
    )
    vacancies = list(open_vacancies().prefetch_related("placements"))
    status_ok = np.zeros((len(vacancies), len(statuses)), dtype=bool)
    for j, vacancy in enumerate(vacancies):
        job = job_of(vacancy)
        for k, status in enumerate(statuses):
            if vacancy.statuses and status not in vacancy.statuses:
                continue
            # Place-bound and hours rules are per person (area_rule, hours_cap); here the status only.
            probe = law.Person(status=status, bound_municipality=job.municipality, korean_level=6)
            status_ok[j, k] = bool(status) and law.decide(probe, job, day, places).allowed
    open_seats = [
        v.headcount - sum(1 for p in v.placements.all() if p.stage == Placement.Stage.HIRED)
        for v in vacancies
    ]
    vac = Vacancies(
        ksco=np.array([ksco_int(v.ksco_code) for v in vacancies], dtype=np.int32),
        county=np.array([county.get(v.municipality.code, 0) for v in vacancies], dtype=np.int16),
        wage=np.array([v.wage_hourly for v in vacancies], dtype=np.int32),
        korean_req=np.array([v.korean_required for v in vacancies], dtype=np.int8),
        housing=np.array([v.housing or v.employer.dormitory for v in vacancies], dtype=bool),
        languages=np.array([language_mask(v.employer.languages) for v in vacancies], dtype=np.int64),
        headcount=np.array([max(s, 0) for s in open_seats], dtype=np.int32),
        hours=np.array([v.hours_per_week for v in vacancies], dtype=np.int16),
        status_ok=status_ok,
        decline_county=np.array([places.get(c, law.Place("", False)).decline for c in codes], dtype=bool),
    )
    return World(
        seekers=seekers,
        vacancies=vac,
        dist=dist,
        seeker_ids=[p.pk for p, _ in people],
        vacancy_ids=[v.pk for v in vacancies],
        consented=np.array([p.resident_id in consented for p, _ in people], dtype=bool),
        statuses=statuses,
    )


def employer_of(user) -> Employer | None:
    member = getattr(user, "employer_member", None) if user.is_authenticated else None
    return member.employer if member else None
