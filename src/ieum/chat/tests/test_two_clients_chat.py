"""Two WebSocket clients, a Vietnamese resident and a Korean-speaking counselor, on the real ASGI
application: each message reaches both, each side reads it in its own language with provenance."""

from __future__ import annotations

import pytest
from asgiref.sync import async_to_sync
from channels.testing import WebsocketCommunicator
from django.conf import settings
from django.test import Client

from ieum.chat.models import Message
from ieum.chat.tests.conftest import KO_TEXT, VI_TEXT
from ieum.config.asgi import application
from ieum.core.testing import login_staff

# on_commit must fire (it tells the clients), so the test commits; the root conftest re-seeds the
# topics the flush removes.
pytestmark = pytest.mark.django_db(transaction=True)


def _cookie_header(client: Client) -> tuple[bytes, bytes]:
    value = f"{settings.SESSION_COOKIE_NAME}={client.cookies[settings.SESSION_COOKIE_NAME].value}"
    return (b"cookie", value.encode())


def _communicator(conversation_id: int, client: Client | None, origin: str = "http://testserver"):
    headers = [(b"origin", origin.encode()), (b"host", b"testserver")]
    if client is not None:
        headers.append(_cookie_header(client))
    return WebsocketCommunicator(application, f"/ws/chat/{conversation_id}/", headers=headers)


def _resident_client(chat_world) -> Client:
    client = Client()
    client.force_login(chat_world["resident_account"])
    return client


def _staff_client(user) -> Client:
    client = Client()
    login_staff(client, user)
    return client


def test_messages_reach_both_sides_each_in_their_own_language(translator, conversation, chat_world):
    resident_client = _resident_client(chat_world)
    staff_client = _staff_client(chat_world["counselor"])
    chat_world["counselor"].preferred_language = "en"
    chat_world["counselor"].save()

    async def scenario():
        resident = _communicator(conversation.pk, resident_client)
        counselor = _communicator(conversation.pk, staff_client)
        assert (await resident.connect())[0]
        assert (await counselor.connect())[0]

        await resident.send_json_to({"text": VI_TEXT})
        mine, theirs = (
            await resident.receive_json_from(timeout=5),
            await counselor.receive_json_from(timeout=5),
        )
        assert (mine["text"], mine["provenance"]) == (VI_TEXT, "")
        assert theirs["text"] == "저는 석 달 동안 월급을 받지 못했어요"
        assert theirs["provenance"] == "Machine translation by LibreTranslate 1.6 — original in Vietnamese:"
        assert theirs["original"] == VI_TEXT
        assert VI_TEXT in theirs["html"]  # the original is always there to open

        await counselor.send_json_to({"text": KO_TEXT})
        to_resident = await resident.receive_json_from(timeout=5)
        to_counselor = await counselor.receive_json_from(timeout=5)
        assert to_resident["text"] == "Xin cho biết địa chỉ nơi làm việc"
        assert to_resident["original_language"] == "ko"
        assert "LibreTranslate 1.6" in to_resident["provenance"]
        assert (to_counselor["text"], to_counselor["provenance"]) == (KO_TEXT, "")
        await resident.disconnect()
        await counselor.disconnect()

    async_to_sync(scenario)()
    assert list(Message.objects.values_list("language", "sender_role")) == [
        ("vi", "resident"),
        ("ko", "staff"),
    ]


def test_the_socket_refuses_strangers_and_other_sites(conversation, chat_world):
    other_resident = Client()
    other_resident.force_login(chat_world["other_account"])
    other_counselor = _staff_client(chat_world["stranger"])
    unverified = Client()
    unverified.force_login(chat_world["counselor"])  # password only, no one-time code
    own = _resident_client(chat_world)

    async def refused(communicator) -> bool:
        connected, _code = await communicator.connect()
        await communicator.disconnect()
        return not connected

    async def scenario():
        assert await refused(_communicator(conversation.pk, None))
        assert await refused(_communicator(conversation.pk, other_resident))
        assert await refused(_communicator(conversation.pk, other_counselor))
        assert await refused(_communicator(conversation.pk, unverified))
        assert await refused(_communicator(conversation.pk, own, origin="https://evil.example"))
        assert not await refused(_communicator(conversation.pk, own))

    async_to_sync(scenario)()


def test_the_dispatched_interpreter_follows_the_chat_but_cannot_write_in_it(conversation, chat_world):
    from ieum.chat.tests.conftest import dispatch, register_interpreter
    from ieum.core.models import Role, User

    user = User.objects.create_user(username="interp-ws", password="x" * 12, role=Role.INTERPRETER)
    dispatch(register_interpreter(user), conversation.case, requested_by=chat_world["counselor"])
    interpreter_client = _staff_client(user)
    resident_client = _resident_client(chat_world)

    async def scenario():
        resident = _communicator(conversation.pk, resident_client)
        interpreter = _communicator(conversation.pk, interpreter_client)
        assert (await resident.connect())[0]
        assert (await interpreter.connect())[0]
        await resident.send_json_to({"text": VI_TEXT})
        await resident.receive_json_from(timeout=5)
        seen = await interpreter.receive_json_from(timeout=5)
        assert seen["original"] == VI_TEXT
        await interpreter.send_json_to({"text": "Xin chào"})
        closed = await interpreter.receive_output(timeout=5)
        assert closed == {"type": "websocket.close", "code": 4403}
        await resident.disconnect()

    async_to_sync(scenario)()
    assert list(Message.objects.values_list("sender_role", flat=True)) == ["resident"]
