"""The privacy officer's pages in the workspace."""

from __future__ import annotations

import datetime as dt

from django.core.exceptions import PermissionDenied
from django.http import HttpResponse
from django.shortcuts import render
from django.utils import timezone

from ieum.core.access import log_access
from ieum.core.decorators import staff_required
from ieum.core.http import AuthedRequest
from ieum.core.models import Role
from ieum.privacy.review import BULK_SUBJECTS_PER_DAY, access_review


def _month(value: str | None) -> dt.date:
    try:
        year, month = (int(part) for part in (value or "").split("-"))
        return dt.date(year, month, 1)
    except ValueError:
        today = timezone.localdate()
        return today.replace(day=1)


@staff_required
def access_review_page(request: AuthedRequest) -> HttpResponse:
    # The administrator acts as the privacy officer (CPO) who reviews the log each month.
    if request.user.role != Role.ADMIN:
        raise PermissionDenied
    month = _month(request.GET.get("month"))
    reviews = access_review(month)
    log_access(
        user=request.user,
        action="view",
        subject_type="access_log",
        subject_id=month.strftime("%Y-%m"),
        request=request,
        purpose="monthly review",
    )
    return render(
        request,
        "privacy/access_review.html",
        {"month": month, "reviews": reviews, "bulk_threshold": BULK_SUBJECTS_PER_DAY},
    )
