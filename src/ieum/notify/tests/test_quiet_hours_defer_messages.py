from __future__ import annotations

import datetime as dt

import pytest

from ieum.notify.models import Delivery
from ieum.notify.quiet import KST, quiet_until
from ieum.notify.services import deliveries_send_due, message_send

CONTEXT = {"partner": "Hanaro Clinic", "when": "2026-12-03 14:00"}
NIGHT = dt.datetime(2026, 11, 26, 22, 30, tzinfo=KST)


def test_quiet_hours_run_from_nine_in_the_evening_to_eight_in_the_morning():
    assert quiet_until(dt.datetime(2026, 11, 26, 20, 59, tzinfo=KST)) is None
    assert quiet_until(NIGHT) == dt.datetime(2026, 11, 27, 8, 0, tzinfo=KST)
    assert quiet_until(dt.datetime(2026, 11, 27, 3, 0, tzinfo=KST)) == dt.datetime(
        2026, 11, 27, 8, 0, tzinfo=KST
    )
    assert quiet_until(dt.datetime(2026, 11, 27, 8, 0, tzinfo=KST)) is None


@pytest.fixture
def at_night(monkeypatch):
    monkeypatch.setattr("ieum.notify.services.timezone.now", lambda: NIGHT)


@pytest.mark.django_db
def test_a_message_at_night_is_deferred_and_sent_in_the_morning(at_night, resident, outbox):
    delivery = message_send(recipient=resident, template="care.booked", context=CONTEXT)
    assert delivery.status == Delivery.Status.DEFERRED and outbox == []
    assert deliveries_send_due(now=NIGHT + dt.timedelta(hours=1)) == 0
    assert deliveries_send_due(now=dt.datetime(2026, 11, 27, 8, 1, tzinfo=KST)) == 1
    assert len(outbox) == 1


@pytest.mark.django_db
def test_an_urgent_message_goes_out_at_night(at_night, resident, outbox):
    delivery = message_send(recipient=resident, template="care.booked", context=CONTEXT, urgent=True)
    assert delivery.status == Delivery.Status.SENT and len(outbox) == 1
