"""The SLA watch: warn before a case passes its target, escalate to the queue's supervisors after
(issue 5 item 7). Run by `ieum casework_sla_tick` every few minutes; the supervision page and the
workspace home show what it raised."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.db import transaction
from django.utils import timezone

from ieum.casework.config import business_calendar, sla_targets
from ieum.casework.events import record
from ieum.casework.models import Case

# A waiting case's clock is stopped: it is neither warned nor escalated.
RUNNING = (Case.Status.NEW, Case.Status.ASSIGNED, Case.Status.IN_PROGRESS)


@dataclass
class TickResult:
    warned: int = 0
    escalated: int = 0


def _due(case: Case) -> tuple[dt.datetime | None, int, str]:
    targets = sla_targets(case.urgency)
    if case.first_response_at is None:
        return case.first_response_due, targets.first_response_seconds, "first_response"
    return case.resolution_due, targets.resolution_seconds, "resolution"


def sla_tick(*, now: dt.datetime | None = None) -> TickResult:
    now = now or timezone.now()
    calendar = business_calendar()
    result = TickResult()
    horizon = now + dt.timedelta(days=14)
    candidates = Case.objects.filter(status__in=RUNNING, sla_escalated_at__isnull=True).filter(
        resolution_due__lte=horizon
    ) | Case.objects.filter(
        status__in=RUNNING,
        sla_escalated_at__isnull=True,
        first_response_at__isnull=True,
        first_response_due__lte=horizon,
    )
    for case in candidates.select_related("topic", "resident").distinct():
        due, target, which = _due(case)
        if due is None:
            continue
        if now >= due:
            with transaction.atomic():
                updated = Case.objects.filter(pk=case.pk, sla_escalated_at__isnull=True).update(
                    sla_escalated_at=now, **{f"{which}_breached": True}
                )
                if updated:
                    record(case, "case.sla_escalated", None, timeline=False)
                    result.escalated += 1
        elif case.sla_warned_at is None:
            warn_at = sla_targets(case.urgency).warn_at
            if calendar.seconds_between(now, due) <= (1 - warn_at) * target:
                with transaction.atomic():
                    if Case.objects.filter(pk=case.pk, sla_warned_at__isnull=True).update(sla_warned_at=now):
                        record(case, "case.sla_warning", None, timeline=False)
                        result.warned += 1
    return result
