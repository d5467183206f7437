"""50 concurrent approvals on PostgreSQL, double-clicked submissions among them: nobody gets the
grant twice, the budget line never goes below zero, the headcount cap holds."""

from __future__ import annotations

import pytest
from django.core.exceptions import ValidationError
from django.db.models import Count

from ieum.core.testing import run_concurrently
from ieum.grants.loading import budget_load, program_load
from ieum.grants.models import Application, BudgetLine, Entitlement, GrantProgram, LedgerEntry, Payment
from ieum.grants.payments import bank_file_render, batch_reconcile, payment_batch_create
from ieum.grants.services import application_approve, budget_amend
from ieum.grants.tests.conftest import officer_user, prepared_application, program_data

pytestmark = [pytest.mark.postgres, pytest.mark.django_db(transaction=True)]


def _setup(region, *, cap: int, budget_people: int | None, applications: int):
    budget_load(year=2024)
    program = program_load(program_data(headcount_cap=cap), year=2024)
    preparer, approver = officer_user("prep"), officer_user("appr")
    if budget_people is not None:
        line = program.budget_line
        budget_amend(
            line=line, amount=budget_people * 600_000 - line.allocated, decision="test cut", actor=preparer
        )
    apps = [prepared_application(program, preparer) for _ in range(applications)]
    return program, approver, apps


def _approve(approver):
    def call(application: Application):
        try:
            return application_approve(application=application, actor=approver)
        except ValidationError as exc:
            return exc.code

    return call


def _invariants(program: GrantProgram) -> BudgetLine:
    line = BudgetLine.objects.get(pk=program.budget_line_id)
    assert line.committed >= 0 and line.spent >= 0 and line.available >= 0
    sums = LedgerEntry.objects.filter(line=line).values_list("committed_delta", "spent_delta")
    assert line.committed == sum(c for c, _ in sums) and line.spent == sum(s for _, s in sums)
    per_person = Entitlement.objects.values("resident").annotate(n=Count("id")).filter(n__gt=1)
    assert not per_person.exists()
    live = Payment.objects.filter(status__in=Payment.LIVE).values("entitlement").annotate(n=Count("id"))
    assert not live.filter(n__gt=1).exists()
    return line


def test_fifty_concurrent_approvals_hold_the_headcount_cap(region):
    program, approver, apps = _setup(region, cap=20, budget_people=None, applications=40)
    # 40 applications and 10 double clicks on the first ten of them.
    results = run_concurrently(_approve(approver), apps + apps[:10])
    granted = [r for r in results if isinstance(r, Entitlement)]
    assert len(granted) == 20
    assert not [r for r in results if isinstance(r, Exception)], results
    program.refresh_from_db()
    assert program.approved_count == 20 == Entitlement.objects.count()
    line = _invariants(program)
    assert line.committed == 20 * 600_000


def test_fifty_concurrent_approvals_never_overdraw_the_budget_line(region):
    program, approver, apps = _setup(region, cap=100, budget_people=15, applications=40)
    results = run_concurrently(_approve(approver), apps + apps[:10])
    assert not [r for r in results if isinstance(r, Exception)], results
    assert Entitlement.objects.count() == 15
    line = _invariants(program)
    assert line.available == 0 and line.committed == 15 * 600_000
    program.refresh_from_db()
    assert program.approved_count == 15


def test_fifty_clicks_on_one_application_grant_it_once_and_it_is_paid_once(region):
    program, approver, apps = _setup(region, cap=10, budget_people=None, applications=1)
    results = run_concurrently(_approve(approver), apps * 50)
    assert sum(isinstance(r, Entitlement) for r in results) == 1
    assert set(r for r in results if not isinstance(r, Entitlement)) == {"approved"}
    batch = payment_batch_create(program=program, method="bank", actor=approver)
    bank_file_render(batch=batch, actor=approver)
    key = batch.payments.get().idempotency_key
    data = f"R,{key},600000,OK,\r\n".encode()

    def reconcile(_):
        return batch_reconcile(batch=batch, data=data, file_name="r.csv", actor=approver)

    run_concurrently(reconcile, list(range(50)))
    assert LedgerEntry.objects.filter(kind="payment").count() == 1
    line = _invariants(program)
    assert line.spent == 600_000 and line.committed == 0
