"""The resident's grant pages (`/grants/my/…`): mobile-first, portal layout, no JavaScript."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseBase
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _

from ieum.grants import access, selectors, services
from ieum.grants.forms import ApplicationForm
from ieum.grants.models import Application
from ieum.grants.models.programs import PaymentMethod
from ieum.grants.services import _payment_method
from ieum.grants.texts import render_reason
from ieum.portal.views import _add_errors, resident_required
from ieum.residents.models import Resident


@resident_required
def my_grants(request: HttpRequest, resident: Resident) -> HttpResponse:
    today = timezone.localdate()
    mine = Application.objects.filter(resident=resident).select_related("program")
    applied = set(mine.filter(status__in=Application.ACTIVE).values_list("program_id", flat=True))
    offers = [
        (program, selectors.eligibility_for(program, resident, today))
        for program in selectors.open_programs(today).exclude(pk__in=applied)
    ]
    return render(
        request,
        "grants/my.html",
        {
            "applications": mine,
            "offers": [
                (p, v.eligible, [render_reason({"code": r.code, "params": r.params}) for r in v.reasons])
                for p, v in offers
            ],
        },
    )


@resident_required
def my_apply(request: HttpRequest, resident: Resident, program_id: int) -> HttpResponseBase:
    program = selectors.open_programs(timezone.localdate()).filter(pk=program_id).first()
    if program is None:
        raise Http404
    method = _payment_method(program, resident)
    form = ApplicationForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            application = services.application_file(
                program=program,
                resident=resident,
                actor=request.user,  # type: ignore[arg-type]
                bank_code=data["bank_code"],
                account_number=data["account_number"],
                account_holder=data["account_holder"],
                documents=[data["document"]] if data["document"] else [],
            )
        except ValidationError as exc:
            _add_errors(form, exc)
        else:
            messages.success(request, _("Your application was sent."))
            return redirect("grants:my-application", application_id=application.pk)
    if method == PaymentMethod.GIFT:
        for name in ("bank_code", "account_number", "account_holder"):
            form.fields.pop(name, None)
    status = 400 if request.method == "POST" else 200
    return render(
        request,
        "grants/my_apply.html",
        {"program": program, "form": form, "gift": method == PaymentMethod.GIFT},
        status=status,
    )


@resident_required
def my_application(request: HttpRequest, resident: Resident, application_id: int) -> HttpResponse:
    application = access.get_application_for_user(request.user, application_id, request=request)  # type: ignore[arg-type]
    entitlement = getattr(application, "entitlement", None)
    return render(
        request,
        "grants/my_application.html",
        {
            "application": application,
            "reasons": [render_reason(r) for r in application.reasons],
            "entitlement": entitlement,
        },
    )
