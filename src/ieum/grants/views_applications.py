"""Programs and applications in the staff workspace: file (counselor or officer), prepare,
approve (a second officer), reject."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from ieum.core.decorators import staff_required
from ieum.core.http import AuthedRequest
from ieum.grants import access, selectors, services
from ieum.grants.forms import ApplicationForm, BatchForm, ClawbackForm, NoteForm
from ieum.grants.models import Application, GrantProgram
from ieum.grants.texts import render_reason
from ieum.grants.views import report_errors


@staff_required
def programs(request: AuthedRequest) -> HttpResponse:
    access.require(access.can_file_for_others(request.user))
    return render(
        request,
        "grants/programs.html",
        {"programs": GrantProgram.objects.select_related("budget_line"), "today": timezone.localdate()},
    )


@staff_required
def program_detail(request: AuthedRequest, program_id: int) -> HttpResponse:
    access.require(access.can_file_for_others(request.user))
    program = get_object_or_404(GrantProgram.objects.select_related("budget_line"), pk=program_id)
    counts = selectors.application_counts(
        access.applications_reachable_by(request.user).filter(program=program)
    )
    return render(
        request,
        "grants/program.html",
        {
            "program": program,
            "counties": program.counties.select_related("municipality"),
            "amounts": program.amounts.all(),
            "counts": counts,
            "batch_form": BatchForm(initial={"program": program.pk}),
            "may_batch": access.is_province_officer(request.user),
        },
    )


@staff_required
def applications(request: AuthedRequest) -> HttpResponse:
    access.require(access.can_decide(request.user))
    qs = access.applications_reachable_by(request.user)
    status = request.GET.get("status", "")
    if status in Application.Status.values:
        qs = qs.filter(status=status)
    return render(
        request,
        "grants/applications.html",
        {"applications": qs[:200], "status": status, "statuses": Application.Status.choices},
    )


@staff_required
def application_new(request: AuthedRequest, resident_id: int) -> HttpResponse:
    resident = access.resident_for_filing(request.user, resident_id, request=request)
    open_programs = list(selectors.open_programs(timezone.localdate()))
    form = ApplicationForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        program = next((p for p in open_programs if str(p.pk) == request.POST.get("program")), None)
        if program is None:
            messages.error(request, _("The program does not take applications today."))
        else:
            data = form.cleaned_data
            try:
                application = services.application_file(
                    program=program,
                    resident=resident,
                    actor=request.user,
                    bank_code=data["bank_code"],
                    account_number=data["account_number"],
                    account_holder=data["account_holder"],
                    documents=[data["document"]] if data["document"] else [],
                )
            except ValidationError as exc:
                report_errors(request, exc)
            else:
                messages.success(request, _("The application was filed."))
                return redirect("grants:application", application_id=application.pk)
    return render(
        request,
        "grants/application_new.html",
        {"resident": resident, "programs": open_programs, "form": form},
    )


@staff_required
def application_detail(request: AuthedRequest, application_id: int) -> HttpResponse:
    application = access.get_application_for_user(request.user, application_id, request=request)
    entitlement = getattr(application, "entitlement", None)
    return render(
        request,
        "grants/application.html",
        {
            "application": application,
            "reasons": [render_reason(r) for r in application.reasons],
            "entitlement": entitlement,
            "payments": entitlement.payments.all() if entitlement else [],
            "documents": application.documents.select_related("document"),
            "may_decide": access.can_decide(request.user),
            "note_form": NoteForm(),
            "may_clawback": access.is_province_officer(request.user),
            "clawback_form": ClawbackForm(),
        },
    )


def _decide(request: AuthedRequest, application_id: int, action: str) -> HttpResponse:
    access.require(access.can_decide(request.user))
    application = access.get_application_for_user(
        request.user, application_id, request=request, action="update"
    )
    note = request.POST.get("note", "")[:300]
    try:
        if action == "prepare":
            services.application_prepare(application=application, actor=request.user, note=note)
            messages.success(request, _("The application is prepared and waits for a second officer."))
        elif action == "approve":
            services.application_approve(application=application, actor=request.user)
            messages.success(request, _("The application was approved."))
        else:
            services.application_reject(application=application, actor=request.user, note=note)
            messages.success(request, _("The application was rejected."))
    except ValidationError as exc:
        report_errors(request, exc)
    return redirect("grants:application", application_id=application.pk)


@staff_required
@require_POST
def application_prepare(request: AuthedRequest, application_id: int) -> HttpResponse:
    return _decide(request, application_id, "prepare")


@staff_required
@require_POST
def application_approve(request: AuthedRequest, application_id: int) -> HttpResponse:
    return _decide(request, application_id, "approve")


@staff_required
@require_POST
def application_reject(request: AuthedRequest, application_id: int) -> HttpResponse:
    return _decide(request, application_id, "reject")
