from __future__ import annotations

from typing import Any

from django.urls import reverse
from django.utils.translation import ngettext

from ieum.core.workspace import Task
from ieum.grants import access
from ieum.grants.models import Application


def grant_tasks(user: Any) -> list[Task]:
    if not access.can_decide(user):
        return []
    qs = access.applications_reachable_by(user)
    tasks = []
    submitted = qs.filter(status=Application.Status.SUBMITTED).count()
    if submitted:
        tasks.append(
            Task(
                ngettext(
                    "%(count)s grant application to prepare",
                    "%(count)s grant applications to prepare",
                    submitted,
                )
                % {"count": submitted},
                submitted,
                reverse("grants:applications") + "?status=submitted",
            )
        )
    prepared = qs.filter(status=Application.Status.PREPARED).exclude(prepared_by=user).count()
    if prepared:
        tasks.append(
            Task(
                ngettext(
                    "%(count)s grant application to approve",
                    "%(count)s grant applications to approve",
                    prepared,
                )
                % {"count": prepared},
                prepared,
                reverse("grants:applications") + "?status=prepared",
            )
        )
    return tasks
