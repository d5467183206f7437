from __future__ import annotations

from typing import Any

from django.urls import reverse
from django.utils.translation import ngettext

from ieum.core.models import Role
from ieum.core.workspace import Task
from ieum.visas.models import Application, ObligationAlert


def visa_tasks(user: Any) -> list[Task]:
    if not (user.is_authenticated and user.role == Role.OFFICER):
        return []
    county = user.municipality_id
    tasks = []
    if county is not None:
        waiting = Application.objects.filter(
            municipality_id=county, status=Application.Status.SUBMITTED
        ).count()
    else:
        waiting = Application.objects.filter(status=Application.Status.COUNTY_APPROVED).count()
    if waiting:
        tasks.append(
            Task(
                ngettext(
                    "%(count)s visa application waits for your review",
                    "%(count)s visa applications wait for your review",
                    waiting,
                )
                % {"count": waiting},
                waiting,
                reverse("visas:applications"),
            )
        )
    alerts = ObligationAlert.objects.filter(resolved_at__isnull=True)
    if county is not None:
        alerts = alerts.filter(obligation__municipality_id=county)
    open_alerts = alerts.count()
    if open_alerts:
        tasks.append(
            Task(
                ngettext(
                    "%(count)s regional-visa holder may break a condition",
                    "%(count)s regional-visa holders may break a condition",
                    open_alerts,
                )
                % {"count": open_alerts},
                open_alerts,
                reverse("visas:obligations"),
            )
        )
    return tasks
