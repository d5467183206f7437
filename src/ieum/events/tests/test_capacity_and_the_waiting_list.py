from __future__ import annotations

import pytest
from django.core.exceptions import ValidationError

from ieum.core.testing import run_concurrently
from ieum.events.models import Registration
from ieum.events.services import registration_cancel, registration_check_in, registration_create
from ieum.events.tests.conftest import festival, person
from ieum.notify.models import Delivery


@pytest.mark.django_db
def test_past_capacity_people_go_on_the_waiting_list_in_order():
    event = festival(capacity=2)
    regs = [registration_create(event=event, resident=person(i), actor=None) for i in range(4)]
    assert [r.status for r in regs] == ["registered", "registered", "waitlisted", "waitlisted"]
    waitlisted = Delivery.objects.filter(template="events.waitlisted").order_by("id")
    assert [d.context["position"] for d in waitlisted] == ["1", "2"]


@pytest.mark.django_db
def test_a_cancellation_promotes_the_first_on_the_waiting_list():
    event = festival(capacity=1)
    first = registration_create(event=event, resident=person(1), actor=None)
    second = registration_create(event=event, resident=person(2), actor=None)
    third = registration_create(event=event, resident=person(3), actor=None)
    promoted = registration_cancel(registration=first, actor=None)
    assert promoted == second
    second.refresh_from_db()
    third.refresh_from_db()
    assert (second.status, third.status) == ("registered", "waitlisted") and second.promoted_at
    assert Delivery.objects.filter(template="events.promoted", resident=second.resident).exists()


@pytest.mark.django_db
def test_registering_twice_is_refused_and_only_registered_people_check_in():
    event = festival(capacity=1)
    me = person(1)
    registration = registration_create(event=event, resident=me, actor=None)
    with pytest.raises(ValidationError):
        registration_create(event=event, resident=me, actor=None)
    waiting = registration_create(event=event, resident=person(2), actor=None)
    assert registration_check_in(registration=registration, actor=None).checked_in_at
    with pytest.raises(ValidationError):
        registration_check_in(registration=waiting, actor=None)


@pytest.mark.django_db
def test_news_takes_no_registrations():
    with pytest.raises(ValidationError):
        registration_create(event=festival(capacity=None), resident=person(1), actor=None)


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True)
def test_fifty_people_registering_at_once_never_exceed_the_capacity():
    event = festival(capacity=10)
    people = [person(i) for i in range(50)]
    results = run_concurrently(lambda r: registration_create(event=event, resident=r, actor=None), people)
    assert all(isinstance(r, Registration) for r in results), [
        r for r in results if not isinstance(r, Registration)
    ]
    assert event.registrations.filter(status="registered").count() == 10
    assert event.registrations.filter(status="waitlisted").count() == 40


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True)
def test_cancellations_at_once_promote_each_waiting_person_once():
    event = festival(capacity=5)
    regs = [registration_create(event=event, resident=person(i), actor=None) for i in range(15)]
    run_concurrently(lambda r: registration_cancel(registration=r, actor=None), regs[:5])
    assert event.registrations.filter(status="registered").count() == 5
    assert event.registrations.filter(status="waitlisted").count() == 5
