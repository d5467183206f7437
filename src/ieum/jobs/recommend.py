"""Recommendations over the database, both ways, with explanations and exposure spread."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import numpy as np
from django.db.models import F

from ieum.jobs import reasons
from ieum.jobs.engine import lawfulness as law
from ieum.jobs.engine.candidates import Index, recommend_for_seeker, recommend_for_vacancy
from ieum.jobs.engine.scoring import WEIGHTS, int_scores
from ieum.jobs.models import SeekerProfile, Vacancy
from ieum.jobs.selectors import build_world, job_of, open_vacancies, person_of, place_names, places_on
from ieum.residents.models import Resident


@dataclass
class Factor:
    name: str
    label: str
    value: float
    points: int


@dataclass
class Recommendation:
    vacancy: Vacancy | None
    seeker: SeekerProfile | None
    score: int
    factors: list[Factor]


def _factors(parts: dict, k: int) -> list[Factor]:
    rows = [
        Factor(
            name,
            reasons.factor_label(name),
            round(float(parts[name][k]), 2),
            int(round(1000 * w * float(parts[name][k]))),
        )
        for name, w in WEIGHTS.items()
    ]
    return sorted(rows, key=lambda f: -f.points)


def for_seeker(profile: SeekerProfile, day: dt.date, *, k: int = 10) -> list[Recommendation]:
    world = build_world(day, profiles=SeekerProfile.objects.filter(pk=profile.pk))
    if not world.seeker_ids or not world.vacancy_ids:
        return []
    shown = dict(Vacancy.objects.filter(pk__in=world.vacancy_ids).values_list("pk", "shown_count"))
    counts = np.array([shown.get(pk, 0) for pk in world.vacancy_ids], dtype=np.float64)
    index = Index.of_vacancies(world.vacancies)
    found, values, parts = recommend_for_seeker(
        world.seekers, world.vacancies, index, 0, world.dist, k=k, exposure=counts
    )
    ids = [world.vacancy_ids[int(j)] for j in found]
    Vacancy.objects.filter(pk__in=ids).update(shown_count=F("shown_count") + 1)
    vacancies = Vacancy.objects.select_related("employer", "municipality").in_bulk(ids)
    scores = int_scores(values)
    return [
        Recommendation(vacancies[pk], None, int(scores[n]), _factors(parts, n)) for n, pk in enumerate(ids)
    ]


def excluded_for_seeker(resident: Resident, day: dt.date, *, limit: int = 10) -> list[tuple[Vacancy, str]]:
    """Open vacancies the person may not take, each with the rule's reason in their language."""
    person = person_of(resident, day)
    if not person.status:
        return []
    places, names = places_on(day), place_names()
    out = []
    for vacancy in open_vacancies()[:200]:
        decision = law.decide(person, job_of(vacancy), day, places)
        if not decision.allowed:
            out.append((vacancy, reasons.explain(decision, place_names=names)))
        if len(out) >= limit:
            break
    return out


def status_path(resident: Resident, day: dt.date) -> str:
    """For statuses the center does not place (E-9 …): the lawful path, else ""."""
    person = person_of(resident, day)
    decision = law.status_decision(person.status, day) if person.status else None
    if decision is None or decision.allowed:
        return ""
    return reasons.explain(decision)


def for_vacancy(vacancy: Vacancy, day: dt.date) -> list[Recommendation]:
    """The EPS-style shortlist: three consenting, lawful seekers per open seat."""
    world = build_world(day)
    if vacancy.pk not in world.vacancy_ids or not world.seeker_ids:
        return []
    j = world.vacancy_ids.index(vacancy.pk)
    shown = dict(SeekerProfile.objects.filter(pk__in=world.seeker_ids).values_list("pk", "shown_count"))
    counts = np.array([shown.get(pk, 0) for pk in world.seeker_ids], dtype=np.float64)
    found, values, parts = recommend_for_vacancy(
        world.seekers, world.vacancies, j, world.dist, eligible=world.consented, exposure=counts
    )
    ids = [world.seeker_ids[int(i)] for i in found]
    SeekerProfile.objects.filter(pk__in=ids).update(shown_count=F("shown_count") + 1)
    seekers = SeekerProfile.objects.select_related("resident__nationality").in_bulk(ids)
    scores = int_scores(values)
    return [Recommendation(None, seekers[pk], int(scores[n]), _factors(parts, n)) for n, pk in enumerate(ids)]


def lawful_statuses(vacancy: Vacancy, day: dt.date) -> list[str]:
    """The statuses of stay that the rules let take this job (before any person's place or hours)."""
    from ieum.core.models import VisaStatus

    places, job = places_on(day), job_of(vacancy)
    out = []
    for code in VisaStatus.objects.order_by("code").values_list("code", flat=True):
        probe = law.Person(status=code, bound_municipality=job.municipality, korean_level=6)
        if law.decide(probe, job, day, places).allowed and (not vacancy.statuses or code in vacancy.statuses):
            out.append(code)
    return out


def congestion_report() -> dict[str, dict]:
    """How concentrated showings are, for vacancies and for seekers (exposure spread)."""
    from ieum.jobs.engine.candidates import congestion

    vacancies = np.array(list(Vacancy.objects.values_list("shown_count", flat=True)), dtype=np.int64)
    seekers = np.array(list(SeekerProfile.objects.values_list("shown_count", flat=True)), dtype=np.int64)
    return {"vacancies": congestion(vacancies), "seekers": congestion(seekers)}
