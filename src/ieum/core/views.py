from __future__ import annotations

from django.db import connection
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import redirect, render

from ieum.core.decorators import staff_required
from ieum.core.models.users import STAFF_ROLES, Role
from ieum.core.workspace import tasks_for


def home(request: HttpRequest) -> HttpResponse:
    if getattr(request.user, "role", None) in STAFF_ROLES:
        return redirect("workspace-home")
    if getattr(request.user, "role", None) == Role.RESIDENT:
        return redirect("portal-home")
    return redirect("login")


@staff_required
def workspace_home(request: HttpRequest) -> HttpResponse:
    from ieum.residents.access import can_read_residents

    return render(
        request,
        "core/workspace_home.html",
        {
            "tasks": tasks_for(request.user),
            "can_search": can_read_residents(request.user),  # type: ignore[arg-type]
        },
    )


def healthz(request: HttpRequest) -> JsonResponse:
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")
    return JsonResponse({"ok": True})
