"""Writes of the grants app: budget lines and applications (payments are in payments.py).

Every function is one transaction; money moves only through `ledger.post_entry`.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.db import IntegrityError, transaction
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext as _

from ieum.core import keys
from ieum.core.models import User
from ieum.grants import selectors
from ieum.grants.ledger import post_entry
from ieum.grants.models import (
    Application,
    ApplicationDocument,
    BudgetLine,
    Entitlement,
    GrantProgram,
    LedgerEntry,
    Payment,
    ProgramCounty,
)
from ieum.grants.models.payments import idempotency_key
from ieum.grants.models.programs import PaymentMethod
from ieum.residents.models import Resident
from ieum.residents.services import timeline_add

MAX_AMOUNT = 100_000_000_000  # no single movement of a regional budget is near 100 billion KRW


def _amount(value: int, *, allow_negative: bool = False) -> int:
    if (
        not isinstance(value, int)
        or value == 0
        or abs(value) > MAX_AMOUNT
        or (value < 0 and not allow_negative)
    ):
        raise ValidationError({"amount": [_("Enter an amount in won greater than zero.")]})
    return value


def _decision(text: str) -> str:
    text = (text or "").strip()
    if not text:
        raise ValidationError({"decision": [_("Name the decision this entry carries out.")]})
    return text


def _timeline(resident: Resident | None, kind: str, actor: Any, **params: Any) -> None:
    if resident is not None:
        timeline_add(resident=resident, service="grants", kind=kind, actor=actor, params=params)


# --- budget lines ------------------------------------------------------------------------------


@transaction.atomic
def budget_amend(*, line: BudgetLine, amount: int, decision: str, actor: User) -> LedgerEntry:
    """A supplementary change (up or down); a cut below what is committed and spent is refused."""
    return post_entry(
        line=line,
        kind=LedgerEntry.Kind.SUPPLEMENTARY,
        allocated=_amount(amount, allow_negative=True),
        decision=_decision(decision),
        actor=actor,
    )


@transaction.atomic
def budget_commit(*, line: BudgetLine, amount: int, decision: str, actor: User) -> LedgerEntry:
    return post_entry(
        line=line,
        kind=LedgerEntry.Kind.COMMITMENT,
        committed=_amount(amount),
        decision=_decision(decision),
        actor=actor,
    )


@transaction.atomic
def budget_spend(
    *, line: BudgetLine, amount: int, decision: str, actor: User, from_commitment: bool = False
) -> LedgerEntry:
    amount = _amount(amount)
    return post_entry(
        line=line,
        kind=LedgerEntry.Kind.SPENDING,
        committed=-amount if from_commitment else 0,
        spent=amount,
        decision=_decision(decision),
        actor=actor,
    )


@transaction.atomic
def ledger_entry_reverse(*, entry: LedgerEntry, reason: str, actor: User) -> LedgerEntry:
    """The correction of an entry: its mirror image, once; the original stays as it was."""
    entry = LedgerEntry.objects.select_for_update().get(pk=entry.pk)
    if entry.kind == LedgerEntry.Kind.REVERSAL or LedgerEntry.objects.filter(reverses=entry).exists():
        raise ValidationError(_("This entry has already been corrected."), code="reversed")
    try:
        with transaction.atomic():
            reversal = post_entry(
                line=entry.line,
                kind=LedgerEntry.Kind.REVERSAL,
                allocated=-entry.allocated_delta,
                committed=-entry.committed_delta,
                spent=-entry.spent_delta,
                decision=_decision(reason),
                actor=actor,
                reverses=entry,
                program=entry.program,
                municipality=entry.municipality,
                resident=entry.resident,
                entitlement=entry.entitlement,
                payment=entry.payment,
            )
    except IntegrityError:
        raise ValidationError(_("This entry has already been corrected."), code="reversed") from None
    if entry.resident is not None:
        _timeline(
            entry.resident, "grants.reversed", actor, amount=abs(entry.spent_delta or entry.committed_delta)
        )
    return reversal


# --- applications ------------------------------------------------------------------------------

_ACCOUNT = re.compile(r"^\d{8,16}$")
_BANK = re.compile(r"^\d{3}$")


def account_fields(account_number: str) -> dict[str, str]:
    digits = re.sub(r"[\s-]", "", account_number or "")
    if not _ACCOUNT.match(digits):
        raise ValidationError({"account_number": [_("An account number has 8 to 16 digits.")]})
    return {"account_ciphertext": keys.encrypt(digits), "account_hint": "*" * (len(digits) - 4) + digits[-4:]}


def _payment_method(program: GrantProgram, resident: Resident) -> str:
    if resident.municipality_id is None:
        return PaymentMethod.BANK
    county = ProgramCounty.objects.filter(program=program, municipality_id=resident.municipality_id).first()
    return county.payment_method if county else PaymentMethod.BANK


@transaction.atomic
def application_file(
    *,
    program: GrantProgram,
    resident: Resident,
    actor: User,
    bank_code: str = "",
    account_number: str = "",
    account_holder: str = "",
    documents: list[UploadedFile] | None = None,
    today: dt.date | None = None,
) -> Application:
    """An application from the portal or a counselor. Eligibility is checked at once and kept with
    its reasons; an ineligible application is still filed, so an officer sees why."""
    from ieum.residents.documents import document_upload

    today = today or timezone.localdate()
    if not program.is_open_on(today):
        raise ValidationError(_("The program does not take applications today."), code="closed")
    method = _payment_method(program, resident)
    fields: dict[str, str] = {}
    if method == PaymentMethod.BANK:
        errors: dict[str, list[str]] = {}
        if not _BANK.match(bank_code or ""):
            errors["bank_code"] = [_("Choose the bank.")]
        if not (account_holder or "").strip():
            errors["account_holder"] = [_("Enter the name of the account holder.")]
        try:
            fields = account_fields(account_number)
        except ValidationError as exc:
            errors.update(exc.message_dict)
        if errors:
            raise ValidationError(errors)
    verdict = selectors.eligibility_for(program, resident, today)
    try:
        with transaction.atomic():
            application = Application.objects.create(
                program=program,
                resident=resident,
                municipality=resident.municipality,
                payment_method=method,
                bank_code=bank_code if method == PaymentMethod.BANK else "",
                account_holder=(account_holder or "").strip()[:100] if method == PaymentMethod.BANK else "",
                eligible=verdict.eligible,
                reasons=[{"code": r.code, "params": r.params} for r in verdict.reasons],
                filed_by=actor,
                **fields,
            )
    except IntegrityError:
        raise ValidationError(
            _("An application for this program is already open."), code="duplicate"
        ) from None
    for upload in documents or []:
        document = document_upload(resident=resident, kind="other", upload=upload, actor=actor)
        ApplicationDocument.objects.create(application=application, document=document)
    _timeline(resident, "grants.applied", actor, program=program.name_ko)
    return application


def _locked_application(application: Application) -> Application:
    return (
        Application.objects.select_for_update().select_related("program", "resident").get(pk=application.pk)
    )


@transaction.atomic
def application_prepare(*, application: Application, actor: User, note: str = "") -> Application:
    application = _locked_application(application)
    if application.status != Application.Status.SUBMITTED:
        raise ValidationError(_("Only a submitted application can be prepared."), code="state")
    verdict = selectors.eligibility_for(application.program, application.resident, timezone.localdate())
    application.eligible = verdict.eligible
    application.reasons = [{"code": r.code, "params": r.params} for r in verdict.reasons]
    if not verdict.eligible:
        application.save(update_fields=["eligible", "reasons"])
        raise ValidationError(_("The records do not show the person as eligible."), code="ineligible")
    application.status = Application.Status.PREPARED
    application.prepared_by = actor
    application.decision_note = note[:300]
    application.save(update_fields=["status", "prepared_by", "decision_note", "eligible", "reasons"])
    _timeline(application.resident, "grants.prepared", actor, program=application.program.name_ko)
    return application


@transaction.atomic
def application_reject(*, application: Application, actor: User, note: str = "") -> Application:
    application = _locked_application(application)
    if application.status not in (Application.Status.SUBMITTED, Application.Status.PREPARED):
        raise ValidationError(_("This application has already been decided."), code="state")
    application.status = Application.Status.REJECTED
    application.decision_note = note[:300]
    application.decided_at = timezone.now()
    application.save(update_fields=["status", "decision_note", "decided_at"])
    _timeline(application.resident, "grants.rejected", actor, program=application.program.name_ko)
    return application


@transaction.atomic
def application_approve(*, application: Application, actor: User) -> Entitlement:
    """Second-officer approval: commits the amount on the budget line, counts the person against
    the headcount cap and creates the entitlement with its first payment attempt.

    Locks, in this order: the application (a double click waits, then finds it approved), the
    program (approvals of one program queue, so the cap holds), the budget line (in post_entry).
    The constraints behind each lock refuse what a bug might let through.
    """
    application = _locked_application(application)
    if application.status == Application.Status.APPROVED:
        raise ValidationError(_("This application has already been approved."), code="approved")
    if application.status != Application.Status.PREPARED:
        raise ValidationError(_("An application must be prepared before it is approved."), code="state")
    if application.prepared_by_id == actor.pk:
        raise ValidationError(
            _("The officer who prepared an application cannot approve it."), code="four_eyes"
        )
    program = (
        GrantProgram.objects.select_for_update().select_related("budget_line").get(pk=application.program_id)
    )
    if program.approved_count >= program.headcount_cap:
        raise ValidationError(_("The program has reached its headcount cap."), code="cap")
    amount = program.amount_on(timezone.localdate()) or program.amount_on(program.window_opens)
    if not amount:
        raise ValidationError(_("The program has no amount for today."), code="amount")
    now = timezone.now()
    try:
        with transaction.atomic():
            entitlement = Entitlement.objects.create(
                program=program,
                resident=application.resident,
                application=application,
                municipality=application.municipality,
                amount_krw=amount,
                payment_method=application.payment_method,
                approved_by=actor,
                approved_at=now,
            )
            GrantProgram.objects.filter(pk=program.pk).update(approved_count=F("approved_count") + 1)
            application.status = Application.Status.APPROVED
            application.approved_by = actor
            application.decided_at = now
            application.save(update_fields=["status", "approved_by", "decided_at"])
    except IntegrityError:
        raise ValidationError(_("This person already has this grant."), code="duplicate") from None
    post_entry(
        line=program.budget_line,
        kind=LedgerEntry.Kind.COMMITMENT,
        committed=amount,
        decision=f"approval of application {application.pk}",
        actor=actor,
        program=program,
        municipality=application.municipality,
        resident=application.resident,
        entitlement=entitlement,
    )
    Payment.objects.create(
        entitlement=entitlement,
        attempt=1,
        idempotency_key=idempotency_key(program_code=program.code, entitlement_id=entitlement.pk, attempt=1),
        method=entitlement.payment_method,
        amount_krw=amount,
    )
    _timeline(application.resident, "grants.approved", actor, program=program.name_ko, amount=amount)
    return entitlement
