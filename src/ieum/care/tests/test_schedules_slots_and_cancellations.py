from __future__ import annotations

import datetime as dt

import pytest
from django.utils import timezone

from ieum.care.models import Slot
from ieum.care.services import booking_cancel, booking_create, partner_care_set, slots_generate
from ieum.care.tests.conftest import make_partner, partner_user
from ieum.interpreting.models import InterpreterRequest

pytestmark = pytest.mark.django_db


def test_the_weekly_hours_make_bookable_slots_once(clinic):
    monday = timezone.localdate() + dt.timedelta(days=7 - timezone.localdate().weekday())
    partner_care_set(
        partner=clinic,
        kind="clinic",
        discount_percent=30,
        slot_minutes=30,
        hours=[(0, dt.time(9, 0), dt.time(11, 0)), (2, dt.time(14, 0), dt.time(15, 0))],
    )
    assert slots_generate(partner=clinic, start=monday, days=7) == 6
    assert slots_generate(partner=clinic, start=monday, days=7) == 0
    first = Slot.objects.filter(partner=clinic).order_by("starts_at").first()
    assert timezone.localtime(first.starts_at).time() == dt.time(9, 0)


def test_cancelling_a_booking_cancels_its_interpreter(slot, nepali):
    booking = booking_create(slot=slot, resident=nepali, actor=None)
    booking_cancel(booking=booking, actor=None)
    assert InterpreterRequest.objects.get().status == "cancelled"


def test_a_partner_adds_slots_only_to_its_own_organisation(client, clinic):
    other = make_partner("elsewhere", name="다른병원")
    client.force_login(partner_user(clinic, "hanaro-desk"))
    when = (timezone.localtime() + dt.timedelta(days=5)).replace(hour=10, minute=0, second=0, microsecond=0)
    data = {
        "kind": "clinic",
        "starts_at": when.strftime("%Y-%m-%dT%H:%M"),
        "minutes": 30,
        "partner": other.pk,
    }
    assert client.post("/care/partner/", data).status_code == 302
    assert Slot.objects.get().partner == clinic
    assert client.post("/care/partner/", {**data, "minutes": 1}).status_code == 200  # refused, nothing added
    assert Slot.objects.count() == 1
