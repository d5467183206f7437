"""Workspace home task: new referrals waiting in a partner's inbox."""

from __future__ import annotations

from typing import Any

from django.urls import reverse
from django.utils.translation import ngettext

from ieum.core.workspace import Task
from ieum.referrals import access
from ieum.referrals.models import Referral


def referral_tasks(user: Any) -> list[Task]:
    waiting = access.inbox_for(user).filter(status=Referral.Status.SENT).count()
    if not waiting:
        return []
    title = ngettext(
        "%(count)s referral waiting for your answer", "%(count)s referrals waiting for your answer", waiting
    ) % {"count": waiting}
    return [Task(title, waiting, reverse("referrals:inbox"))]
