"""Interpreters and the web chat (privacy issue §1: only the sessions dispatched to them, only what
the session needs): the interpreter who accepted a request for a chat's case opens that chat,
reads its messages and translations and corrects them, inside the session's window; every read
is logged. Nobody else of that role gets in, and the page shows nothing of the case or the
resident."""

from __future__ import annotations

import datetime as dt

import pytest
from django.test import Client
from django.utils import timezone, translation

from ieum.casework.services import case_note_add
from ieum.chat.access import session_reaching
from ieum.chat.models import Message, MessageTranslation
from ieum.chat.selectors import shown_message
from ieum.chat.services import conversation_start, message_post
from ieum.chat.tests.conftest import KO_TEXT, VI_TEXT, dispatch, register_interpreter
from ieum.core.models import AccessLog, Role, User
from ieum.core.testing import client_for
from ieum.interpreting.models import InterpreterOffer, InterpreterRequest
from ieum.interpreting.services import (
    interpreter_offer_decline,
    interpreter_request_cancel,
    interpreter_session_log,
    offers_expire,
)

CORRECTED = "석 달째 임금을 받지 못했습니다"
NOTE = "CONFIDENTIAL NOTE: the employer kept the passport"


def _interpreter(username: str, name: str):
    user = User.objects.create_user(
        username=username, password="x" * 12, role=Role.INTERPRETER, display_name=name
    )
    return register_interpreter(user)


@pytest.fixture
def scene(translator, conversation, chat_world):
    """A Vietnamese chat with a resident's message and a counselor's answer (both machine
    translated), a confidential case note, and the interpreter Mai dispatched to its case."""
    counselor = chat_world["counselor"]
    from_resident = message_post(
        conversation=conversation, sender=chat_world["resident_account"], sender_role="resident", text=VI_TEXT
    )
    from_counselor = message_post(
        conversation=conversation, sender=counselor, sender_role="staff", text=KO_TEXT
    )
    case_note_add(case=conversation.case, text=NOTE, shareable=False, actor=counselor)
    mai = _interpreter("interp-mai", "Mai Interpreter")
    request, _offer = dispatch(mai, conversation.case, requested_by=counselor, caller_label="An")
    return {
        "conversation": conversation,
        "from_resident": from_resident,
        "from_counselor": from_counselor,
        "mai": mai,
        "request": request,
        "counselor": counselor,
    }


def _page(user, conversation) -> tuple[int, str]:
    response = client_for(user).get(f"/chat/workspace/{conversation.pk}/", HTTP_ACCEPT_LANGUAGE="en")
    return response.status_code, response.content.decode()


def _correct(user, message, language: str, text: str):
    url = f"/chat/workspace/{message.conversation_id}/messages/{message.pk}/translation/"
    return client_for(user).post(url, {"language": language, "text": text})


def _current(message, language: str) -> MessageTranslation:
    return message.translations.filter(language=language).order_by("-created_at", "-pk").first()


def test_the_dispatched_interpreter_opens_the_chat_and_reads_both_sides(scene):
    status, page = _page(scene["mai"].user, scene["conversation"])
    assert status == 200
    assert VI_TEXT in page and "저는 석 달 동안 월급을 받지 못했어요" in page
    assert KO_TEXT in page and "Xin cho biết địa chỉ nơi làm việc" in page


def test_the_dispatched_interpreter_corrects_a_translation_and_it_is_shown_as_theirs(scene):
    message = scene["from_resident"]
    response = _correct(scene["mai"].user, message, "ko", CORRECTED)
    assert response.status_code == 302
    row = _current(message, "ko")
    assert (row.text, row.kind, row.translator) == (CORRECTED, "person", scene["mai"].user)
    assert message.translations.filter(kind="machine").exists()  # the machine's stays in the record
    message = Message.objects.prefetch_related("translations__translator").get(pk=message.pk)
    with translation.override("en"):
        seen = shown_message(message, reader_language="ko", reader_role="staff")
    assert seen.text == CORRECTED
    assert seen.provenance == "Translation by Mai Interpreter, interpreter — original in Vietnamese:"
    _status, counselors_page = _page(scene["counselor"], scene["conversation"])
    assert "Mai Interpreter, interpreter" in counselors_page


def test_the_interpreter_corrects_the_residents_side_too(scene, chat_world):
    message = scene["from_counselor"]
    _correct(scene["mai"].user, message, "vi", "Anh cho tôi biết địa chỉ công ty")
    resident = Client()
    resident.force_login(chat_world["resident_account"])
    page = resident.get(f"/chat/{scene['conversation'].pk}/").content.decode()
    assert "Anh cho tôi biết địa chỉ công ty" in page


def test_the_interpreters_page_shows_nothing_of_the_case_or_the_resident(scene, chat_world):
    _status, page = _page(scene["mai"].user, scene["conversation"])
    case, resident = scene["conversation"].case, chat_world["resident"]
    for secret in (case.number, resident.name, NOTE, "/transcript/", f"/workspace/cases/{case.pk}/"):
        assert secret not in page
    assert f"/residents/{resident.pk}/" not in page
    assert 'id="chat-form"' not in page  # and no box to write in the chat


def test_every_read_by_the_interpreter_is_in_the_access_log(scene):
    user, conversation = scene["mai"].user, scene["conversation"]
    before = AccessLog.objects.filter(user=user).count()
    _page(user, conversation)
    _correct(user, scene["from_resident"], "ko", CORRECTED)
    client_for(user).get(f"/chat/{conversation.pk}/messages/?after=0")
    rows = list(AccessLog.objects.filter(user=user).order_by("pk"))[before:]
    assert [r.action for r in rows] == ["view", "change", "view"]
    for row in rows:
        assert (row.subject_type, row.subject_id) == ("resident", str(conversation.resident_id))
        assert row.detail["conversation"] == conversation.pk
    assert rows[0].detail["interpreter_request"] == scene["request"].pk


