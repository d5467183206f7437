"""The coordinator's registry: adding an interpreter with languages, modalities, weekly windows,
on-call, confidentiality date and rate; bad input is explained and changes nothing."""

from __future__ import annotations

import datetime as dt

import pytest
from django.contrib.auth.models import Group

from ieum.casework.models import Queue
from ieum.core.models import Role, User
from ieum.core.testing import client_for
from ieum.core.workspace import tasks_for
from ieum.interpreting.access import COORDINATOR_GROUP, is_coordinator
from ieum.interpreting.models import Interpreter
from ieum.interpreting.services import interpreter_request_create
from ieum.interpreting.tests.conftest import make_interpreter

FORM = {
    "name": "Chea Sophal",
    "phone": "+821011112222",
    "kind": "contracted",
    "languages": "km:4, th:2",
    "modalities": ["phone", "in_person"],
    "windows": "1 09:00-18:00\n3 13:00-20:00",
    "on_call": "on",
    "confidentiality_signed_on": "2026-03-02",
    "rate_per_hour": "35000",
    "rate_per_call": "0",
    "active": "on",
}


@pytest.fixture
def admin(db) -> User:
    return User.objects.create_user(username="admin-a", password="x" * 12, role=Role.ADMIN)


def test_a_coordinator_adds_an_interpreter_with_everything_the_registry_holds(admin):
    response = client_for(admin).post("/workspace/interpreting/registry/new/", FORM)
    assert response.status_code == 302
    person = Interpreter.objects.get()
    assert sorted(person.languages.values_list("language", "level")) == [("km", 4), ("th", 2)]
    assert person.modalities == ["phone", "in_person"]
    assert list(person.availability.values_list("weekday", "start", "end")) == [
        (0, dt.time(9), dt.time(18)),
        (2, dt.time(13), dt.time(20)),
    ]
    assert person.on_call and person.rate_per_hour == 35000
    assert person.confidentiality_signed_on == dt.date(2026, 3, 2)
    page = client_for(admin).get("/workspace/interpreting/registry/").content.decode()
    assert "Chea Sophal" in page


def test_bad_input_is_explained_and_nothing_is_saved(admin):
    bad = {**FORM, "languages": "km:9", "windows": "1 18:00-09:00"}
    response = client_for(admin).post("/workspace/interpreting/registry/new/", bad)
    assert response.status_code == 200
    text = response.content.decode()
    assert "level from 1 to 4" in text
    assert "start before its end" in text
    assert Interpreter.objects.count() == 0


def test_queue_supervisors_and_the_named_group_are_coordinators_other_counselors_are_not(db):
    plain = User.objects.create_user(username="c1", password="x" * 12, role=Role.COUNSELOR)
    supervisor = User.objects.create_user(username="c2", password="x" * 12, role=Role.COUNSELOR)
    named = User.objects.create_user(username="c3", password="x" * 12, role=Role.COUNSELOR)
    Queue.objects.create(name="vi", language="vi").supervisors.add(supervisor)
    Group.objects.create(name=COORDINATOR_GROUP).user_set.add(named)
    assert [is_coordinator(u) for u in (plain, supervisor, named)] == [False, True, True]


def test_the_workspace_home_shows_offers_to_the_interpreter_and_unfilled_requests_to_coordinators(
    admin, counselor
):
    person = make_interpreter("Mai")
    interpreter_request_create(language="vi", modality="phone", requested_by=counselor)
    interpreter_request_create(language="ne", modality="phone", requested_by=counselor)  # nobody speaks it
    assert [t.title for t in tasks_for(person.user) if "/interpreting/" in t.url] == [
        "1 interpreting offer waiting for your answer"
    ]
    assert [t.title for t in tasks_for(admin) if "/interpreting/" in t.url] == [
        "2 interpreter requests not yet filled"
    ]


def test_a_counselor_requests_an_interpreter_through_the_page(counselor):
    make_interpreter("Mai")
    client = client_for(counselor)
    response = client.post(
        "/workspace/interpreting/requests/new/",
        {
            "language": "vi",
            "modality": "phone",
            "mode": "on_demand",
            "expected_minutes": "30",
            "topic": "visa",
        },
    )
    assert response.status_code == 302
    page = client.get(response["Location"]).content.decode()
    assert "Mai" in page and "waiting for an answer" in page


def test_a_scheduled_request_without_a_time_is_refused_on_the_page(counselor):
    response = client_for(counselor).post(
        "/workspace/interpreting/requests/new/",
        {"language": "vi", "modality": "phone", "mode": "scheduled", "expected_minutes": "30"},
    )
    assert response.status_code == 200
    assert "An appointment needs a date and time." in response.content.decode()
