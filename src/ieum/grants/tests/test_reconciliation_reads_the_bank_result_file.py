"""A payment is paid only when the bank's result file says so; each line of a (partial) result
file is reported: matched, failed, returned, unknown."""

from __future__ import annotations

import csv
import io

import pytest
from django.core.exceptions import ValidationError

from ieum.grants.models import Entitlement, LedgerEntry, Payment
from ieum.grants.models.payments import idempotency_key
from ieum.grants.payments import bank_file_render, batch_reconcile, payment_batch_create, payment_retry
from ieum.grants.services import application_approve
from ieum.grants.tests.conftest import prepared_application


@pytest.fixture
def batch(program, preparer, approver):
    for _ in range(5):
        application_approve(application=prepared_application(program, preparer), actor=approver)
    return payment_batch_create(program=program, method="bank", actor=approver)


def result(*lines: str) -> bytes:
    return ("\r\n".join(lines) + "\r\n").encode()


def test_the_bank_file_declares_count_and_total_and_carries_the_keys(batch, approver):
    data = bank_file_render(batch=batch, actor=approver)
    rows = list(csv.reader(io.StringIO(data.decode())))
    assert rows[0][0] == "H" and rows[0][1] == batch.reference and rows[0][3:] == ["5", "3000000"]
    assert rows[-1] == ["T", "5", "3000000"]
    details = rows[1:-1]
    assert [r[6] for r in details] == list(
        batch.payments.order_by("id").values_list("idempotency_key", flat=True)
    )
    assert {r[3] for r in details} == {"110234567890"} and {r[5] for r in details} == {"600000"}
    assert set(batch.payments.values_list("status", flat=True)) == {"sent"}
    # Downloading again gives the same lines: same keys, so the bank pays each once.
    assert bank_file_render(batch=batch, actor=approver).splitlines()[1:] == data.splitlines()[1:]


def test_a_result_file_with_matches_a_failure_a_return_and_an_unknown_line(batch, approver, line):
    bank_file_render(batch=batch, actor=approver)
    p = list(batch.payments.order_by("id"))
    k = [x.idempotency_key for x in p]
    # A first, partial file: two paid.
    first = batch_reconcile(
        batch=batch,
        data=result(f"R,{k[0]},600000,OK,", f"R,{k[1]},600000,OK,"),
        file_name="r1.csv",
        actor=approver,
    )
    assert [x["outcome"] for x in first.lines] == ["matched", "matched"]
    line.refresh_from_db()
    assert (line.committed, line.spent) == (3 * 600_000, 2 * 600_000)
    # The second file: one more paid, one failed, the first one returned, and a key nobody knows.
    report = batch_reconcile(
        batch=batch,
        data=result(
            f"R,{k[2]},600000,OK,정상",
            f"R,{k[3]},600000,FAIL,계좌 없음",
            f"R,{k[0]},600000,RETURN,수취인 반환",
            "R,ffffffffffffffffffffffffffffffff,600000,OK,",
            f"R,{k[4]},599000,OK,",
        ),
        file_name="r2.csv",
        actor=approver,
    )
    outcomes = [(x["line_no"], x["outcome"]) for x in report.lines]
    assert outcomes == [(1, "matched"), (2, "failed"), (3, "returned"), (4, "unknown"), (5, "unknown")]
    assert [x["detail"] for x in report.lines] == ["paid", "failed", "returned", "no_key", "amount"]
    assert report.lines[1]["bank_message"] == "계좌 없음"
    statuses = [Payment.objects.get(pk=x.pk).status for x in p]
    assert statuses == ["returned", "paid", "paid", "failed", "sent"]
    line.refresh_from_db()
    # Paid: 2 (k1, k2); still owed: k0 (returned), k3 (failed), k4 (no answer yet).
    assert (line.spent, line.committed) == (2 * 600_000, 3 * 600_000)
    assert Entitlement.objects.get(pk=p[0].entitlement_id).status == "open"
    assert batch.reports.count() == 2


def test_the_same_result_file_read_twice_pays_once(batch, approver, line):
    bank_file_render(batch=batch, actor=approver)
    k = batch.payments.order_by("id").first().idempotency_key
    data = result(f"R,{k},600000,OK,")
    batch_reconcile(batch=batch, data=data, file_name="r.csv", actor=approver)
    again = batch_reconcile(batch=batch, data=data, file_name="r.csv", actor=approver)
    assert again.lines[0]["outcome"] == "already"
    assert LedgerEntry.objects.filter(kind="payment").count() == 1
    line.refresh_from_db()
    assert line.spent == 600_000


def test_a_failed_payment_is_retried_without_a_new_entitlement(batch, approver):
    bank_file_render(batch=batch, actor=approver)
    failed = batch.payments.order_by("id").first()
    batch_reconcile(
        batch=batch, data=result(f"R,{failed.idempotency_key},600000,FAIL,"), file_name="r", actor=approver
    )
    failed.refresh_from_db()
    retry = payment_retry(payment=failed, actor=approver)
    assert retry.entitlement_id == failed.entitlement_id and retry.attempt == 2
    assert retry.idempotency_key == idempotency_key(
        program_code=batch.program.code, entitlement_id=failed.entitlement_id, attempt=2
    )
    assert retry.idempotency_key != failed.idempotency_key
    assert Entitlement.objects.count() == 5
    with pytest.raises(ValidationError):
        payment_retry(payment=failed, actor=approver)  # one live attempt at a time
    following = payment_batch_create(program=batch.program, method="bank", actor=approver)
    assert list(following.payments.all()) == [retry]


def test_a_file_that_is_not_a_result_file_is_refused_and_changes_nothing(batch, approver):
    bank_file_render(batch=batch, actor=approver)
    with pytest.raises(ValidationError):
        batch_reconcile(batch=batch, data=b"\xff\xfe garbage", file_name="x.csv", actor=approver)
    with pytest.raises(ValidationError):
        batch_reconcile(batch=batch, data=b"H,header only\r\n", file_name="x.csv", actor=approver)
    assert set(batch.payments.values_list("status", flat=True)) == {"sent"}


def test_the_idempotency_key_is_deterministic():
    a = idempotency_key(program_code="p", entitlement_id=7, attempt=1)
    assert a == idempotency_key(program_code="p", entitlement_id=7, attempt=1)
    assert a != idempotency_key(program_code="p", entitlement_id=7, attempt=2)