def test_the_counselors_messages_are_not_shown_to_the_interpreter_as_their_own(scene):
    url = f"/chat/{scene['conversation'].pk}/messages/?after={scene['from_resident'].pk}"
    fragment = client_for(scene["mai"].user).get(url, HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert KO_TEXT in fragment and "Counselor" in fragment and "You" not in fragment


def test_the_interpreter_cannot_write_in_the_chat(scene):
    url = f"/chat/workspace/{scene['conversation'].pk}/"
    before = Message.objects.count()
    assert client_for(scene["mai"].user).post(url, {"text": "Xin chào"}).status_code == 403
    assert Message.objects.count() == before


def test_an_interpreter_without_a_session_for_this_case_gets_404(scene):
    idle = _interpreter("interp-idle", "Idle")
    assert _page(idle.user, scene["conversation"])[0] == 404
    assert _correct(idle.user, scene["from_resident"], "ko", "x").status_code == 404
    assert _current(scene["from_resident"], "ko").kind == "machine"


def test_an_interpreter_dispatched_to_another_case_gets_404(scene, chat_world):
    other_case = conversation_start(
        resident=chat_world["resident"], topic="wages", actor=chat_world["resident_account"]
    ).case
    elsewhere = _interpreter("interp-elsewhere", "Elsewhere")
    dispatch(elsewhere, other_case, requested_by=scene["counselor"])
    assert _page(elsewhere.user, scene["conversation"])[0] == 404
    assert _correct(elsewhere.user, scene["from_resident"], "ko", "x").status_code == 404


def test_an_interpreter_who_declined_the_offer_gets_404(scene):
    decliner = _interpreter("interp-decliner", "Decliner")
    _request, offer = dispatch(
        decliner, scene["conversation"].case, requested_by=scene["counselor"], accept=False
    )
    assert _page(decliner.user, scene["conversation"])[0] == 404  # offered, not yet accepted
    interpreter_offer_decline(offer=offer, actor=decliner.user)
    assert _page(decliner.user, scene["conversation"])[0] == 404


def test_an_interpreter_whose_offer_expired_gets_404(scene):
    late = _interpreter("interp-late", "Late")
    request, offer = dispatch(late, scene["conversation"].case, requested_by=scene["counselor"], accept=False)
    InterpreterOffer.objects.filter(pk=offer.pk).update(expires_at=timezone.now() - dt.timedelta(seconds=1))
    offers_expire()
    offer.refresh_from_db()
    assert offer.answer == InterpreterOffer.Answer.EXPIRED
    assert _page(late.user, scene["conversation"])[0] == 404


def test_a_cancelled_request_closes_the_chat(scene):
    interpreter_request_cancel(request=scene["request"], actor=scene["counselor"])
    assert _page(scene["mai"].user, scene["conversation"])[0] == 404


def test_after_the_session_the_chat_stays_open_a_day_then_closes(scene):
    now = timezone.now()
    interpreter_session_log(
        request=scene["request"],
        interpreter=scene["mai"],
        started_at=now - dt.timedelta(minutes=40),
        ended_at=now - dt.timedelta(minutes=10),
        outcome="completed",
        actor=scene["mai"].user,
    )
    assert _page(scene["mai"].user, scene["conversation"])[0] == 200
    # The window follows the session's end, not when it was logged: a day after, it is closed.
    scene["request"].sessions.update(
        started_at=now - dt.timedelta(hours=26), ended_at=now - dt.timedelta(hours=25)
    )
    assert _page(scene["mai"].user, scene["conversation"])[0] == 404


def test_an_accepted_session_never_logged_closes_a_day_after_its_expected_end(scene):
    InterpreterRequest.objects.filter(pk=scene["request"].pk).update(
        accepted_at=timezone.now() - dt.timedelta(hours=24, minutes=31), expected_minutes=30
    )
    assert _page(scene["mai"].user, scene["conversation"])[0] == 404


def test_an_appointment_opens_the_chat_only_a_day_before_it(scene, chat_world):
    soon = _interpreter("interp-soon", "Soon")
    request, _offer = dispatch(
        soon,
        scene["conversation"].case,
        requested_by=scene["counselor"],
        mode="scheduled",
        scheduled_for=timezone.now() + dt.timedelta(days=3),
    )
    assert _page(soon.user, scene["conversation"])[0] == 404
    InterpreterRequest.objects.filter(pk=request.pk).update(
        scheduled_for=timezone.now() + dt.timedelta(hours=20)
    )
    assert _page(soon.user, scene["conversation"])[0] == 200
    reach = session_reaching(soon.user, scene["conversation"])
    assert reach is not None and reach.request_id == request.pk


def test_the_interpreters_workspace_and_request_page_link_to_the_chat(scene):
    link = f"/chat/workspace/{scene['conversation'].pk}/"
    client = client_for(scene["mai"].user)
    assert link in client.get("/workspace/interpreting/mine/").content.decode()
    assert link in client.get(f"/workspace/interpreting/requests/{scene['request'].pk}/").content.decode()
    idle = _interpreter("interp-idle", "Idle")
    assert link not in client_for(idle.user).get("/workspace/interpreting/mine/").content.decode()
