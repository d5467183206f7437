"""For random sequences of approvals, payments, failures, returns, retries, reversals, spending
and supplementary changes, every balance equals the sum of its entries and never goes negative."""

from __future__ import annotations

import contextlib
import datetime as dt

import pytest
from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Sum
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from ieum.grants import payments, services
from ieum.grants.models import BudgetLine, Entitlement, LedgerEntry, Payment, PaymentBatch
from ieum.grants.tests.conftest import prepared_application

PEOPLE = 4
ops = st.lists(
    st.one_of(
        st.tuples(st.just("approve"), st.integers(0, PEOPLE - 1)),
        st.tuples(st.just("batch"), st.just(0)),
        st.tuples(st.sampled_from(["OK", "FAIL", "RETURN"]), st.integers(0, PEOPLE - 1)),
        st.tuples(st.just("retry"), st.integers(0, PEOPLE - 1)),
        st.tuples(st.just("reverse"), st.integers(0, 30)),
        st.tuples(st.just("spend"), st.sampled_from([100_000, 400_000, 1_500_000])),
        st.tuples(st.just("amend"), st.sampled_from([-1_000_000, -300_000, 600_000])),
        st.tuples(st.just("clawback"), st.integers(0, PEOPLE - 1)),
    ),
    max_size=25,
)


@pytest.fixture
def world(program, line, preparer, approver):
    # A small line (four people's worth) so that overdrafts are tried often.
    services.budget_amend(line=line, amount=4 * 600_000 - line.allocated, decision="test", actor=preparer)
    apps = [prepared_application(program, preparer) for _ in range(PEOPLE)]
    return {"program": program, "line": line, "apps": apps, "officer": approver}


def _latest(entitlement: Entitlement) -> Payment:
    return entitlement.payments.order_by("-attempt").first()


def _step(world, op: str, arg: int) -> None:
    officer, program, line = world["officer"], world["program"], world["line"]
    application = world["apps"][arg % PEOPLE]
    entitlement = Entitlement.objects.filter(application=application).first()
    if op == "approve":
        services.application_approve(application=application, actor=officer)
    elif op == "batch":
        batch = payments.payment_batch_create(program=program, method="bank", actor=officer)
        payments.bank_file_render(batch=batch, actor=officer)
    elif op in ("OK", "FAIL", "RETURN") and entitlement:
        payment = _latest(entitlement)
        if payment.batch_id:
            data = f"R,{payment.idempotency_key},{payment.amount_krw},{op},\r\n".encode()
            payments.batch_reconcile(
                batch=PaymentBatch.objects.get(pk=payment.batch_id), data=data, file_name="r", actor=officer
            )
    elif op == "retry" and entitlement:
        payments.payment_retry(payment=_latest(entitlement), actor=officer)
    elif op == "reverse":
        entries = list(LedgerEntry.objects.order_by("id"))
        services.ledger_entry_reverse(entry=entries[arg % len(entries)], reason="correction", actor=officer)
    elif op == "spend":
        services.budget_spend(line=line, amount=arg, decision="invoice", actor=officer)
    elif op == "amend":
        services.budget_amend(line=line, amount=arg, decision="supplementary", actor=officer)
    elif op == "clawback" and entitlement:
        payments.grant_clawback(
            entitlement=entitlement, broken_on=dt.date.today(), reason="moved", actor=officer
        )


def _check_balances() -> None:
    for line in BudgetLine.objects.all():
        sums = LedgerEntry.objects.filter(line=line).aggregate(
            a=Sum("allocated_delta"), c=Sum("committed_delta"), s=Sum("spent_delta")
        )
        assert (line.allocated, line.committed, line.spent) == (
            sums["a"] or 0,
            sums["c"] or 0,
            sums["s"] or 0,
        )
        assert line.committed >= 0 and line.spent >= 0 and line.available >= 0
    for entitlement in Entitlement.objects.all():
        assert entitlement.payments.filter(status__in=Payment.LIVE).count() <= 1
    paid_twice = Payment.objects.filter(status="paid").values("entitlement").annotate()
    assert len(paid_twice) == len({p["entitlement"] for p in paid_twice})


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(sequence=ops)
def test_every_balance_equals_the_sum_of_its_entries_and_never_goes_negative(world, sequence):
    with transaction.atomic():
        for op, arg in sequence:
            # A refusal changes nothing; the invariants below still hold.
            with contextlib.suppress(ValidationError):
                _step(world, op, arg)
            _check_balances()
        transaction.set_rollback(True)
