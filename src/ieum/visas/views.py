"""Staff pages of the visa programs. Thin: parse, check access (ieum.visas.access), call a
service, render."""

from __future__ import annotations

import datetime as dt
import json
import math
from typing import Any

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from ieum.core.decorators import staff_required
from ieum.core.http import AuthedRequest
from ieum.visas import access, reports, selectors, services
from ieum.visas.engine import PROGRAMS, screen
from ieum.visas.forms import (
    ApplyForm,
    FilingForm,
    ParameterForm,
    QuotaForm,
    ReviewForm,
    TrackForm,
    TrackQuotaForm,
)
from ieum.visas.letters import letter_pdf
from ieum.visas.models import Application, ObligationAlert, ParameterChange, Quota, Track
from ieum.visas.texts import OUTCOMES, rendered


def _errors(request: HttpRequest, exc: ValidationError) -> None:
    for message in exc.messages:
        messages.error(request, message)


def screening_for(resident_id: int, day: dt.date) -> list[dict]:
    """Every program's decision for one person, rendered in the reader's language."""
    params = selectors.params_in_force()
    pop = selectors.population_for([resident_id], as_of=day)
    periods = selectors.decline_periods()
    out = []
    for code, program in PROGRAMS.items():
        result = screen(code, pop, as_of=day, params=params, decline_periods=periods)
        outcome = str(result.outcome[0])
        out.append(
            {
                "code": code,
                "status": program.status,
                "outcome": outcome,
                "outcome_label": str(OUTCOMES[outcome]),
                **rendered(result.explain(0), result.change(0), result.params),
            }
        )
    return out


@staff_required
def home(request: AuthedRequest) -> HttpResponse:
    access.require_aggregates(request.user)
    number = request.GET.get("resident", "").strip()
    if number.isdigit() and access.can_screen(request.user):
        return redirect("visas:screen", int(number))  # the screening page checks the reach
    return render(request, "visas/home.html", {"is_program_staff": request.user.role in ("officer", "admin")})


@staff_required
@require_http_methods(["GET", "POST"])
def resident_screen(request: AuthedRequest, resident_id: int) -> HttpResponse:
    resident = access.get_resident_to_screen(request.user, resident_id, request=request)
    form = ApplyForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            application = services.application_create(
                resident=resident,
                program=form.cleaned_data["program"],
                actor=request.user,
                employer_name=form.cleaned_data["employer_name"],
                employer_brn=form.cleaned_data["employer_brn"],
                documents=_latest_documents(resident),
            )
        except ValidationError as exc:
            _errors(request, exc)
        else:
            messages.success(request, _("The application was submitted to the city or county."))
            if access.is_officer(request.user) or request.user.role == "admin":
                return redirect("visas:application", application.pk)
            return redirect("visas:screen", resident.pk)
    day = timezone.localdate()
    return render(
        request,
        "visas/screen.html",
        {"resident": resident, "programs": screening_for(resident.pk, day), "day": day, "form": form},
    )


def _latest_documents(resident) -> dict:
    """The newest document of each kind on the resident's record answers the checklist."""
    found: dict = {}
    for document in resident.documents.order_by("-uploaded_at"):
        found.setdefault(document.kind, document)
    return found


@staff_required
def application_list(request: AuthedRequest) -> HttpResponse:
    items = list(access.applications_for(request.user)[:200])
    access.log_list(request.user, items, request=request)
    return render(request, "visas/applications.html", {"applications": items})


@staff_required
def application_detail(request: AuthedRequest, application_id: int) -> HttpResponse:
    application = access.get_application_for_user(request.user, application_id, request=request)
    return render(
        request,
        "visas/application.html",
        {
            "application": application,
            "missing": services.missing_documents(application),
            "documents": application.documents.select_related("document"),
            "family": services.family_of(application),
            "can_county": access.can_county_review(request.user, application)
            and application.status == Application.Status.SUBMITTED,
            "can_province": access.can_province_review(request.user)
            and application.status == Application.Status.COUNTY_APPROVED,
            "can_file": access.can_province_review(request.user)
            and application.status in (Application.Status.APPROVED, Application.Status.FILED),
            "review_form": ReviewForm(),
            "filing_form": FilingForm(),
            "screening": json.dumps(application.screening, ensure_ascii=False),
        },
    )


