"""One program officer prepares a grant application, a second approves it, a payment batch is
created and its bank file downloaded; at phone and desktop width, axe on every page."""

from __future__ import annotations

import csv
import io
import re
from pathlib import Path

import pytest
from playwright.sync_api import expect

from ieum.core.models import Role, User
from ieum.grants.loading import budget_load, program_load
from ieum.grants.tests.conftest import eligible_resident, file_application, program_data

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def _officer(name: str) -> User:
    return User.objects.create_user(
        username=name, password="correct-horse-battery-9", role=Role.OFFICER, preferred_language="en"
    )


@pytest.fixture
def setting(region):
    budget_load(year=2024)
    program = program_load(program_data(), year=2024)
    first, second = _officer("officer-park"), _officer("officer-lee")
    application = file_application(program, eligible_resident("46820"), first)
    return {"program": program, "first": first, "second": second, "application": application}


def test_one_officer_prepares_another_approves_and_the_bank_file_is_downloaded(
    browser_page, sign_in, axe_check, setting
):
    page = browser_page
    application = setting["application"]
    sign_in(page, setting["first"])
    page.goto("/grants/applications/?status=submitted")
    expect(page.locator("h1")).to_have_text("Applications")
    axe_check(page)
    with page.expect_navigation():
        page.get_by_role("link", name=application.resident.name).click()
    expect(page).to_have_url(re.compile(rf"/grants/applications/{application.pk}/$"))
    axe_check(page)
    page.fill("#id_note", "Residence and status checked")
    with page.expect_navigation():
        page.get_by_role("button", name="Prepare for approval").click()
    expect(page.locator("#application-status")).to_have_text("prepared, waiting for approval")
    # The officer who prepared it is not offered a way round the four-eyes rule.
    with page.expect_navigation():
        page.get_by_role("button", name="Approve").click()
    expect(page.locator(".messages")).to_contain_text("cannot approve")
    axe_check(page)

    page.context.clear_cookies()
    sign_in(page, setting["second"])
    page.goto(f"/grants/applications/{application.pk}/")
    with page.expect_navigation():
        page.get_by_role("button", name="Approve").click()
    expect(page.locator("#application-status")).to_have_text("approved")
    expect(page.locator("main")).to_contain_text("Attempt 1: waiting for a batch")
    axe_check(page)

    page.goto(f"/grants/programs/{setting['program'].pk}/")
    axe_check(page)
    page.select_option("#id_method", "bank")
    with page.expect_navigation():
        page.get_by_role("button", name="Create batch").click()
    expect(page).to_have_url(re.compile(r"/grants/batches/\d+/$"))
    expect(page.locator("main")).to_contain_text("1 payment, ₩600,000 in total")
    axe_check(page)
    with page.expect_download() as info:
        page.click("#bank-file")
    download = info.value
    rows = list(csv.reader(io.StringIO(Path(download.path()).read_text(encoding="utf-8"))))
    assert rows[0][0] == "H" and rows[0][3:] == ["1", "600000"]
    assert rows[1][3] == "110234567890" and rows[-1] == ["T", "1", "600000"]
    page.reload()
    expect(page.locator("main")).to_contain_text("sent to the bank")
    axe_check(page)
