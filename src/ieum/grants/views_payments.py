"""Batches, bank files, result files, retries, gift certificates and clawbacks."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from ieum.core.decorators import staff_required
from ieum.core.http import AuthedRequest
from ieum.grants import access, payments
from ieum.grants.forms import BatchForm, ClawbackForm, HandOverForm, ResultFileForm
from ieum.grants.models import Entitlement, GrantProgram, PaymentBatch
from ieum.grants.texts import render_report_lines
from ieum.grants.views import report_errors

MAX_RESULT_FILE = 5 * 1024 * 1024


@staff_required
def batches(request: AuthedRequest) -> HttpResponse:
    access.require(access.is_province_officer(request.user))
    if request.method == "POST":
        form = BatchForm(request.POST)
        program = None
        if form.is_valid():
            program = GrantProgram.objects.filter(pk=form.cleaned_data["program"]).first()
        if program is None:
            messages.error(request, _("Choose a program."))
        else:
            try:
                batch = payments.payment_batch_create(
                    program=program, method=form.cleaned_data["method"], actor=request.user
                )
            except ValidationError as exc:
                report_errors(request, exc)
            else:
                messages.success(request, _("The batch was created."))
                return redirect("grants:batch", batch_id=batch.pk)
        return redirect("grants:batches")
    return render(
        request,
        "grants/batches.html",
        {
            "batches": PaymentBatch.objects.select_related("program", "created_by")[:100],
            "programs": GrantProgram.objects.all(),
            "form": BatchForm(),
        },
    )


@staff_required
def batch_detail(request: AuthedRequest, batch_id: int) -> HttpResponse:
    batch = access.get_batch_for_user(request.user, batch_id)
    report = None
    form = ResultFileForm()
    if request.method == "POST":
        form = ResultFileForm(request.POST, request.FILES)
        if form.is_valid():
            upload = form.cleaned_data["file"]
            if upload.size > MAX_RESULT_FILE:
                messages.error(request, _("The file is too large."))
            else:
                try:
                    report = payments.batch_reconcile(
                        batch=batch, data=upload.read(), file_name=upload.name, actor=request.user
                    )
                except ValidationError as exc:
                    report_errors(request, exc)
                else:
                    messages.success(request, _("The result file was read; each line is reported below."))
                    batch.refresh_from_db()
    report = report or batch.reports.first()
    return render(
        request,
        "grants/batch.html",
        {
            "batch": batch,
            "report_lines": render_report_lines(report.lines) if report else [],
            "payments": batch.payments.select_related("entitlement__resident").order_by("id"),
            "report": report,
            "form": form,
            "hand_over_form": HandOverForm(),
        },
    )


@staff_required
def bank_file(request: AuthedRequest, batch_id: int) -> HttpResponse:
    batch = access.get_batch_for_user(request.user, batch_id)
    try:
        data = payments.bank_file_render(batch=batch, actor=request.user)
    except ValidationError as exc:
        report_errors(request, exc)
        return redirect("grants:batch", batch_id=batch.pk)
    response = HttpResponse(data, content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{batch.reference}.csv"'
    response["Cache-Control"] = "no-store"
    return response


def _back(payment) -> HttpResponse:
    return redirect("grants:application", application_id=payment.entitlement.application_id)


@staff_required
@require_POST
def payment_retry(request: AuthedRequest, payment_id: int) -> HttpResponse:
    payment = access.get_payment_for_user(request.user, payment_id, request=request)
    try:
        payments.payment_retry(payment=payment, actor=request.user)
    except ValidationError as exc:
        report_errors(request, exc)
    else:
        messages.success(request, _("A new payment attempt waits for the next batch."))
    return _back(payment)


@staff_required
@require_POST
def payment_hand_over(request: AuthedRequest, payment_id: int) -> HttpResponse:
    payment = access.get_payment_for_user(request.user, payment_id, request=request)
    form = HandOverForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Please correct the errors below."))
        return _back(payment)
    try:
        payments.gift_certificates_hand_over(
            payment=payment,
            serials=form.cleaned_data["serials"].splitlines(),
            face_value=form.cleaned_data["face_value"],
            actor=request.user,
        )
    except ValidationError as exc:
        report_errors(request, exc)
    else:
        messages.success(request, _("The hand-over was recorded and the grant is paid."))
    return _back(payment)


@staff_required
@require_POST
def entitlement_clawback(request: AuthedRequest, entitlement_id: int) -> HttpResponse:
    access.require(access.is_province_officer(request.user))
    entitlement = get_object_or_404(Entitlement, pk=entitlement_id)
    form = ClawbackForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Please correct the errors below."))
    else:
        try:
            payments.grant_clawback(
                entitlement=entitlement,
                broken_on=form.cleaned_data["broken_on"],
                reason=form.cleaned_data["reason"],
                actor=request.user,
            )
        except ValidationError as exc:
            report_errors(request, exc)
        else:
            messages.success(request, _("The clawback was recorded."))
    return redirect("grants:application", application_id=entitlement.application_id)
