"""The core actions need no JavaScript: sign in, search, open a case for the caller found, open
the record through the case (a counselor opens the records of the residents of their cases).

(No axe here: axe runs inside the page and needs scripts; the journey test checks these pages.)"""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from ieum.core.models import Role, User
from ieum.residents.services import ResidentData, resident_create

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def browser_context_options():
    return {"java_script_enabled": False}


def test_search_and_record_work_without_javascript(browser_page, sign_in):
    counselor = User.objects.create_user(
        username="counselor-lee",
        password="correct-horse-battery-9",
        role=Role.COUNSELOR,
        preferred_language="en",  # the account's language decides when the device has not chosen
    )
    resident_create(
        data=ResidentData(
            name="AUNG KYAW",
            name_native="အောင်ကျော်",
            name_hangul="아웅쩌",
            arn="950314-5123456",
            preferred_language="my",
        ),
        actor=None,
    )
    page = browser_page
    sign_in(page, counselor)
    page.goto("/residents/")
    page.fill("#q", "950314-5123456")
    with page.expect_navigation():
        page.press("#q", "Enter")
    rows = page.locator("#results tbody tr")
    expect(rows).to_have_count(1)
    # No case of this person yet: the answer is an intake card, not a link to the record.
    expect(rows.first.get_by_role("link", name="AUNG KYAW")).to_have_count(0)
    with page.expect_navigation():
        rows.first.get_by_role("link", name="Open a case for this person").click()
    page.select_option("#id_topic", label="Wage arrears and severance")
    page.fill("#id_summary", "Wages of two months not paid.")
    with page.expect_navigation():
        page.get_by_role("button", name="Open the case").click()
    with page.expect_navigation():
        page.get_by_role("link", name="아웅쩌").click()
    expect(page.locator("h1")).to_contain_text("아웅쩌")
    expect(page.locator("ol.timeline")).to_contain_text("Record created.")
