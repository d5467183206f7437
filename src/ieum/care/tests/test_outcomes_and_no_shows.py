from __future__ import annotations

import pytest
from django.core.exceptions import ValidationError

from ieum.care.selectors import no_show_count
from ieum.care.services import booking_cancel, booking_create, booking_outcome
from ieum.care.tests.conftest import make_slot

pytestmark = pytest.mark.django_db


def test_a_no_show_is_counted_for_the_person(clinic, nepali):
    first = booking_create(slot=make_slot(clinic, days=2), resident=nepali, actor=None)
    second = booking_create(slot=make_slot(clinic, days=3), resident=nepali, actor=None)
    booking_outcome(booking=first, status="no_show", note="", actor=None)
    booking_outcome(booking=second, status="attended", note="Seen; follow-up in two weeks.", actor=None)
    assert no_show_count(nepali) == 1
    assert nepali.timeline.filter(kind="care.no_show").exists()


def test_an_outcome_needs_a_known_status_and_a_live_booking(slot, nepali):
    booking = booking_create(slot=slot, resident=nepali, actor=None)
    with pytest.raises(ValidationError):
        booking_outcome(booking=booking, status="cured", note="", actor=None)
    booking_cancel(booking=booking, actor=None)
    with pytest.raises(ValidationError):
        booking_outcome(booking=booking, status="attended", note="", actor=None)


def test_a_past_appointment_without_outcome_is_a_task_for_the_desk(clinic, nepali, counselor, analyst):
    import datetime as dt

    from django.utils import timezone

    from ieum.care.workspace_tasks import care_tasks

    booking = booking_create(slot=make_slot(clinic, days=1), resident=nepali, actor=None)
    assert care_tasks(counselor) == []
    booking.slot.starts_at = timezone.now() - dt.timedelta(hours=2)
    booking.slot.ends_at = timezone.now() - dt.timedelta(hours=1)
    booking.slot.save()
    assert [t.count for t in care_tasks(counselor)] == [1]
    assert care_tasks(analyst) == []