@staff_required
@require_POST
def application_review(request: AuthedRequest, application_id: int) -> HttpResponse:
    application = access.get_application_for_user(
        request.user, application_id, request=request, action="change"
    )
    form = ReviewForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Choose a decision."))
        return redirect("visas:application", application.pk)
    recommend = form.cleaned_data["decision"] == "recommend"
    try:
        if (
            access.can_county_review(request.user, application)
            and application.status == Application.Status.SUBMITTED
        ):
            services.application_county_review(
                application=application,
                actor=request.user,
                recommend=recommend,
                note=form.cleaned_data["note"],
            )
        elif access.can_province_review(request.user):
            if recommend:
                services.application_approve(application=application, actor=request.user)
            else:
                services.application_refuse(
                    application=application, actor=request.user, note=form.cleaned_data["note"]
                )
        else:
            raise PermissionDenied
    except ValidationError as exc:
        _errors(request, exc)
    else:
        messages.success(request, _("The decision was recorded."))
    return redirect("visas:application", application.pk)


@staff_required
@require_POST
def application_filing(request: AuthedRequest, application_id: int) -> HttpResponse:
    application = access.get_application_for_user(
        request.user, application_id, request=request, action="change"
    )
    access.require(access.can_province_review(request.user))
    form = FilingForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Please correct the errors below."))
        return redirect("visas:application", application.pk)
    step, day = form.cleaned_data["step"], form.cleaned_data["day"]
    try:
        if step == "file":
            services.application_file(
                application=application, actor=request.user, office=form.cleaned_data["office"], filed_on=day
            )
        else:
            services.application_decide(
                application=application, actor=request.user, granted=step == "grant", decided_on=day
            )
    except ValidationError as exc:
        _errors(request, exc)
    else:
        messages.success(request, _("The decision was recorded."))
    return redirect("visas:application", application.pk)


@staff_required
def application_letter(request: AuthedRequest, application_id: int) -> HttpResponse:
    application = access.get_application_for_user(
        request.user, application_id, request=request, action="download"
    )
    if not application.letter_number:
        raise PermissionDenied
    response = HttpResponse(letter_pdf(application), content_type="application/pdf")
    response["Content-Disposition"] = f'attachment; filename="letter-{application.pk}.pdf"'
    return response


@staff_required
@require_http_methods(["GET", "POST"])
def quota_list(request: AuthedRequest) -> HttpResponse:
    access.require_aggregates(request.user)
    year = _year(request)
    form = QuotaForm(request.POST or None, initial={"year": year})
    if request.method == "POST":
        access.require_province_officer(request.user)
        if form.is_valid():
            data = form.cleaned_data
            try:
                services.quota_set(
                    program=data["program"],
                    year=data["year"],
                    municipality=data["municipality"],
                    amount=data["amount"],
                    source=data["source"],
                    actor=request.user,
                )
            except ValidationError as exc:
                _errors(request, exc)
            else:
                messages.success(request, _("The quota was saved."))
                return redirect(f"{request.path}?year={data['year']}")
    return render(
        request,
        "visas/quotas.html",
        {
            "year": year,
            "table": reports.monthly_table(year),
            "months": range(1, 13),
            "form": form,
            "can_edit": access.is_province_officer(request.user),
        },
    )


def _year(request: HttpRequest) -> int:
    try:
        return max(2022, min(int(request.GET.get("year", "")), 2100))
    except ValueError:
        return timezone.localdate().year


@staff_required
def quota_xlsx(request: AuthedRequest) -> HttpResponse:
    access.require_aggregates(request.user)
    year = _year(request)
    response = HttpResponse(
        reports.monthly_xlsx(year),
        content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    )
    response["Content-Disposition"] = f'attachment; filename="visa-quotas-{year}.xlsx"'
    return response


def _parameter_value(text: str) -> Any:
    """A JSON number, list or object as typed, else the text itself; NaN and infinite numbers
    stay text (JSON cannot hold them, so the database refused them with a 500) and the service
    judges the text."""
    try:
        value = json.loads(text)
    except ValueError:
        return text
    return value if _finite(value) else text


def _finite(value: Any) -> bool:
    if isinstance(value, float):
        return math.isfinite(value)
    if isinstance(value, list):
        return all(_finite(v) for v in value)
    if isinstance(value, dict):
        return all(_finite(v) for v in value.values())
    return True


