"""What the jobs app adds to the workspace home and to the resident's timeline."""

from __future__ import annotations

from typing import Any

from django.urls import reverse
from django.utils.translation import gettext as _

from ieum.core.models import Role
from ieum.core.workspace import Task


def jobs_messages() -> dict[str, str]:
    return {
        "jobs.profile_created": _("Job search profile created."),
        "jobs.profile_updated": _("Job search profile updated."),
        "jobs.hired": _("Hired by %(employer)s."),
    }


def jobs_tasks(user: Any) -> list[Task]:
    if user.role not in (Role.OFFICER, Role.ADMIN):
        return []
    from ieum.jobs.access import employers_for_verifier

    waiting = employers_for_verifier(user).filter(verified_at__isnull=True).count()
    if not waiting:
        return []
    return [Task(_("Businesses waiting to be verified"), waiting, reverse("jobs:employers"))]
