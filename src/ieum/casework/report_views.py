"""Report pages: aggregates for counselors, supervisors, analysts and administrators."""

from __future__ import annotations

import datetime as dt

from django.http import HttpResponse
from django.shortcuts import render
from django.utils import timezone

from ieum.casework import reports
from ieum.casework.access import require_reports
from ieum.core.access import log_access
from ieum.core.decorators import staff_required
from ieum.core.http import AuthedRequest


def _period(request: AuthedRequest) -> tuple[dt.date, dt.date]:
    today = timezone.localdate()
    try:
        until = dt.date.fromisoformat(request.GET.get("until", "")) if request.GET.get("until") else today
        since = (
            dt.date.fromisoformat(request.GET.get("since", ""))
            if request.GET.get("since")
            else until - dt.timedelta(days=29)
        )
    except ValueError:
        until, since = today, today - dt.timedelta(days=29)
    if since > until:
        since, until = until, since
    return since, until


@staff_required
def reports_page(request: AuthedRequest) -> HttpResponse:
    require_reports(request.user)
    since, until = _period(request)
    tables, grid = reports.build(since, until)
    context = {
        "tables": tables,
        "grid": grid,
        "grid_rows": list(zip(grid.days, grid.cells, strict=True)),
        "hours": [f"{hour:02d}" for hour in range(24)],
        "since": since,
        "until": until,
    }
    return render(request, "casework/reports.html", context)


@staff_required
def report_export(request: AuthedRequest) -> HttpResponse:
    require_reports(request.user)
    since, until = _period(request)
    tables, grid = reports.build(since, until)
    log_access(
        user=request.user,
        action="export",
        subject_type="case_report",
        request=request,
        detail={"since": since.isoformat(), "until": until.isoformat()},
    )
    response = HttpResponse(
        reports.to_xlsx(tables, grid),
        content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    )
    response["Content-Disposition"] = f'attachment; filename="casework-{since}-{until}.xlsx"'
    return response