@staff_required
@require_http_methods(["GET", "POST"])
def parameter_list(request: AuthedRequest) -> HttpResponse:
    access.require_program_staff(request.user)
    params = selectors.params_in_force()
    form = ParameterForm(request.POST or None, names=params.names())
    if request.method == "POST":
        access.require_province_officer(request.user)
        if form.is_valid():
            data = form.cleaned_data
            value = _parameter_value(data["value"])
            try:
                services.parameter_change(
                    name=data["name"],
                    value=value,
                    valid_from=data["valid_from"],
                    source=data["source"],
                    actor=request.user,
                )
            except ValidationError as exc:
                _errors(request, exc)
            else:
                messages.success(request, _("The new value was added; earlier values are kept."))
                return redirect("visas:parameters")
    day = timezone.localdate()
    rows = [
        {"name": name, "value": params.get(name, day), "history": params.history(name)}
        for name in params.names()
    ]
    return render(
        request,
        "visas/parameters.html",
        {
            "rows": rows,
            "changes": ParameterChange.objects.select_related("changed_by").order_by("-id")[:100],
            "form": form,
            "can_edit": access.is_province_officer(request.user),
        },
    )


@staff_required
@require_http_methods(["GET", "POST"])
def track_list(request: AuthedRequest) -> HttpResponse:
    access.require_program_staff(request.user)
    form = TrackForm(request.POST or None)
    if request.method == "POST":
        access.require_province_officer(request.user)
        if form.is_valid():
            data = form.cleaned_data
            if Track.objects.filter(code=data["code"]).exists():
                form.add_error("code", _("This code is already used."))
            else:
                track = Track.objects.create(created_by=request.user, degree_min=0, **data)
                return redirect("visas:track", track.pk)
    return render(
        request,
        "visas/tracks.html",
        {"tracks": Track.objects.all(), "form": form, "can_edit": access.is_province_officer(request.user)},
    )


@staff_required
@require_http_methods(["GET", "POST"])
def track_detail(request: AuthedRequest, track_id: int) -> HttpResponse:
    access.require_program_staff(request.user)
    track = Track.objects.filter(pk=track_id).first()
    if track is None:
        from django.http import Http404

        raise Http404
    form = TrackQuotaForm(request.POST or None, initial={"year": timezone.localdate().year})
    if request.method == "POST":
        access.require_province_officer(request.user)
        if form.is_valid():
            data = form.cleaned_data
            try:
                services.quota_set(
                    program="track", track=track, actor=request.user, source=track.source, **data
                )
            except ValidationError as exc:
                _errors(request, exc)
            else:
                messages.success(request, _("The quota was saved."))
                return redirect("visas:track", track.pk)
    return render(
        request,
        "visas/track.html",
        {
            "track": track,
            "simulation": reports.simulate_track(track, as_of=timezone.localdate()),
            "quotas": Quota.objects.filter(track=track).select_related("municipality"),
            "form": form,
            "can_edit": access.is_province_officer(request.user),
        },
    )


@staff_required
def indicator_report(request: AuthedRequest) -> HttpResponse:
    access.require_indicators(request.user)
    year = _year(request)
    return render(
        request,
        "visas/indicators.html",
        {"year": year, "indicators": reports.indicators(year, today=timezone.localdate())},
    )


@staff_required
def indicator_xlsx(request: AuthedRequest) -> HttpResponse:
    access.require_indicators(request.user)
    year = _year(request)
    rows: list[list] = [["indicator", "value", "numerator", "denominator"]]
    for item in reports.indicators(year, today=timezone.localdate()):
        rows.append([item.key, item.value, item.numerator, item.denominator])
    response = HttpResponse(
        reports.xlsx([(f"indicators {year}", rows)]),
        content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    )
    response["Content-Disposition"] = f'attachment; filename="visa-indicators-{year}.xlsx"'
    return response


@staff_required
@require_http_methods(["GET", "POST"])
def obligation_alerts(request: AuthedRequest) -> HttpResponse:
    access.require_program_staff(request.user)
    alerts = ObligationAlert.objects.filter(resolved_at__isnull=True).select_related(
        "obligation__resident", "obligation__municipality"
    )
    if request.user.role == "officer" and request.user.municipality_id is not None:
        alerts = alerts.filter(obligation__municipality_id=request.user.municipality_id)
    if request.method == "POST":
        raw = request.POST.get("alert", "")
        # An id from the page's buttons; anything else is no open alert (a word was a 500).
        alert = alerts.filter(pk=int(raw)).first() if raw.isdigit() and len(raw) < 19 else None
        if alert is None:
            messages.error(request, _("This alert is not open any more, or not yours to close."))
        else:
            alert.resolved_at = timezone.now()
            alert.resolved_by = request.user
            alert.save(update_fields=["resolved_at", "resolved_by"])
            messages.success(request, _("The alert was closed."))
        return redirect("visas:obligations")
    items = list(alerts[:200])
    access.log_list(request.user, [a.obligation.application for a in items], request=request)
    return render(request, "visas/obligations.html", {"alerts": items})
