from __future__ import annotations

from typing import Any

from django.urls import reverse
from django.utils.translation import ngettext

from ieum.core.workspace import Task
from ieum.residents.access import can_read_residents
from ieum.residents.models import DuplicateFlag, ImportBatch


def resident_tasks(user: Any) -> list[Task]:
    if not can_read_residents(user):
        return []
    tasks = []
    flags = DuplicateFlag.objects.filter(status=DuplicateFlag.Status.OPEN).count()
    if flags:
        tasks.append(
            Task(
                ngettext(
                    "%(count)s possible duplicate to check", "%(count)s possible duplicates to check", flags
                )
                % {"count": flags},
                flags,
                reverse("resident-duplicates"),
            )
        )
    previews = ImportBatch.objects.filter(created_by=user, status=ImportBatch.Status.PREVIEWED)
    for batch in previews.order_by("-created_at")[:5]:
        tasks.append(
            Task(
                ngettext(
                    "Import of %(file)s waits for your commit (%(count)s row)",
                    "Import of %(file)s waits for your commit (%(count)s rows)",
                    batch.total_rows,
                )
                % {"file": batch.file_name, "count": batch.total_rows},
                batch.total_rows,
                reverse("resident-import-batch", args=[batch.pk]),
            )
        )
    return tasks
