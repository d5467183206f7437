"""A resident signs up in Vietnamese on a phone and sees the portal in Vietnamese (and the same at
desktop width), with axe on every page of the journey."""

from __future__ import annotations

import re

import pytest
from django.utils import translation
from django.utils.translation import gettext
from playwright.sync_api import expect

from ieum.notify import sms
from ieum.residents.models import Resident

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def _vi(message: str) -> str:
    with translation.override("vi"):
        return gettext(message)


def test_a_resident_signs_up_in_vietnamese_and_sees_the_portal_in_vietnamese(browser_page, axe_check):
    sms.outbox.clear()
    page = browser_page
    page.goto("/my/signup/")
    axe_check(page)
    page.fill("#id_name", "Nguyen Thi Lan")
    page.fill("#id_contact", "010-1234-5678")
    page.select_option("#id_language", "vi")
    page.check("#id_consent")
    with page.expect_navigation():
        page.click("form.form-stack button[type=submit]")

    expect(page).to_have_url(re.compile(r"/my/signin/code/$"))
    expect(page.locator("html")).to_have_attribute("lang", "vi")
    axe_check(page)
    code = re.search(r"\b(\d{6})\b", sms.outbox[-1].text).group(1)
    page.fill("#id_code", code)
    with page.expect_navigation():
        page.press("#id_code", "Enter")

    expect(page).to_have_url(re.compile(r"/my/$"))
    expect(page.locator("html")).to_have_attribute("lang", "vi")
    expect(page.locator("#requests-title")).to_have_text(_vi("My requests"))
    axe_check(page)
    assert Resident.objects.get(user__isnull=False).preferred_language == "vi"

    for path in ("/my/profile/", "/my/consents/", "/my/documents/", "/my/requests/", "/help/"):
        page.goto(path)
        expect(page.locator("html")).to_have_attribute("lang", "vi")
        axe_check(page)
    # Nothing is wider than a 360 px phone.
    assert page.evaluate("() => document.documentElement.scrollWidth <= window.innerWidth")
