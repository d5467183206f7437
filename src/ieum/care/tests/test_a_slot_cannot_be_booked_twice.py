from __future__ import annotations

import pytest
from django.core.exceptions import ValidationError

from ieum.care.models import Booking
from ieum.care.services import booking_cancel, booking_create
from ieum.care.tests.conftest import make_partner, make_resident, make_slot
from ieum.core.testing import run_concurrently


@pytest.mark.django_db
def test_a_second_booking_of_the_same_slot_is_refused(slot, nepali):
    other = make_resident("TRAN VAN AN", "vi", "010-4444-5555")
    booking_create(slot=slot, resident=nepali, actor=None)
    with pytest.raises(ValidationError):
        booking_create(slot=slot, resident=other, actor=None)
    assert Booking.objects.filter(slot=slot).count() == 1


@pytest.mark.django_db
def test_a_cancelled_slot_can_be_booked_again(slot, nepali):
    other = make_resident("TRAN VAN AN", "vi", "010-4444-5555")
    booking_cancel(booking=booking_create(slot=slot, resident=nepali, actor=None), actor=None)
    booking_create(slot=slot, resident=other, actor=None)
    assert Booking.objects.filter(slot=slot, status="booked").get().resident == other


@pytest.mark.django_db
def test_only_a_group_slot_takes_several_residents(clinic, nepali):
    other = make_resident("TRAN VAN AN", "vi", "010-4444-5555")
    with pytest.raises(ValidationError):
        booking_create(slot=make_slot(clinic), resident=nepali, actor=None, participants=[other])
    group = make_slot(clinic, days=4, kind="legal", group=True)
    booking = booking_create(slot=group, resident=nepali, actor=None, participants=[other])
    assert [p.resident for p in booking.participants.all()] == [other]
    assert other.timeline.filter(kind="care.legal_booked").exists()


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True)
def test_fifty_people_booking_one_slot_at_once_get_one_booking():
    partner = make_partner("race")
    slot = make_slot(partner)
    residents = [make_resident(f"PERSON {i}", "ko", f"010-7000-{i:04d}") for i in range(50)]

    results = run_concurrently(lambda r: booking_create(slot=slot, resident=r, actor=None), residents)

    won = [r for r in results if isinstance(r, Booking)]
    refused = [r for r in results if isinstance(r, ValidationError)]
    assert len(won) == 1 and len(refused) == 49, [
        type(r) for r in results if not isinstance(r, (Booking, ValidationError))
    ]
    assert Booking.objects.filter(slot=slot).exclude(status="cancelled").count() == 1
