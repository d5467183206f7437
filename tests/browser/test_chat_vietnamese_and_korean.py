"""A resident writes in Vietnamese in the portal chat, a counselor answers in Korean; each reads
the other's message in their own language, with who translated it and the original at hand.

Served by pytest-django's live server (HTTP): the chat's script finds no WebSocket there and falls
back to posting the form and polling for new messages, the path slow phones take. Translation by a
fake LibreTranslate on loopback with a small dictionary."""

from __future__ import annotations

from pathlib import Path

import pytest
from django.conf import settings
from django.test import Client
from playwright.sync_api import expect

from ieum.chat.models import Conversation
from ieum.chat.testing import FakeTranslationServer
from ieum.core.models import Role, User
from ieum.residents.services import ResidentData, resident_create

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

VI = "Tôi chưa được trả lương ba tháng"
VI_IN_KO = "저는 석 달 동안 월급을 받지 못했어요"
KO = "사업장 주소를 알려 주세요"
KO_IN_VI = "Xin cho biết địa chỉ nơi làm việc"


@pytest.fixture
def libretranslate(settings):
    from ieum.chat.langdetect import warm_up

    warm_up()  # the detector's model takes seconds to load; not inside the first click
    with FakeTranslationServer({("vi", "ko", VI): VI_IN_KO, ("ko", "vi", KO): KO_IN_VI}) as server:
        settings.IEUM_TRANSLATION_PROVIDER = "libretranslate"
        settings.IEUM_TRANSLATION_URL = server.url
        settings.IEUM_TRANSLATION_ENGINE_VERSION = "1.6"
        yield server


@pytest.fixture
def people():
    from ieum.casework.models import Queue, Topic

    # A transactional test may have emptied the seeded topics before this one.
    Topic.objects.get_or_create(
        code="wages", defaults={"name_ko": "임금 체불·퇴직금", "name_en": "Wage arrears"}
    )
    account = User.objects.create_user(
        username="lan", password="correct-horse-battery-9", role=Role.RESIDENT, preferred_language="vi"
    )
    resident = resident_create(data=ResidentData(name="NGUYEN THI LAN", preferred_language="vi"), actor=None)
    resident.user = account
    resident.save()
    counselor = User.objects.create_user(
        username="counselor-kim",
        password="correct-horse-battery-9",
        role=Role.COUNSELOR,
        work_languages=["ko", "vi"],
        preferred_language="en",
    )
    Queue.objects.create(name="Tiếng Việt", language="vi").members.add(counselor)
    return {"account": account, "counselor": counselor}


def _axe_source() -> str:
    root = Path(__file__).resolve().parents[2]
    for path in (root / "src/ieum/static/vendor/axe/axe.min.js", root / "node_modules/axe-core/axe.min.js"):
        if path.exists():
            return path.read_text(encoding="utf-8")
    pytest.skip("axe-core is missing: run `make assets`")


def _resident_session(account: User) -> str:
    client = Client()
    client.force_login(account)
    return client.cookies[settings.SESSION_COOKIE_NAME].value


def test_a_vietnamese_resident_and_a_korean_counselor_chat(
    browser_page, _browser, live_server, sign_in, axe_check, libretranslate, people
):
    resident = browser_page
    # Two browsers, a translator and polling on a shared CI machine: allow more than the usual 10 s.
    resident.context.set_default_timeout(30_000)
    # Signed in already (the portal's sign-in has its own test); the interface in English so the
    # test reads the same whatever translations exist, the chat itself in Vietnamese.
    resident.context.add_cookies(
        [
            {
                "name": settings.SESSION_COOKIE_NAME,
                "value": _resident_session(people["account"]),
                "url": live_server.url,
            },
            {"name": settings.LANGUAGE_COOKIE_NAME, "value": "en", "url": live_server.url},
        ]
    )
    resident.goto("/chat/")
    axe_check(resident)
    resident.select_option("#id_topic", label="Wage arrears and severance")
    resident.fill("#id_text", VI)
    with resident.expect_navigation():
        resident.click("main form button[type=submit]")
    expect(resident.locator("#chat-log")).to_contain_text(VI)
    axe_check(resident)
    conversation = Conversation.objects.get()

    staff_context = _browser.new_context(base_url=live_server.url, locale="en-US", timezone_id="Asia/Seoul")
    staff_context.set_default_timeout(30_000)
    staff_context.add_init_script(script=_axe_source())  # as browser_page does, before any page script
    try:
        counselor = staff_context.new_page()
        sign_in(counselor, people["counselor"], check=False)
        counselor.goto(f"/chat/workspace/{conversation.pk}/")
        first = counselor.locator("#chat-log li").first
        expect(first.locator(".chat-text")).to_have_text(VI_IN_KO)
        provenance = first.locator("summary")
        expect(provenance).to_have_text("Machine translation by LibreTranslate 1.6 — original in Vietnamese:")
        provenance.click()
        expect(first.locator("details p")).to_have_text(VI)  # the original, one click away
        axe_check(counselor)

        counselor.fill("#id_text", KO)
        counselor.click("#chat-form button[type=submit]")
        expect(counselor.locator("#chat-log li").last.locator(".chat-text")).to_have_text(KO)
    finally:
        staff_context.close()

    # The resident's page brings the answer in without a reload, in Vietnamese.
    answer = resident.locator("#chat-log li").last
    expect(answer.locator(".chat-text")).to_have_text(KO_IN_VI, timeout=15_000)
    expect(answer.locator("summary")).to_have_text(
        "Machine translation by LibreTranslate 1.6 — original in Korean:"
    )
    answer.locator("summary").click()
    expect(answer.locator("details p")).to_have_text(KO)
    assert resident.evaluate("() => document.documentElement.scrollWidth <= window.innerWidth")
