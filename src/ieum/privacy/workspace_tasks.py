from __future__ import annotations

from typing import Any

from django.urls import reverse
from django.utils.translation import gettext, ngettext

from ieum.core.models import Role
from ieum.core.workspace import Task
from ieum.privacy.models import RightsRequest


def privacy_tasks(user: Any) -> list[Task]:
    if getattr(user, "role", None) != Role.ADMIN:
        return []
    tasks = [Task(gettext("Review this month's access log"), 0, reverse("privacy-access-review"))]
    open_requests = RightsRequest.objects.filter(status=RightsRequest.Status.OPEN).count()
    if open_requests:
        tasks.append(
            Task(
                ngettext(
                    "%(count)s request to correct or delete data is open",
                    "%(count)s requests to correct or delete data are open",
                    open_requests,
                )
                % {"count": open_requests},
                open_requests,
                reverse("admin:privacy_rightsrequest_changelist"),
            )
        )
    return tasks
