"""JSON API of grants (mounted at /api/v1/grants/). Access goes through grants.access, like the
pages: the budget statement is aggregate (officers, administrators, analysts); an application is
seen by whoever may see it on the pages (the resident, the filing counselor, officers in reach)."""

from __future__ import annotations

from django.http import Http404
from ninja import Router, Schema

from ieum.core.http import AuthedRequest
from ieum.grants import access, selectors
from ieum.grants.models import BudgetLine
from ieum.grants.texts import render_reason

router = Router(tags=["grants"])


class BalanceOut(Schema):
    line: str
    allocated: int
    committed: int
    spent: int
    available: int


class PaymentOut(Schema):
    attempt: int
    status: str
    amount_krw: int


class ApplicationOut(Schema):
    id: int
    program: str
    status: str
    eligible: bool
    reasons: list[str]
    payment_method: str
    account_masked: str
    payments: list[PaymentOut]


@router.get("/statement/{year}", response=list[BalanceOut])
def statement(request: AuthedRequest, year: int):
    access.require(access.can_read_statement(request.user))
    if not BudgetLine.objects.filter(fiscal_year=year).exists():
        raise Http404
    return [
        BalanceOut(
            line=b.label, allocated=b.allocated, committed=b.committed, spent=b.spent, available=b.available
        )
        for b in selectors.balances_by_line(year)
    ]


@router.get("/applications/{application_id}", response=ApplicationOut)
def application(request: AuthedRequest, application_id: int):
    found = access.get_application_for_user(request.user, application_id, request=request)
    entitlement = getattr(found, "entitlement", None)
    payments = entitlement.payments.order_by("attempt") if entitlement else []
    return ApplicationOut(
        id=found.pk,
        program=found.program.code,
        status=found.status,
        eligible=found.eligible,
        reasons=[render_reason(r) for r in found.reasons],
        payment_method=found.payment_method,
        account_masked=found.account_hint,
        payments=[PaymentOut(attempt=p.attempt, status=p.status, amount_krw=p.amount_krw) for p in payments],
    )
