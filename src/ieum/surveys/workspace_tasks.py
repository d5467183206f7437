from __future__ import annotations

from typing import Any

from django.urls import reverse
from django.utils.translation import ngettext

from ieum.core.workspace import Task
from ieum.surveys.access import can_manage_surveys
from ieum.surveys.models import Submission


def survey_tasks(user: Any) -> list[Task]:
    """Submissions waiting for review (new, or on hold because Ieum's rules refused an answer)."""
    if not can_manage_surveys(user):
        return []
    waiting = Submission.objects.filter(status__in=[Submission.Status.NEW, Submission.Status.ON_HOLD]).count()
    if not waiting:
        return []
    title = ngettext(
        "%(count)s survey submission to review", "%(count)s survey submissions to review", waiting
    ) % {"count": waiting}
    return [Task(title, waiting, reverse("surveys:list"))]
