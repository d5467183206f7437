"""Jobs pages: the employer portal, the resident's job search, and the staff workspace.

Thin: parse, check access (ieum.jobs.access), call a service, render. Employer and resident pages
use the portal layout (light, no script needed); staff pages the workspace layout.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpRequest, HttpResponse, HttpResponseBase
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from ieum.core.decorators import staff_required
from ieum.core.models import Municipality
from ieum.jobs import access, forms, recommend, report, services
from ieum.jobs.exports import report_xlsx
from ieum.jobs.models import MatchingRound, Placement, SeekerProfile
from ieum.jobs.selectors import employer_consent, korean_level
from ieum.portal.views import resident_required
from ieum.residents.models import Resident


def _errors_into(form: Any, exc: ValidationError) -> None:
    for field, errors in exc.message_dict.items():
        form.add_error(field if field in form.fields else None, errors)


def _today() -> dt.date:
    return timezone.localdate()


# --- Employer portal -------------------------------------------------------------------------


@login_required
def employer_home(request: HttpRequest) -> HttpResponseBase:
    employer = access.get_employer_for_user(request.user)
    form = forms.EmployerForm(request.POST or None) if employer is None else None
    if form is not None and request.method == "POST" and form.is_valid():
        try:
            services.employer_register(user=request.user, **form.cleaned_data)  # type: ignore[arg-type]
        except ValidationError as exc:
            _errors_into(form, exc)
        else:
            messages.success(
                request, _("Your business is registered. An officer of the center will verify it.")
            )
            return redirect("jobs:employer-home")
    vacancies = list(employer.vacancies.select_related("municipality")) if employer else []
    return render(
        request, "jobs/employer_home.html", {"employer": employer, "form": form, "vacancies": vacancies}
    )


@login_required
def vacancy_new(request: HttpRequest) -> HttpResponseBase:
    employer = access.get_employer_for_user(request.user)
    if employer is None or not employer.verified:
        raise PermissionDenied
    form = forms.VacancyForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        data = dict(form.cleaned_data)
        try:
            vacancy = services.vacancy_create(employer=employer, actor=request.user, **data)  # type: ignore[arg-type]
        except ValidationError as exc:
            _errors_into(form, exc)
        else:
            messages.success(request, _("The vacancy is posted."))
            return redirect("jobs:employer-vacancy", vacancy_id=vacancy.pk)
    return render(request, "jobs/vacancy_form.html", {"form": form, "employer": employer})


@login_required
def employer_vacancy(request: HttpRequest, vacancy_id: int) -> HttpResponse:
    vacancy = access.get_vacancy_for_user(request.user, vacancy_id)
    shortlist = recommend.for_vacancy(vacancy, _today()) if vacancy.status == "open" else []
    # Every candidate shown is a disclosure to this employer, recorded in the provision ledger.
    for item in shortlist:
        if item.seeker is None:
            continue
        services.disclose(
            seeker=item.seeker,
            vacancy=vacancy,
            actor=request.user,  # type: ignore[arg-type]
            items=services.SHORTLIST_ITEMS,
        )  # type: ignore[arg-type]
    placements = list(
        Placement.objects.filter(vacancy=vacancy)
        .select_related("seeker__resident__nationality")
        .order_by("-created_at")
    )
    return render(
        request,
        "jobs/employer_vacancy.html",
        {
            "vacancy": vacancy,
            "shortlist": shortlist,
            "placements": placements,
            "stage_form": forms.StageForm(),
            "lawful_statuses": recommend.lawful_statuses(vacancy, _today()),
        },
    )


@require_POST
@login_required
def candidate_stage(request: HttpRequest, vacancy_id: int, seeker_id: int) -> HttpResponseBase:
    vacancy = access.get_vacancy_for_user(request.user, vacancy_id)
    seeker = access.get_candidate_for_user(request.user, vacancy, seeker_id)
    form = forms.StageForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Choose a step from the list."))
        return redirect("jobs:employer-vacancy", vacancy_id=vacancy.pk)
    stage = form.cleaned_data["stage"]
    try:
        if stage == Placement.Stage.LEFT:
            placement = Placement.objects.filter(vacancy=vacancy, seeker=seeker).first()
            if placement is None:
                raise ValidationError(
                    {"stage": [_("Only a hired person can leave, and not before the hiring date.")]}
                )
            services.placement_leave(
                placement=placement,
                left_on=form.cleaned_data["left_on"] or _today(),
                workplace_change=form.cleaned_data["workplace_change"],
                actor=request.user,  # type: ignore[arg-type]
            )
        else:
            services.placement_advance(vacancy=vacancy, seeker=seeker, stage=stage, actor=request.user)  # type: ignore[arg-type]
    except ValidationError as exc:
        for message in exc.messages:
            messages.error(request, message)
    else:
        messages.success(request, _("Saved."))
    return redirect("jobs:employer-vacancy", vacancy_id=vacancy.pk)


# --- Resident: my job search -----------------------------------------------------------------


def _profile_initial(profile: SeekerProfile | None) -> dict[str, Any]:
    if profile is None:
        return {}
    initial: dict[str, Any] = {
        "wanted_wage": profile.wanted_wage,
        "skills": ", ".join(profile.skills),
        "certificates": ", ".join(profile.certificates),
        "industries": ", ".join(profile.industries),
        "counties": list(Municipality.objects.filter(code__in=profile.counties)),
        "available_from": profile.available_from,
        "needs_housing": profile.needs_housing,
    }
    for n, item in enumerate(profile.experience[:2], start=1):
        initial[f"ksco_{n}"], initial[f"years_{n}"] = item["ksco"], item["years"]
    return initial


def _save_profile(request: HttpRequest, resident: Resident, form: forms.ProfileForm) -> bool:
    data = form.cleaned_data
    try:
        services.seeker_profile_save(
            resident=resident,
            actor=request.user,  # type: ignore[arg-type]
            experience=form.experience(),
            wanted_wage=data["wanted_wage"],
            skills=forms._codes(data["skills"]),
            certificates=forms._codes(data["certificates"]),
            industries=forms._codes(data["industries"]),
            counties=[m.code for m in data["counties"]],
            available_from=data["available_from"],
            needs_housing=data["needs_housing"],
        )
    except ValidationError as exc:
        _errors_into(form, exc)
        return False
    return True


def _job_search_context(resident: Resident, form: forms.ProfileForm) -> dict[str, Any]:
    profile = SeekerProfile.objects.filter(resident=resident).first()
    today = _today()
    path = recommend.status_path(resident, today)
    return {
        "resident": resident,
        "form": form,
        "profile": profile,
        "consent": employer_consent(resident),
        "path": path,
        "korean_level": korean_level(resident),
        "recommendations": recommend.for_seeker(profile, today) if profile and not path else [],
        "excluded": recommend.excluded_for_seeker(resident, today) if profile and not path else [],
    }


@resident_required
def my_jobs(request: HttpRequest, resident: Resident) -> HttpResponseBase:
    profile = SeekerProfile.objects.filter(resident=resident).first()
    form = forms.ProfileForm(request.POST or None, initial=_profile_initial(profile))
    if request.method == "POST" and form.is_valid() and _save_profile(request, resident, form):
        messages.success(request, _("Your job search profile is saved."))
        return redirect("jobs:my")
    return render(request, "jobs/my.html", _job_search_context(resident, form))


@require_POST
@resident_required
def my_consent(request: HttpRequest, resident: Resident) -> HttpResponseBase:
    if request.POST.get("give") == "1":
        services.seeker_consent_give(resident=resident, actor=request.user)  # type: ignore[arg-type]
        messages.success(request, _("Thank you. Your consent was recorded."))
    else:
        services.seeker_consent_withdraw(resident=resident, actor=request.user)  # type: ignore[arg-type]
        messages.success(request, _("Your consent was withdrawn."))
    return redirect("jobs:my")


# --- Staff workspace -------------------------------------------------------------------------


@staff_required
def helper_profile(request: HttpRequest, resident_id: int) -> HttpResponseBase:
    """A counselor fills in the profile with the resident (and records a consent given by phone)."""
    resident = access.get_seeker_resident_for_helper(request.user, resident_id, request=request)
    profile = SeekerProfile.objects.filter(resident=resident).first()
    form = forms.ProfileForm(request.POST or None, initial=_profile_initial(profile))
    if request.method == "POST" and request.POST.get("consent") == "phone":
        services.seeker_consent_give(
            resident=resident,
            actor=request.user,  # type: ignore[arg-type]
            channel="phone",
            witness=request.user,  # type: ignore[arg-type]
        )
        messages.success(request, _("Thank you. Your consent was recorded."))
        return redirect("jobs:helper-profile", resident_id=resident.pk)
    if request.method == "POST" and form.is_valid() and _save_profile(request, resident, form):
        messages.success(request, _("Saved."))
        return redirect("jobs:helper-profile", resident_id=resident.pk)
    return render(request, "jobs/helper_profile.html", _job_search_context(resident, form))


@staff_required
def employers(request: HttpRequest) -> HttpResponse:
    rows = access.employers_for_verifier(request.user).order_by("verified_at", "name")
    return render(request, "jobs/employers.html", {"employers": rows})


@require_POST
@staff_required
def employer_verify(request: HttpRequest, employer_id: int) -> HttpResponseBase:
    employer = access.get_employer_to_verify(request.user, employer_id)
    services.employer_verify(employer=employer, actor=request.user)  # type: ignore[arg-type]
    messages.success(request, _("The business is verified and may post vacancies."))
    return redirect("jobs:employers")


@staff_required
def rounds(request: HttpRequest) -> HttpResponseBase:
    access.require_rounds(request.user)
    if request.method == "POST":
        try:
            matching_round = services.round_create(name=request.POST.get("name", ""), actor=request.user)  # type: ignore[arg-type]
        except ValidationError as exc:
            messages.error(request, " ".join(exc.messages))
        else:
            return redirect("jobs:round", round_id=matching_round.pk)
    return render(
        request,
        "jobs/rounds.html",
        {"rounds": MatchingRound.objects.all()[:50], "congestion": recommend.congestion_report()},
    )


@staff_required
def round_detail(request: HttpRequest, round_id: int) -> HttpResponse:
    matching_round = access.get_round_for_user(request.user, round_id, request=request)
    pairs = matching_round.pairs.select_related("vacancy__employer", "seeker__resident").order_by("-score")[
        :500
    ]
    template = "jobs/_round_progress.html" if request.headers.get("HX-Request") else "jobs/round.html"
    return render(request, template, {"round": matching_round, "pairs": pairs})


@staff_required
def report_page(request: HttpRequest) -> HttpResponse:
    access.require_report(request.user)
    data = report.outcomes(_today())
    return render(request, "jobs/report.html", {"data": data})


@staff_required
def report_export(request: HttpRequest) -> HttpResponse:
    access.require_report(request.user)
    response = HttpResponse(
        report_xlsx(report.outcomes(_today())),
        content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    )
    response["Content-Disposition"] = 'attachment; filename="placements.xlsx"'
    return response
