"""'Am I eligible?' in the resident portal: the signed-in person's own screening, in their
language, and an application for themself. Mobile-first, no JavaScript."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from ieum.core.http import AuthedRequest
from ieum.portal.views import resident_required
from ieum.residents.models import Resident
from ieum.visas import services
from ieum.visas.engine import PROGRAMS
from ieum.visas.models import Application
from ieum.visas.views import _latest_documents, screening_for


@resident_required
@require_http_methods(["GET", "POST"])
def my_eligibility(request: AuthedRequest, resident: Resident) -> HttpResponse:
    if request.method == "POST":
        program = request.POST.get("program", "")
        try:
            if program not in PROGRAMS:
                raise ValidationError({"program": [_("Choose a program.")]})
            services.application_create(
                resident=resident, program=program, actor=request.user, documents=_latest_documents(resident)
            )
        except ValidationError as exc:
            for message in exc.messages:
                messages.error(request, message)
        else:
            messages.success(request, _("The application was submitted to the city or county."))
        return redirect("visas:my-eligibility")
    day = timezone.localdate()
    return render(
        request,
        "visas/my_eligibility.html",
        {
            "programs": screening_for(resident.pk, day),
            "day": day,
            "applications": Application.objects.filter(resident=resident),
        },
    )
