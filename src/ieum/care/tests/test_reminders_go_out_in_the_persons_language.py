from __future__ import annotations

import datetime as dt

import pytest

from ieum.care.services import REMINDER_BEFORE, booking_cancel, booking_create
from ieum.notify.models import Delivery
from ieum.notify.services import deliveries_send_due, delivery_text

pytestmark = pytest.mark.django_db


def test_a_booking_sends_a_confirmation_and_schedules_a_reminder(slot, nepali, outbox):
    booking_create(slot=slot, resident=nepali, actor=None)
    reminder = Delivery.objects.get(template="care.reminder")
    assert reminder.language == "ne" and reminder.status == Delivery.Status.QUEUED
    assert reminder.not_before == slot.starts_at - REMINDER_BEFORE
    assert delivery_text(reminder)[1].startswith("सम्झना: 하나로의원 मा तपाईंको भेटघाट")
    assert Delivery.objects.get(template="care.booked").calendar is not None


def test_the_reminder_goes_out_the_day_before(slot, nepali, outbox):
    booking_create(slot=slot, resident=nepali, actor=None)
    reminder = Delivery.objects.get(template="care.reminder")
    # The confirmation may itself be deferred when the test runs in quiet hours (21:00–08:00
    # KST) and go out in these runs too: follow the reminder, not the count of all sends.
    deliveries_send_due(now=slot.starts_at - REMINDER_BEFORE - dt.timedelta(minutes=1))
    reminder.refresh_from_db()
    assert reminder.status == Delivery.Status.QUEUED
    outbox.clear()
    deliveries_send_due(now=slot.starts_at - REMINDER_BEFORE + dt.timedelta(minutes=1))
    reminder.refresh_from_db()
    assert reminder.status == Delivery.Status.SENT
    sent = [m for m in outbox if "सम्झना" in m.text]
    assert len(sent) == 1 and sent[0].to == "+821022223333"


def test_a_cancelled_appointment_gets_no_reminder(slot, nepali, outbox):
    booking = booking_create(slot=slot, resident=nepali, actor=None)
    booking_cancel(booking=booking, actor=None)
    reminder = Delivery.objects.get(template="care.reminder")
    assert reminder.status == Delivery.Status.FAILED
    outbox.clear()
    deliveries_send_due(now=slot.starts_at)
    reminder.refresh_from_db()
    assert reminder.status == Delivery.Status.FAILED
    assert not [m for m in outbox if "सम्झना" in m.text]
