from __future__ import annotations

from typing import Any

from django.urls import reverse
from django.utils import timezone
from django.utils.translation import ngettext

from ieum.care.access import may_book
from ieum.care.models import Booking
from ieum.core.workspace import Task


def care_tasks(user: Any) -> list[Task]:
    """Past appointments still without an outcome (attended or did not come)."""
    if not may_book(user):
        return []
    open_ = Booking.objects.filter(status=Booking.Status.BOOKED, slot__ends_at__lt=timezone.now()).count()
    if not open_:
        return []
    title = ngettext(
        "%(count)s past appointment without an outcome",
        "%(count)s past appointments without an outcome",
        open_,
    ) % {"count": open_}
    return [Task(title, open_, reverse("care:home"))]
