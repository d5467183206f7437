"""Event pages: public pages for everyone, registration for residents (their own), organisers'
lists for counselors, officers and admins."""

from __future__ import annotations

import pytest

from ieum.core.testing import ROLES, role_users, wrongly_treated
from ieum.events.services import registration_create
from ieum.events.tests.conftest import festival, person

pytestmark = pytest.mark.django_db

COVERED_PATTERNS = {
    "events/",
    "events/manage/",
    "events/manage/<int:event_id>/",
    "events/<slug:slug>/",
    "events/<slug:slug>/register/",
    "events/<slug:slug>/cancel/",
}
ORGANISERS = {"counselor", "officer", "county_officer_other", "admin"}


@pytest.fixture
def world():
    users = role_users()
    event = festival(capacity=5)
    for i, role in enumerate(("resident_self", "resident_other")):
        resident = person(i)
        resident.user = users[role]
        resident.save()
    registration_create(event=event, resident=users["resident_self"].resident, actor=None)
    return users, event


def test_public_pages_open_for_everyone(world):
    users, event = world
    everyone = set(ROLES)
    assert wrongly_treated(users, everyone, lambda c: c.get("/events/")) == []
    assert wrongly_treated(users, everyone, lambda c: c.get(f"/events/{event.slug}/")) == []


def test_only_residents_register_and_cancel_their_own(world):
    users, event = world
    residents = {"resident_self", "resident_other"}
    assert wrongly_treated(users, residents, lambda c: c.post(f"/events/{event.slug}/register/")) == []
    # The other resident registered just above; each cancels only their own registration.
    assert wrongly_treated(users, residents, lambda c: c.post(f"/events/{event.slug}/cancel/")) == []
    assert event.registrations.filter(status="registered").count() == 0


def test_organisers_see_the_registrations(world):
    users, event = world
    assert wrongly_treated(users, ORGANISERS, lambda c: c.get("/events/manage/")) == []
    assert wrongly_treated(users, ORGANISERS, lambda c: c.get(f"/events/manage/{event.pk}/")) == []
