"""JSON API of visas (mounted at /api/v1/visas/). Access goes through ieum.visas.access, like the
pages."""

from __future__ import annotations

from django.utils import timezone
from ninja import Router, Schema

from ieum.core.http import AuthedRequest
from ieum.visas import access, reports

router = Router(tags=["visas"])


class CriterionOut(Schema):
    code: str
    state: str
    sentence: str
    evidence: str


class DecisionOut(Schema):
    program: str
    status: str
    outcome: str
    outcome_label: str
    change: str
    criteria: list[CriterionOut]


class QuotaOut(Schema):
    program: str
    year: int
    municipality: str
    industry: str
    amount: int
    used: int
    remaining: int


@router.get("/residents/{resident_id}/screening", response=list[DecisionOut])
def resident_screening(request: AuthedRequest, resident_id: int):
    from ieum.visas.views import screening_for

    resident = access.get_resident_to_screen(
        request.user, resident_id, request=request, channel=getattr(request, "api_channel", "web")
    )
    return [
        DecisionOut(
            program=item["code"],
            status=item["status"],
            outcome=item["outcome"],
            outcome_label=item["outcome_label"],
            change=item["change"],
            criteria=[
                CriterionOut(**{k: c[k] for k in ("code", "state", "sentence", "evidence")})
                for c in item["criteria"]
            ],
        )
        for item in screening_for(resident.pk, timezone.localdate())
    ]


@router.get("/quotas", response=list[QuotaOut])
def quotas(request: AuthedRequest, year: int | None = None):
    access.require_aggregates(request.user)
    year = year if year and 2000 <= year <= 2100 else timezone.localdate().year
    return [
        QuotaOut(
            program=q.program,
            year=q.year,
            municipality=q.municipality.code,
            industry=q.industry,
            amount=q.amount,
            used=q.used,
            remaining=q.remaining,
        )
        for q in reports.quota_rows(year)
    ]
