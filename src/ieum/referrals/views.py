"""Referral pages: counselors refer and follow up; partners answer in their inbox."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from ieum.core.decorators import staff_required
from ieum.core.http import AuthedRequest
from ieum.privacy.services import ConsentRequired
from ieum.referrals import access, selectors, services
from ieum.referrals.forms import AppointmentForm, DeclineForm, OutcomeForm, ReferralForm
from ieum.referrals.models import Referral
from ieum.residents.access import get_resident_for_user


def _form_errors(form, error: ValidationError) -> None:
    for field, problems in error.message_dict.items():
        form.add_error(field if field in form.fields else None, problems)


def _case_of(request: AuthedRequest, resident_id: int):
    """The case the referral is made from (`?case=`), if the user reaches it and it is this
    resident's; casework's own access helper decides and logs."""
    raw = request.GET.get("case") or request.POST.get("case") or ""
    if not raw.isdigit():
        return None
    from ieum.casework.access import get_case_for_user

    case = get_case_for_user(request.user, int(raw), purpose="referral", request=request)
    if case.resident_id != resident_id:
        raise Http404
    return case


@staff_required
def referral_create(request: AuthedRequest, resident_id: int) -> HttpResponse:
    access.require_referrer(request.user)
    resident = get_resident_for_user(request.user, resident_id, purpose="referral", request=request)
    case = _case_of(request, resident.pk)
    form = ReferralForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            referral = services.referral_create(
                resident=resident, actor=request.user, case=case, **form.cleaned_data
            )
            messages.success(request, _("The referral was sent."))
            return redirect("referrals:detail", referral_id=referral.pk)
        except ConsentRequired as refused:
            form.add_error(None, str(refused))
        except ValidationError as error:
            _form_errors(form, error)
    return render(request, "referrals/form.html", {"form": form, "resident": resident, "case": case})


@staff_required
def sent(request: AuthedRequest) -> HttpResponse:
    access.require_referrer(request.user)
    items = Referral.objects.filter(created_by=request.user).select_related("partner")[:200]
    return render(request, "referrals/sent.html", {"items": items})


@staff_required
def detail(request: AuthedRequest, referral_id: int) -> HttpResponse:
    referral = access.get_referral_for_staff(request.user, referral_id, request=request)
    return render(
        request, "referrals/detail.html", {"referral": referral, "shared": selectors.shared_view(referral)}
    )


@staff_required
@require_POST
def close(request: AuthedRequest, referral_id: int) -> HttpResponse:
    referral = access.get_referral_for_staff(request.user, referral_id, request=request)
    services.referral_close(referral=referral, actor=request.user)
    messages.success(request, _("The referral was closed."))
    return redirect("referrals:detail", referral_id=referral.pk)


@login_required
def inbox(request: AuthedRequest) -> HttpResponse:
    access.require_partner(request.user)
    items = access.inbox_for(request.user).order_by("-created_at")[:200]
    return render(request, "referrals/inbox.html", {"items": items})


def _partner_page(request: AuthedRequest, referral, **forms) -> HttpResponse:
    context = {
        "referral": referral,
        "shared": selectors.shared_view(referral),
        "message_shared": selectors.message_shared(referral),
        "decline_form": forms.get("decline_form") or DeclineForm(),
        "appointment_form": forms.get("appointment_form") or AppointmentForm(),
        "outcome_form": forms.get("outcome_form") or OutcomeForm(),
    }
    return render(request, "referrals/inbox_detail.html", context, status=400 if forms else 200)


@login_required
def inbox_detail(request: AuthedRequest, referral_id: int) -> HttpResponse:
    referral = access.get_referral_for_partner(request.user, referral_id, request=request)
    return _partner_page(request, referral)


def _step(request: AuthedRequest, referral, call) -> HttpResponse:
    try:
        call()
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    return redirect("referrals:inbox-detail", referral_id=referral.pk)


@login_required
@require_POST
def inbox_accept(request: AuthedRequest, referral_id: int) -> HttpResponse:
    referral = access.get_referral_for_partner(request.user, referral_id, request=request)
    return _step(request, referral, lambda: services.referral_accept(referral=referral, actor=request.user))


@login_required
@require_POST
def inbox_decline(request: AuthedRequest, referral_id: int) -> HttpResponse:
    referral = access.get_referral_for_partner(request.user, referral_id, request=request)
    form = DeclineForm(request.POST)
    if not form.is_valid():
        return _partner_page(request, referral, decline_form=form)
    reason = form.cleaned_data["decline_reason"]
    return _step(
        request,
        referral,
        lambda: services.referral_decline(referral=referral, reason=reason, actor=request.user),
    )


@login_required
@require_POST
def inbox_appointment(request: AuthedRequest, referral_id: int) -> HttpResponse:
    referral = access.get_referral_for_partner(request.user, referral_id, request=request)
    form = AppointmentForm(request.POST)
    if not form.is_valid():
        return _partner_page(request, referral, appointment_form=form)
    data = form.cleaned_data
    return _step(
        request,
        referral,
        lambda: services.referral_appointment_set(
            referral=referral, appointment_at=data["appointment_at"], place=data["place"], actor=request.user
        ),
    )


@login_required
@require_POST
def inbox_outcome(request: AuthedRequest, referral_id: int) -> HttpResponse:
    referral = access.get_referral_for_partner(request.user, referral_id, request=request)
    form = OutcomeForm(request.POST)
    if not form.is_valid():
        return _partner_page(request, referral, outcome_form=form)
    outcome = form.cleaned_data["outcome"]
    return _step(
        request,
        referral,
        lambda: services.referral_outcome_report(referral=referral, outcome=outcome, actor=request.user),
    )
