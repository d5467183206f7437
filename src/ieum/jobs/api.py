"""JSON API of jobs (mounted at /api/v1/jobs/). Access goes through ieum.jobs.access, like the pages."""

from __future__ import annotations

from django.utils import timezone
from ninja import Router, Schema

from ieum.core.http import AuthedRequest
from ieum.jobs import access, recommend, report
from ieum.jobs.models import SeekerProfile

router = Router(tags=["jobs"])


class FactorOut(Schema):
    name: str
    value: float
    points: int


class RecommendationOut(Schema):
    vacancy_id: int
    title: str
    employer: str
    municipality: str
    wage_hourly: int
    score: int
    factors: list[FactorOut]


class ReportRowOut(Schema):
    key: str
    suppressed: bool
    candidates: int | None = None
    hires: int | None = None
    hire_rate: float | None = None
    median_days_to_fill: int | None = None
    retention_3m: float | None = None
    retention_6m: float | None = None
    retention_12m: float | None = None
    workplace_changes: int | None = None


class ReportOut(Schema):
    industry: list[ReportRowOut]
    county: list[ReportRowOut]
    nationality: list[ReportRowOut]


@router.get("/my/recommendations", response=list[RecommendationOut])
def my_recommendations(request: AuthedRequest):
    """The signed-in resident's top lawful vacancies with the factors of each score."""
    resident = access.get_own_seeker_resident(request.user)
    profile = SeekerProfile.objects.filter(resident=resident).first()
    today = timezone.localdate()
    if profile is None or recommend.status_path(resident, today):
        return []
    return [
        RecommendationOut(
            vacancy_id=item.vacancy.pk,
            title=item.vacancy.title,
            employer=item.vacancy.employer.name,
            municipality=item.vacancy.municipality.code,
            wage_hourly=item.vacancy.wage_hourly,
            score=item.score,
            factors=[FactorOut(name=f.name, value=f.value, points=f.points) for f in item.factors],
        )
        for item in recommend.for_seeker(profile, today)
        if item.vacancy is not None
    ]


@router.get("/report", response=ReportOut)
def placements_report(request: AuthedRequest):
    """Placement outcomes by industry, county and nationality; groups under 5 people suppressed."""
    access.require_report(request.user)
    return report.outcomes(timezone.localdate())
