"""Interpreter reach (privacy issue §1): only the sessions dispatched to them, and of each only the
language, topic, first name or case number and time — never identifiers, status or case notes.
An interpreter cannot open a case, a resident record, or another interpreter's request."""

from __future__ import annotations

import pytest
from django.http import Http404

from ieum.casework.access import get_case_for_user
from ieum.casework.services import case_note_add, case_open
from ieum.core.testing import client_for
from ieum.interpreting.services import interpreter_offer_accept, interpreter_request_create
from ieum.interpreting.tests.conftest import make_interpreter
from ieum.residents.services import ResidentData, resident_create


@pytest.fixture
def scene(db, counselor):
    resident = resident_create(
        data=ResidentData(name="SOK DARA", preferred_language="km", phone="+821098765432"), actor=None
    )
    case = case_open(
        channel="phone", topic="health", language="km", actor=counselor, resident=resident, auto_route=False
    )
    case_note_add(case=case, text="CONFIDENTIAL NOTE about an overstay", shareable=False, actor=counselor)
    mine = make_interpreter("Mine", languages=[("km", 4)])
    other = make_interpreter("Other", languages=[("km", 1)])
    request = interpreter_request_create(
        language="km",
        modality="phone",
        requested_by=counselor,
        case=case,
        topic="Surgery consent",
        caller_label="Dara",
    )
    interpreter_offer_accept(offer=request.offers.get(interpreter=mine), actor=mine.user)
    elsewhere = interpreter_request_create(language="km", modality="video", requested_by=counselor)
    return {
        "resident": resident,
        "case": case,
        "mine": mine,
        "other": other,
        "request": request,
        "elsewhere": elsewhere,
    }


def test_the_interpreter_sees_the_brief_and_nothing_else(scene):
    page = client_for(scene["mine"].user).get(f"/workspace/interpreting/requests/{scene['request'].pk}/")
    text = page.content.decode()
    assert page.status_code == 200
    assert "Surgery consent" in text and "Dara" in text
    for secret in ("SOK DARA", "+821098765432", "CONFIDENTIAL NOTE", scene["case"].number):
        assert secret not in text


def test_the_interpreters_workspace_lists_only_their_own_sessions(scene):
    text = client_for(scene["mine"].user).get("/workspace/interpreting/mine/").content.decode()
    assert f"Request #{scene['request'].pk}" in text
    other_text = client_for(scene["other"].user).get("/workspace/interpreting/mine/").content.decode()
    assert f"Request #{scene['request'].pk}" not in other_text


def test_an_interpreter_cannot_open_another_interpreters_request(scene):
    client = client_for(scene["other"].user)
    assert client.get(f"/workspace/interpreting/requests/{scene['request'].pk}/").status_code == 404
    assert client.get(f"/workspace/interpreting/requests/{scene['request'].pk}/session/").status_code == 404


def test_an_interpreter_cannot_open_a_resident_record(scene):
    client = client_for(scene["mine"].user)
    assert client.get(f"/residents/{scene['resident'].pk}/").status_code in (403, 404)
    assert client.get(f"/api/v1/residents/{scene['resident'].pk}").status_code in (401, 403, 404)


def test_an_interpreter_cannot_open_the_case_they_interpret_for(scene):
    with pytest.raises(Http404):
        get_case_for_user(scene["mine"].user, scene["case"].pk)
    response = client_for(scene["mine"].user).get(f"/workspace/cases/{scene['case'].pk}/")
    assert response.status_code in (403, 404)


def test_the_case_and_the_residents_timeline_show_the_interpreter(scene):
    kinds = list(scene["resident"].timeline.values_list("kind", flat=True))
    assert "interpreting.requested" in kinds and "interpreting.attached" in kinds
