"""Workspace home tasks: offers waiting for an interpreter; unfilled requests for coordinators."""

from __future__ import annotations

from typing import Any

from django.urls import reverse
from django.utils.translation import ngettext

from ieum.core.workspace import Task
from ieum.interpreting import access, selectors


def interpreting_tasks(user: Any) -> list[Task]:
    tasks: list[Task] = []
    interpreter = access.own_interpreter(user)
    if interpreter is not None:
        offers = selectors.pending_offers_for(interpreter).count()
        if offers:
            title = ngettext(
                "%(count)s interpreting offer waiting for your answer",
                "%(count)s interpreting offers waiting for your answer",
                offers,
            ) % {"count": offers}
            tasks.append(Task(title, offers, reverse("interpreting:mine")))
    if access.is_coordinator(user):
        unfilled = selectors.unfilled_requests().count()
        if unfilled:
            title = ngettext(
                "%(count)s interpreter request not yet filled",
                "%(count)s interpreter requests not yet filled",
                unfilled,
            ) % {"count": unfilled}
            tasks.append(Task(title, unfilled, reverse("interpreting:request-list")))
    return tasks
