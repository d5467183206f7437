from __future__ import annotations

import importlib.util
import sys
import types

import pytest

from ieum.chat.testing import FakeTranslationServer
from ieum.core.models import Role, User
from ieum.residents.services import ResidentData, resident_create


def _allow_channels_testing_without_daphne() -> None:
    """`channels.testing` imports daphne for its live-server test case, which Ieum does not use
    (uvicorn serves ASGI); the WebsocketCommunicator needs no daphne. Rather than install daphne and
    Twisted for one unused import, name a placeholder so the package imports."""
    if importlib.util.find_spec("daphne") is not None or "daphne.testing" in sys.modules:
        return
    daphne = types.ModuleType("daphne")
    testing = types.ModuleType("daphne.testing")

    class DaphneProcess:  # never started: ChannelsLiveServerTestCase is not used here
        def __init__(self, *args, **kwargs) -> None:
            raise RuntimeError("daphne is not installed")

    testing.DaphneProcess = DaphneProcess  # type: ignore[attr-defined]
    daphne.testing = testing  # type: ignore[attr-defined]
    sys.modules["daphne"], sys.modules["daphne.testing"] = daphne, testing


_allow_channels_testing_without_daphne()


VI_TEXT = "Tôi chưa được trả lương ba tháng"
KO_TEXT = "사업장 주소를 알려 주세요"
WORDS = {
    ("vi", "ko", VI_TEXT): "저는 석 달 동안 월급을 받지 못했어요",
    ("ko", "vi", KO_TEXT): "Xin cho biết địa chỉ nơi làm việc",
}


@pytest.fixture
def translator(settings):
    """A fake LibreTranslate on loopback, chosen in settings."""
    with FakeTranslationServer(WORDS) as server:
        settings.IEUM_TRANSLATION_PROVIDER = "libretranslate"
        settings.IEUM_TRANSLATION_URL = server.url
        settings.IEUM_TRANSLATION_TIMEOUT = 2
        settings.IEUM_TRANSLATION_ENGINE_VERSION = "1.6"
        yield server


@pytest.fixture
def chat_world(db):
    """A Vietnamese resident with an account, a counselor of the Vietnamese queue who gets the
    chat, and a counselor of another queue who must not reach it."""
    from ieum.casework.models import Queue

    resident_account = User.objects.create_user(
        username="resident-vi",
        password="correct-horse-battery-9",
        role=Role.RESIDENT,
        preferred_language="vi",
    )
    other_account = User.objects.create_user(
        username="resident-other", password="correct-horse-battery-9", role=Role.RESIDENT
    )
    resident = resident_create(data=ResidentData(name="NGUYEN VAN AN", preferred_language="vi"), actor=None)
    resident.user = resident_account
    resident.save()
    other = resident_create(data=ResidentData(name="OTHER PERSON", preferred_language="vi"), actor=None)
    other.user = other_account
    other.save()
    counselor = User.objects.create_user(
        username="counselor-vi",
        password="correct-horse-battery-9",
        role=Role.COUNSELOR,
        work_languages=["ko", "vi"],
        display_name="Kim Counselor",
    )
    stranger = User.objects.create_user(
        username="counselor-ne",
        password="correct-horse-battery-9",
        role=Role.COUNSELOR,
        work_languages=["ko", "ne"],
    )
    Queue.objects.create(name="Tiếng Việt", language="vi").members.add(counselor)
    Queue.objects.create(name="नेपाली", language="ne").members.add(stranger)
    return {
        "resident": resident,
        "resident_account": resident_account,
        "other_account": other_account,
        "counselor": counselor,
        "stranger": stranger,
    }


@pytest.fixture
def conversation(chat_world):
    from ieum.chat.services import conversation_start

    return conversation_start(
        resident=chat_world["resident"], topic="wages", actor=chat_world["resident_account"]
    )


def register_interpreter(user: User, *, languages=(("vi", 3),)):
    """Put an interpreter account in the registry (active, phone and video, every day)."""
    import datetime as dt

    from ieum.interpreting.registry import InterpreterData, interpreter_save

    return interpreter_save(
        data=InterpreterData(
            name=str(user),
            modalities=["phone", "video"],
            languages=list(languages),
            windows=[(day, dt.time(0, 0), dt.time(23, 59)) for day in range(7)],
            user=user,
        ),
        actor=None,
    )


def dispatch(interpreter, case, *, requested_by, language="vi", accept=True, **fields):
    """An interpreter request for `case`, offered to `interpreter` by a coordinator (whoever the
    ranking chose first), and accepted by them unless `accept` is False. Returns (request, offer)."""
    from ieum.interpreting.services import (
        interpreter_offer_accept,
        interpreter_offer_make,
        interpreter_request_create,
    )

    request = interpreter_request_create(
        language=language, modality="phone", requested_by=requested_by, case=case, **fields
    )
    offer = interpreter_offer_make(request=request, interpreter=interpreter, actor=requested_by)
    if accept:
        interpreter_offer_accept(offer=offer, actor=interpreter.user)
        request.refresh_from_db()
    return request, offer
