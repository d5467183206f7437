"""Every chat page checked against every role: the resident whose chat it is, counselors who reach
its case (and one of another queue who does not), the interpreter dispatched to its case (and one
dispatched to another case, who does not), and everyone else."""

from __future__ import annotations

import pytest

from ieum.casework.models import Queue
from ieum.chat.models import Message
from ieum.chat.services import conversation_start, message_post
from ieum.chat.tests.conftest import dispatch, register_interpreter
from ieum.core.models import Role, User
from ieum.core.testing import role_users, wrongly_treated
from ieum.residents.services import ResidentData, resident_create

COVERED_PATTERNS = {
    "chat/",
    "chat/<int:conversation_id>/",
    "chat/<int:conversation_id>/messages/",
    "chat/workspace/",
    "chat/workspace/<int:conversation_id>/",
    "chat/workspace/<int:conversation_id>/messages/<int:message_id>/translation/",
    "chat/workspace/<int:conversation_id>/transcript/",
}
RESIDENTS = {"resident_self", "resident_other"}
REACH = {"counselor", "admin"}
# The interpreter of a session on this chat's case: reads the chat and corrects translations,
# nothing more (no list of chats, no writing, no transcript).
INTERPRETER = {"interpreter"}


@pytest.fixture
def world(db):
    users = role_users(counselor={"work_languages": ["ko", "vi"]})
    users["counselor_other_queue"] = User.objects.create_user(
        username="counselor-other-queue", password="x" * 12, role=Role.COUNSELOR, work_languages=["ko", "ne"]
    )
    Queue.objects.create(name="vi", language="vi").members.add(users["counselor"])
    Queue.objects.create(name="ne", language="ne").members.add(users["counselor_other_queue"])
    records = {}
    for name in RESIDENTS:
        record = resident_create(data=ResidentData(name=name.upper(), preferred_language="vi"), actor=None)
        record.user = users[name]
        record.save()
        records[name] = record
    conversation = conversation_start(
        resident=records["resident_self"], topic="wages", actor=users["resident_self"]
    )
    message = message_post(
        conversation=conversation, sender=users["resident_self"], sender_role="resident", text="Xin chào"
    )
    users["interpreter_elsewhere"] = User.objects.create_user(
        username="interpreter-elsewhere", password="x" * 12, role=Role.INTERPRETER
    )
    other_case = conversation_start(
        resident=records["resident_other"], topic="wages", actor=users["resident_other"]
    ).case
    dispatch(register_interpreter(users["interpreter"]), conversation.case, requested_by=users["counselor"])
    dispatch(register_interpreter(users["interpreter_elsewhere"]), other_case, requested_by=users["admin"])
    return {"users": users, "conversation": conversation, "message": message}


def _check(world, allowed, call):
    assert wrongly_treated(world["users"], allowed, call) == []


def test_the_chat_home_is_for_residents(world):
    _check(world, RESIDENTS, lambda c: c.get("/chat/"))


def test_starting_a_chat_is_for_residents(world):
    _check(
        world,
        RESIDENTS,
        lambda c: c.post("/chat/", {"topic": world["conversation"].case.topic_id, "text": "Hi"}),
    )


def test_a_conversation_page_is_for_its_resident_only(world):
    url = f"/chat/{world['conversation'].pk}/"
    _check(world, {"resident_self"}, lambda c: c.get(url))
    _check(world, {"resident_self"}, lambda c: c.post(url, {"text": "Còn đó không?"}))


def test_new_messages_are_for_the_resident_staff_who_reach_the_case_and_its_interpreter(world):
    url = f"/chat/{world['conversation'].pk}/messages/?after=0"
    _check(world, {"resident_self"} | REACH | INTERPRETER, lambda c: c.get(url))


def test_the_list_of_chats_is_for_counselors_and_shows_only_reachable_cases(world):
    _check(world, REACH | {"counselor_other_queue"}, lambda c: c.get("/chat/workspace/"))
    from ieum.core.testing import client_for

    number = world["conversation"].case.number
    assert number in client_for(world["users"]["counselor"]).get("/chat/workspace/").content.decode()
    assert (
        number
        not in client_for(world["users"]["counselor_other_queue"]).get("/chat/workspace/").content.decode()
    )


def test_the_staff_page_is_for_staff_who_reach_the_case_and_its_interpreter_may_only_read(world):
    url = f"/chat/workspace/{world['conversation'].pk}/"
    _check(world, REACH | INTERPRETER, lambda c: c.get(url))
    _check(world, REACH, lambda c: c.post(url, {"text": "네, 말씀하세요"}))


def test_correcting_a_translation_is_for_staff_who_reach_the_case_and_its_interpreter(world):
    conversation, message = world["conversation"], world["message"]
    url = f"/chat/workspace/{conversation.pk}/messages/{message.pk}/translation/"
    _check(world, REACH | INTERPRETER, lambda c: c.post(url, {"language": "ko", "text": "안녕하세요"}))


def test_the_transcript_is_for_staff_who_reach_the_case(world):
    url = f"/chat/workspace/{world['conversation'].pk}/transcript/"
    _check(world, REACH, lambda c: c.get(url))
    _check(world, REACH, lambda c: c.post(url, {"purpose": "labor office hearing"}))


def test_a_refused_post_stores_nothing(world):
    before = Message.objects.count()
    refused = {k: v for k, v in world["users"].items() if k not in {"resident_self", "counselor", "admin"}}
    conversation_id = world["conversation"].pk
    wrongly_treated(refused, set(), lambda c: c.post(f"/chat/{conversation_id}/", {"text": "spam"}))
    wrongly_treated(refused, set(), lambda c: c.post(f"/chat/workspace/{conversation_id}/", {"text": "spam"}))
    assert Message.objects.count() == before
