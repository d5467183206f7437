"""Budget, ledger and statement pages of the staff workspace. Thin: access, service, render."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from ieum.core.access import log_access
from ieum.core.decorators import staff_required
from ieum.core.http import AuthedRequest
from ieum.core.models import Role
from ieum.grants import access, selectors, services, statement
from ieum.grants.forms import LineEntryForm, ReverseForm
from ieum.grants.models import BudgetLine, LedgerEntry

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def report_errors(request: AuthedRequest, exc: ValidationError) -> None:
    for message in exc.messages:
        messages.error(request, message)


def _year(request: AuthedRequest) -> int:
    years = selectors.fiscal_years()
    try:
        year = int(request.GET.get("year", ""))
    except ValueError:
        year = years[0] if years else timezone.localdate().year
    return year


@staff_required
def budget(request: AuthedRequest) -> HttpResponse:
    access.require(access.can_read_statement(request.user))
    year = _year(request)
    return render(
        request,
        "grants/budget.html",
        {
            "year": year,
            "years": selectors.fiscal_years(),
            "lines": selectors.budget_lines(year),
            "by_program": selectors.balances_by_program(year),
            "by_county": selectors.balances_by_county(year),
            "may_see_lines": access.can_decide(request.user),
        },
    )


@staff_required
def line_detail(request: AuthedRequest, line_id: int) -> HttpResponse:
    access.require(access.can_decide(request.user))
    line = get_object_or_404(BudgetLine, pk=line_id)
    entries = line.entries.select_related("program", "municipality", "actor", "reverses").order_by(
        "-at", "-id"
    )
    if request.user.role == Role.OFFICER and request.user.municipality_id:
        entries = entries.filter(municipality_id=request.user.municipality_id)
    return render(
        request,
        "grants/line.html",
        {
            "line": line,
            "entries": entries[:200],
            "form": LineEntryForm(),
            "reverse_form": ReverseForm(),
            "may_post": access.is_province_officer(request.user),
        },
    )


@staff_required
@require_POST
def line_entry(request: AuthedRequest, line_id: int) -> HttpResponse:
    access.require(access.is_province_officer(request.user))
    line = get_object_or_404(BudgetLine, pk=line_id)
    form = LineEntryForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Please correct the errors below."))
        return redirect("grants:line", line_id=line.pk)
    data = form.cleaned_data
    try:
        if data["kind"] == "supplementary":
            services.budget_amend(
                line=line, amount=data["amount"], decision=data["decision"], actor=request.user
            )
        elif data["kind"] == "commitment":
            services.budget_commit(
                line=line, amount=data["amount"], decision=data["decision"], actor=request.user
            )
        else:
            services.budget_spend(
                line=line,
                amount=data["amount"],
                decision=data["decision"],
                actor=request.user,
                from_commitment=data["from_commitment"],
            )
    except ValidationError as exc:
        report_errors(request, exc)
    else:
        messages.success(request, _("The entry was posted."))
    return redirect("grants:line", line_id=line.pk)


@staff_required
@require_POST
def entry_reverse(request: AuthedRequest, entry_id: int) -> HttpResponse:
    access.require(access.is_province_officer(request.user))
    entry = get_object_or_404(LedgerEntry, pk=entry_id)
    form = ReverseForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("State the reason for the correction."))
    else:
        try:
            services.ledger_entry_reverse(entry=entry, reason=form.cleaned_data["reason"], actor=request.user)
        except ValidationError as exc:
            report_errors(request, exc)
        else:
            messages.success(request, _("The entry was corrected by a reversing entry."))
    return redirect("grants:line", line_id=entry.line_id)


def _download(data: bytes, content_type: str, name: str) -> HttpResponse:
    response = HttpResponse(data, content_type=content_type)
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    response["Cache-Control"] = "no-store"
    return response


@staff_required
def statement_xlsx(request: AuthedRequest, year: int) -> HttpResponse:
    access.require(access.can_read_statement(request.user))
    if not BudgetLine.objects.filter(fiscal_year=year).exists():
        raise Http404
    return _download(statement.statement_xlsx(year), XLSX, f"budget-statement-{year}.xlsx")


@staff_required
def statement_pdf(request: AuthedRequest, year: int) -> HttpResponse:
    access.require(access.can_read_statement(request.user))
    if not BudgetLine.objects.filter(fiscal_year=year).exists():
        raise Http404
    return _download(statement.statement_pdf(year), "application/pdf", f"budget-statement-{year}.pdf")


def _ledger_entries(request: AuthedRequest):
    access.require(access.can_decide(request.user))
    qs = LedgerEntry.objects.select_related("line", "program", "municipality", "resident", "actor").order_by(
        "-at", "-id"
    )
    if request.user.role == Role.OFFICER and request.user.municipality_id:
        qs = qs.filter(municipality_id=request.user.municipality_id)
    year = request.GET.get("year", "")
    if year.isdigit():
        qs = qs.filter(line__fiscal_year=int(year))
    return qs


@staff_required
def ledger(request: AuthedRequest) -> HttpResponse:
    entries = _ledger_entries(request)[:300]
    shown = sorted({e.resident_id for e in entries if e.resident_id})
    if shown:
        log_access(
            user=request.user,
            action="search",
            subject_type="resident",
            request=request,
            purpose="grant ledger",
            detail={"count": len(shown), "ids": shown},
        )
    return render(request, "grants/ledger.html", {"entries": entries, "years": selectors.fiscal_years()})


@staff_required
def ledger_export(request: AuthedRequest) -> HttpResponse:
    entries = list(_ledger_entries(request))
    log_access(
        user=request.user,
        action="export",
        subject_type="resident",
        request=request,
        purpose="grant ledger export",
        detail={"ids": sorted({e.resident_id for e in entries if e.resident_id})},
    )
    return _download(statement.ledger_xlsx(entries), XLSX, "grants-ledger.xlsx")
