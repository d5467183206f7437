"""A counselor opens the records of the residents in their cases, and finds anyone at intake.

Privacy issue §1: "counselor (cases in their queues and the residents in them)". A caller may be
anyone in the registry, so search finds every active record, but only as an intake card: the
record itself, its identifiers and its documents open through a case (or for the counselor who
registered the person at the desk).
"""

from __future__ import annotations

import pytest
from django.http import Http404

from ieum.casework.models import Queue
from ieum.casework.routing import queue_ids_of
from ieum.casework.services import case_open
from ieum.core.models import AccessLog, Role, User
from ieum.core.testing import client_for
from ieum.residents import access
from ieum.residents.services import ResidentData, resident_create

pytestmark = pytest.mark.django_db


@pytest.fixture
def desk():
    mine = User.objects.create_user("counselor-mine", password="x" * 12, role=Role.COUNSELOR)
    other = User.objects.create_user("counselor-other", password="x" * 12, role=Role.COUNSELOR)
    person = resident_create(
        data=ResidentData(name="TRAN THI MAI", arn="950314-6123456", phone="010-2345-6789"), actor=None
    )
    return mine, other, person


def test_a_counselor_without_a_case_of_the_person_cannot_open_the_record(desk):
    mine, other, person = desk
    with pytest.raises(Http404):
        access.get_resident_for_user(other, person.pk)
    assert client_for(other).get(f"/residents/{person.pk}/").status_code == 404
    assert client_for(other).get(f"/api/v1/residents/{person.pk}").status_code == 404


def test_the_counselor_who_opened_a_case_of_the_person_opens_the_record(desk):
    mine, other, person = desk
    case_open(channel="phone", topic="wages", language="vi", actor=mine, resident=person)
    assert client_for(mine).get(f"/residents/{person.pk}/").status_code == 200
    with pytest.raises(Http404):
        access.get_resident_for_user(other, person.pk)


def test_a_counselor_of_the_cases_queue_opens_the_record_and_one_of_another_queue_does_not(desk):
    mine, other, person = desk
    case = case_open(channel="phone", topic="wages", language="vi", actor=None, resident=person)
    if case.queue_id is None:  # routing found no queue for this language: put it in one
        queue = Queue.objects.create(name="Vietnamese labor", language="vi")
        case.queue = queue
        case.save(update_fields=["queue"])
    case.queue.members.add(mine)
    assert case.queue_id in queue_ids_of(mine)
    assert access.get_resident_for_user(mine, person.pk) == person
    with pytest.raises(Http404):
        access.get_resident_for_user(other, person.pk)


def test_the_counselor_who_registered_the_person_at_the_desk_opens_the_record(desk):
    mine, other, _ = desk
    response = client_for(mine).post(
        "/residents/new/", {"name": "PHAM VAN HUNG", "preferred_language": "vi"}, follow=True
    )
    assert response.status_code == 200
    assert b"PHAM VAN HUNG" in response.content
    registered = response.context["resident"]
    assert registered.registered_by == mine
    assert client_for(other).get(f"/residents/{registered.pk}/").status_code == 404


def test_search_finds_the_person_for_intake_without_the_phone_or_a_link_to_the_record(desk):
    mine, other, person = desk
    answer = client_for(other).get("/api/v1/residents/", {"q": "TRAN THI"}).json()
    assert [(r["id"], r["in_reach"], r["phone"]) for r in answer] == [(person.pk, False, "")]
    page = client_for(other).get("/residents/", {"q": "TRAN THI"}).content.decode()
    assert f'href="/residents/{person.pk}/"' not in page
    assert f"?resident={person.pk}" in page, "the answer offers to open a case for the person"
    # The search is logged with whom it showed, like every read.
    row = AccessLog.objects.filter(user=other, action="search").latest("pk")
    assert row.detail["ids"] == [person.pk]


def test_search_links_the_record_for_the_counselor_with_a_case(desk):
    mine, other, person = desk
    case_open(channel="phone", topic="wages", language="vi", actor=mine, resident=person)
    answer = client_for(mine).get("/api/v1/residents/", {"q": "TRAN THI"}).json()
    assert [(r["in_reach"], r["phone"]) for r in answer] == [(True, person.phone)]
    page = client_for(mine).get("/residents/", {"q": "TRAN THI"}).content.decode()
    assert f'href="/residents/{person.pk}/"' in page


def test_intake_opens_a_case_for_a_person_found_and_then_the_record_opens(desk):
    mine, other, person = desk
    client = client_for(other)
    form = client.get("/workspace/cases/new/", {"resident": person.pk})
    assert form.status_code == 200
    assert AccessLog.objects.filter(
        user=other, subject_id=person.pk, purpose="case intake", detail__view="intake card"
    ).exists()
    created = client.post(
        "/api/v1/casework/cases",
        {"channel": "phone", "topic": "wages", "language": "vi", "resident_id": person.pk},
        content_type="application/json",
    )
    assert created.status_code == 201, created.content
    assert client.get(f"/residents/{person.pk}/").status_code == 200


def test_only_case_workers_open_an_intake_card(desk):
    mine, other, person = desk
    officer = User.objects.create_user("officer-x", password="x" * 12, role=Role.OFFICER)
    interpreter = User.objects.create_user("interp-x", password="x" * 12, role=Role.INTERPRETER)
    for user in (officer, interpreter):
        with pytest.raises(Http404):
            access.get_resident_for_intake(user, person.pk)
    assert access.get_resident_for_intake(other, person.pk) == person
