"""What waits for a counselor or supervisor on the workspace home."""

from __future__ import annotations

from typing import Any

from django.db.models import Q
from django.urls import reverse
from django.utils.translation import ngettext

from ieum.casework.access import can_work_cases
from ieum.casework.models import Callback, Case
from ieum.casework.routing import queue_ids_of
from ieum.core.workspace import Task


def casework_tasks(user: Any) -> list[Task]:
    if not can_work_cases(user):
        return []
    tasks = []
    mine = Case.objects.filter(
        assignee=user, status__in=(Case.Status.ASSIGNED, Case.Status.IN_PROGRESS)
    ).count()
    if mine:
        tasks.append(
            Task(
                ngettext("%(count)s case waits for you", "%(count)s cases wait for you", mine)
                % {"count": mine},
                mine,
                reverse("casework:queue"),
            )
        )
    queues = queue_ids_of(user)
    supervised = list(user.supervised_queues.values_list("pk", flat=True))
    approvals = Case.objects.filter(
        Q(close_requested_at__isnull=False, status=Case.Status.RESOLVED)
        | Q(sla_escalated_at__isnull=False, status__in=("new", "assigned", "in_progress")),
        queue_id__in=supervised,
    ).count()
    if approvals:
        tasks.append(
            Task(
                ngettext("%(count)s case needs a supervisor", "%(count)s cases need a supervisor", approvals)
                % {"count": approvals},
                approvals,
                reverse("casework:supervisor"),
            )
        )
    callbacks = (
        Callback.objects.filter(status=Callback.Status.PENDING)
        .filter(Q(queue_id__in=queues) | Q(queue__isnull=True))
        .count()
    )
    if callbacks:
        tasks.append(
            Task(
                ngettext(
                    "%(count)s caller waits for a callback",
                    "%(count)s callers wait for a callback",
                    callbacks,
                )
                % {"count": callbacks},
                callbacks,
                reverse("casework:callbacks"),
            )
        )
    return tasks
