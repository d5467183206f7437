"""Payments: batches, the bank file, reconciliation, retries, gift certificates, clawbacks.

A payment counts as paid only when the bank's result file says so (or, for gift certificates,
when the hand-over is recorded with the serials). Each is one transaction.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from dataclasses import asdict, dataclass
from typing import Any

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.db.models import Max
from django.utils import timezone
from django.utils.translation import gettext as _

from ieum.core import keys
from ieum.core.access import log_access
from ieum.core.models import User
from ieum.grants.bankfiles import LAYOUTS, BadResultFile, TransferRow
from ieum.grants.ledger import post_entry
from ieum.grants.models import (
    Entitlement,
    GiftCertificate,
    GrantProgram,
    LedgerEntry,
    Payment,
    PaymentBatch,
    ReconciliationReport,
)
from ieum.grants.models.payments import idempotency_key
from ieum.grants.models.programs import PaymentMethod
from ieum.grants.services import _timeline


def _program_name(payment: Payment) -> str:
    return payment.entitlement.program.name_ko


def _locked_payment(payment_id: int) -> Payment:
    return (
        Payment.objects.select_for_update()
        .select_related("entitlement__program", "entitlement__resident")
        .get(pk=payment_id)
    )


@transaction.atomic
def payment_batch_create(*, program: GrantProgram, method: str, actor: User) -> PaymentBatch:
    """Gathers every payment of the program waiting for a batch (locked, so two officers
    creating batches at once cannot put one payment in both)."""
    waiting = list(
        Payment.objects.select_for_update()
        .filter(
            entitlement__program=program, method=method, status=Payment.Status.PENDING, batch__isnull=True
        )
        .order_by("id")
    )
    if not waiting:
        raise ValidationError(_("No payment is waiting for a batch."), code="empty")
    batch = PaymentBatch.objects.create(
        program=program,
        method=method,
        declared_count=len(waiting),
        declared_total=sum(p.amount_krw for p in waiting),
        created_by=actor,
    )
    Payment.objects.filter(pk__in=[p.pk for p in waiting]).update(batch=batch)
    return batch


@transaction.atomic
def bank_file_render(*, batch: PaymentBatch, actor: User, value_date: dt.date | None = None) -> bytes:
    """The transfer file with its declared count and total; the payments are then with the bank.
    Downloading again gives the same lines (the keys stay, so the bank pays each once)."""
    batch = PaymentBatch.objects.select_for_update().get(pk=batch.pk)
    if batch.method != PaymentMethod.BANK:
        raise ValidationError(_("Gift certificates are handed over, not sent to a bank."), code="method")
    payments = list(
        batch.payments.select_related("entitlement__application", "entitlement__resident")
        .filter(status__in=[Payment.Status.PENDING, Payment.Status.SENT])
        .order_by("id")
    )
    rows = []
    for p in payments:
        application = p.entitlement.application
        rows.append(
            TransferRow(
                bank_code=application.bank_code,
                account=keys.decrypt(application.account_ciphertext),
                holder=application.account_holder,
                amount=p.amount_krw,
                key=p.idempotency_key,
            )
        )
    batch.payments.filter(status=Payment.Status.PENDING).update(status=Payment.Status.SENT)
    batch.status = PaymentBatch.Status.SENT
    batch.save(update_fields=["status"])
    # The file carries account numbers: whose, and who took them, goes to the access log.
    log_access(
        user=actor,
        action="export",
        subject_type="grant_batch",
        subject_id=batch.pk,
        purpose="bank transfer file",
        detail={"residents": [p.entitlement.resident_id for p in payments]},
    )
    layout = LAYOUTS[batch.layout]
    return layout.render(reference=batch.reference, value_date=value_date or timezone.localdate(), rows=rows)


@dataclass
class LineReport:
    line_no: int
    key: str
    outcome: str  # matched, failed, returned, unknown, already
    detail: str  # a code, rendered in the reader's language by texts.line_detail
    bank_message: str = ""


def _mark_paid(payment: Payment, actor: User, decision: str) -> None:
    entitlement = payment.entitlement
    post_entry(
        line=entitlement.program.budget_line,
        kind=LedgerEntry.Kind.PAYMENT,
        committed=-payment.amount_krw,
        spent=payment.amount_krw,
        decision=decision,
        actor=actor,
        program=entitlement.program,
        municipality=entitlement.municipality,
        resident=entitlement.resident,
        entitlement=entitlement,
        payment=payment,
    )
    payment.status = Payment.Status.PAID
    payment.paid_at = timezone.now()
    payment.save(update_fields=["status", "paid_at", "bank_message", "handed_over_by"])
    Entitlement.objects.filter(pk=entitlement.pk).update(status=Entitlement.Status.PAID)
    _timeline(
        entitlement.resident, "grants.paid", actor, program=_program_name(payment), amount=payment.amount_krw
    )


def _apply_line(batch: PaymentBatch, row, actor: User) -> LineReport:
    payment = batch.payments.select_for_update().filter(idempotency_key=row.key).first()
    if payment is None:
        return LineReport(row.line_no, row.key, "unknown", "no_key")
    if row.amount != payment.amount_krw:
        return LineReport(row.line_no, row.key, "unknown", "amount")
    payment = _locked_payment(payment.pk)
    payment.bank_message = row.message
    decision = f"bank result {batch.reference} line {row.line_no}"
    if row.result == "OK":
        if payment.status == Payment.Status.PAID:
            return LineReport(row.line_no, row.key, "already", "already")
        if payment.status != Payment.Status.SENT:
            return LineReport(row.line_no, row.key, "unknown", "not_waiting")
        _mark_paid(payment, actor, decision)
        return LineReport(row.line_no, row.key, "matched", "paid")
    if row.result == "FAIL":
        if payment.status != Payment.Status.SENT:
            return LineReport(row.line_no, row.key, "unknown", "not_waiting")
        payment.status = Payment.Status.FAILED
        payment.save(update_fields=["status", "bank_message"])
        _timeline(
            payment.entitlement.resident, "grants.payment_failed", actor, program=_program_name(payment)
        )
        return LineReport(row.line_no, row.key, "failed", "failed", row.message)
    if row.result == "RETURN":
        if payment.status not in (Payment.Status.SENT, Payment.Status.PAID):
            return LineReport(row.line_no, row.key, "unknown", "not_waiting")
        if payment.status == Payment.Status.PAID:
            entitlement = payment.entitlement
            # The money came back: spent goes down and the amount is owed (committed) again.
            post_entry(
                line=entitlement.program.budget_line,
                kind=LedgerEntry.Kind.RETURN,
                committed=payment.amount_krw,
                spent=-payment.amount_krw,
                decision=decision,
                actor=actor,
                program=entitlement.program,
                municipality=entitlement.municipality,
                resident=entitlement.resident,
                entitlement=entitlement,
                payment=payment,
            )
            Entitlement.objects.filter(pk=entitlement.pk).update(status=Entitlement.Status.OPEN)
        payment.status = Payment.Status.RETURNED
        payment.save(update_fields=["status", "bank_message"])
        _timeline(
            payment.entitlement.resident, "grants.payment_returned", actor, program=_program_name(payment)
        )
        return LineReport(row.line_no, row.key, "returned", "returned", row.message)
    return LineReport(row.line_no, row.key, "unknown", "unknown_code", row.message)


@transaction.atomic
def batch_reconcile(*, batch: PaymentBatch, data: bytes, file_name: str, actor: User) -> ReconciliationReport:
    """Reads a (possibly partial) result file: each line is reported, each known line applied once."""
    batch = PaymentBatch.objects.select_for_update().get(pk=batch.pk)
    try:
        rows = LAYOUTS[batch.layout].parse_result(data)
    except BadResultFile:
        raise ValidationError(_("This is not a result file of the bank's layout."), code="bad_file") from None
    lines = []
    for row in rows:
        if row.amount is None or not row.key:
            lines.append(LineReport(row.line_no, row.key, "unknown", "unreadable"))
        else:
            lines.append(_apply_line(batch, row, actor))
    if not batch.payments.filter(status__in=[Payment.Status.PENDING, Payment.Status.SENT]).exists():
        batch.status = PaymentBatch.Status.CLOSED
        batch.save(update_fields=["status"])
    return ReconciliationReport.objects.create(
        batch=batch,
        file_name=file_name[:200],
        sha256=hashlib.sha256(data).hexdigest(),
        lines=[asdict(line) for line in lines],
        uploaded_by=actor,
    )


@transaction.atomic
def payment_retry(*, payment: Payment, actor: User) -> Payment:
    """A new attempt for the same entitlement (no new entitlement, a new deterministic key)."""
    payment = _locked_payment(payment.pk)
    entitlement = Entitlement.objects.select_for_update().get(pk=payment.entitlement_id)
    if payment.status not in (Payment.Status.FAILED, Payment.Status.RETURNED):
        raise ValidationError(_("Only a failed or returned payment can be tried again."), code="state")
    if entitlement.status != Entitlement.Status.OPEN:
        raise ValidationError(_("This grant is not waiting for payment."), code="state")
    attempt = (entitlement.payments.aggregate(n=Max("attempt"))["n"] or 0) + 1
    try:
        with transaction.atomic():
            retry = Payment.objects.create(
                entitlement=entitlement,
                attempt=attempt,
                idempotency_key=idempotency_key(
                    program_code=payment.entitlement.program.code,
                    entitlement_id=entitlement.pk,
                    attempt=attempt,
                ),
                method=entitlement.payment_method,
                amount_krw=entitlement.amount_krw,
            )
    except IntegrityError:
        raise ValidationError(_("A payment of this grant is already under way."), code="live") from None
    _timeline(
        entitlement.resident, "grants.payment_retried", actor, program=payment.entitlement.program.name_ko
    )
    return retry


@transaction.atomic
def gift_certificates_hand_over(
    *, payment: Payment, serials: list[str], face_value: int, actor: User
) -> Payment:
    """Yeongam pays in local gift certificates (facts.md §8): the serials handed over are recorded
    and together must make up the amount."""
    payment = _locked_payment(payment.pk)
    if payment.method != PaymentMethod.GIFT:
        raise ValidationError(_("This payment is a bank transfer."), code="method")
    if payment.status not in (Payment.Status.PENDING, Payment.Status.SENT):
        raise ValidationError(_("This payment is not waiting for a hand-over."), code="state")
    cleaned = [s.strip() for s in serials if s.strip()]
    if (
        face_value <= 0
        or len(cleaned) * face_value != payment.amount_krw
        or len(set(cleaned)) != len(cleaned)
    ):
        raise ValidationError(
            {
                "serials": [
                    _("The certificates must be different and add up to %(amount)s won.")
                    % {"amount": payment.amount_krw}
                ]
            }
        )
    try:
        with transaction.atomic():
            GiftCertificate.objects.bulk_create(
                [GiftCertificate(payment=payment, serial=s[:40], face_value=face_value) for s in cleaned]
            )
    except IntegrityError:
        raise ValidationError(
            {"serials": [_("One of these certificates was already handed over.")]}
        ) from None
    payment.handed_over_by = actor
    _mark_paid(payment, actor, f"gift certificates handed over for payment {payment.pk}")
    return payment


@transaction.atomic
def grant_clawback(*, entitlement: Entitlement, broken_on: dt.date, reason: str, actor: User) -> LedgerEntry:
    """An obligation (e.g. residence in the county) broke inside the program's window: a paid grant
    is claimed back, an unpaid one is cancelled and its commitment released."""
    entitlement = (
        Entitlement.objects.select_for_update().select_related("program__budget_line").get(pk=entitlement.pk)
    )
    program = entitlement.program
    if not reason.strip():
        raise ValidationError({"reason": [_("Name the decision this entry carries out.")]})
    if entitlement.status == Entitlement.Status.CLAWED_BACK:
        raise ValidationError(_("This grant has already been clawed back."), code="state")
    if not (entitlement.approved_at.date() <= broken_on <= program.obligation_until):
        raise ValidationError({"broken_on": [_("The obligation did not break inside the program's window.")]})
    live = (
        Payment.objects.select_for_update().filter(entitlement=entitlement, status__in=Payment.LIVE).first()
    )
    links: dict[str, Any] = {
        "program": program,
        "municipality": entitlement.municipality,
        "resident": entitlement.resident,
        "entitlement": entitlement,
    }
    if entitlement.status == Entitlement.Status.PAID:
        entry = post_entry(
            line=program.budget_line,
            kind=LedgerEntry.Kind.CLAWBACK,
            spent=-entitlement.amount_krw,
            decision=reason,
            actor=actor,
            payment=live,
            **links,
        )
    else:
        if live is not None and live.status == Payment.Status.SENT:
            raise ValidationError(_("Wait for the bank's result before clawing back."), code="sent")
        if live is not None:
            live.status = Payment.Status.CANCELLED
            live.save(update_fields=["status"])
        entry = post_entry(
            line=program.budget_line,
            kind=LedgerEntry.Kind.RELEASE,
            committed=-entitlement.amount_krw,
            decision=reason,
            actor=actor,
            **links,
        )
    Entitlement.objects.filter(pk=entitlement.pk).update(status=Entitlement.Status.CLAWED_BACK)
    _timeline(
        entitlement.resident, "grants.clawback", actor, program=program.name_ko, amount=entitlement.amount_krw
    )
    return entry
