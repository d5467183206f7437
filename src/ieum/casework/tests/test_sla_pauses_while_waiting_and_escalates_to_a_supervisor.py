"""Issue 5 "Done means": the SLA clock pauses and resumes on the business calendar across a
public holiday (Chuseok 2026: 24-26 September), warns before a breach and escalates after."""

import datetime as dt
from zoneinfo import ZoneInfo

import pytest
from django.core.management import call_command
from django.utils import timezone

from ieum.casework import services
from ieum.casework.models import Case, CaseEvent
from ieum.casework.sla import sla_tick
from ieum.casework.workspace_tasks import casework_tasks

KST = ZoneInfo("Asia/Seoul")


def at(month: int, day: int, hour: int, minute: int = 0) -> dt.datetime:
    return dt.datetime(2026, month, day, hour, minute, tzinfo=KST)


@pytest.fixture
def clock(monkeypatch):
    class Clock:
        now = at(9, 23, 16)

        def set(self, value):
            self.now = value

    c = Clock()
    monkeypatch.setattr(timezone, "now", lambda: c.now)
    return c


@pytest.mark.django_db
def test_the_resolution_clock_pauses_over_chuseok_and_resumes_after(center, clock):
    user = center.vi_counselor
    case = services.case_open(
        channel="walk_in", topic=center.wages, language="vi", actor=user, assignee=user, urgency="urgent"
    )
    # Urgent: 8 business hours to resolve. Wed 23 Sep 16:00-20:00 = 4 h; Thu-Sat are Chuseok,
    # Sunday closed: the other 4 h are Monday 28 Sep 09:00-13:00.
    assert case.resolution_due == at(9, 28, 13)
    clock.set(at(9, 23, 18))
    services.case_wait(case=case, on="resident", actor=user)  # 6 business hours left
    clock.set(at(9, 30, 10))  # resumes Wednesday 30 Sep 10:00
    case = services.case_resume(case=case, actor=user)
    assert case.resolution_due == at(9, 30, 16)
    assert case.sla_paused_at is None and case.status == Case.Status.IN_PROGRESS


@pytest.mark.django_db
def test_a_waiting_case_is_not_escalated_while_its_clock_is_stopped(center, clock):
    user = center.vi_counselor
    case = services.case_open(channel="walk_in", topic=center.wages, language="vi", actor=user, assignee=user)
    services.case_wait(case=case, on="partner", actor=user)
    clock.set(at(10, 30, 10))
    assert sla_tick().escalated == 0


@pytest.mark.django_db
def test_the_tick_warns_before_a_breach_and_escalates_to_the_supervisor_after(center, clock):
    case = services.case_open(
        channel="walk_in",
        topic=center.wages,
        language="vi",
        actor=center.supervisor,
        auto_route=False,
        urgency="high",
    )
    # High: first response within 60 business minutes (due 17:00); warned at 80 % (16:48).
    clock.set(at(9, 23, 16, 30))
    assert (sla_tick().warned, sla_tick().escalated) == (0, 0)
    clock.set(at(9, 23, 16, 50))
    assert sla_tick().warned == 1
    assert sla_tick().warned == 0  # once
    clock.set(at(9, 23, 17, 1))
    call_command("casework_sla_tick")
    case.refresh_from_db()
    assert case.sla_escalated_at is not None and case.first_response_breached
    assert CaseEvent.objects.filter(case=case, kind="case.sla_escalated").exists()
    titles = [task.title for task in casework_tasks(center.supervisor)]
    assert "1 case needs a supervisor" in titles
