"""A county officer reviews a regional-visa application, the province officer approves it and the
numbered letter is issued; at phone and desktop width, axe on every page."""

from __future__ import annotations

import datetime as dt
import io
import re

import pytest
from playwright.sync_api import expect
from pypdf import PdfReader

from ieum.core.models import Municipality, Role, User
from ieum.visas import services
from ieum.visas.models import Application
from ieum.visas.tests.people import make_applicant

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
PASSWORD = "correct-horse-battery-9"


@pytest.fixture
def officers(region):
    yeongam = Municipality.objects.get(code="46830")
    county = User.objects.create_user(
        username="officer-yeongam",
        password=PASSWORD,
        role=Role.OFFICER,
        municipality=yeongam,
        preferred_language="en",
    )
    province = User.objects.create_user(
        username="officer-province", password=PASSWORD, role=Role.OFFICER, preferred_language="en"
    )
    return county, province


@pytest.fixture
def application(officers):
    county, province = officers
    yeongam = county.municipality
    counselor = User.objects.create_user(username="counselor-park", password=PASSWORD, role=Role.COUNSELOR)
    services.quota_set(
        program="f2r", year=dt.date.today().year, municipality=yeongam, amount=10, actor=province
    )
    person = make_applicant(municipality=yeongam, actor=counselor)
    return services.application_create(
        resident=person,
        program="f2r",
        actor=counselor,
        employer_name="대불조선(주)",
        documents={d.kind: d for d in person.documents.all()},
    )


def test_a_county_officer_reviews_and_the_province_issues_the_letter(
    browser_page, sign_in, axe_check, officers, application
):
    county, province = officers
    page = browser_page

    sign_in(page, county)
    page.goto("/visas/applications/")
    expect(page.locator("h1")).to_have_text("Applications")
    axe_check(page)
    with page.expect_navigation():
        page.get_by_role("link", name="NGUYEN VAN AN").click()
    expect(page).to_have_url(re.compile(rf"/visas/applications/{application.pk}/$"))
    expect(page.get_by_role("heading", name="County review")).to_be_visible()
    axe_check(page)
    page.get_by_label("Decision").select_option("recommend")
    with page.expect_navigation():
        page.get_by_role("button", name="Record the decision").click()
    expect(page.locator("#application-status")).to_have_text(
        "recommended by the county, waiting for the province"
    )
    expect(page.get_by_role("heading", name="County review")).to_have_count(0)
    axe_check(page)

    page.context.clear_cookies()
    sign_in(page, province, check=False)
    page.goto(f"/visas/applications/{application.pk}/")
    expect(page.get_by_role("heading", name="Province review")).to_be_visible()
    axe_check(page)
    page.get_by_label("Decision").select_option("recommend")
    with page.expect_navigation():
        page.get_by_role("button", name="Record the decision").click()
    expect(page.locator("#application-status")).to_have_text("recommendation letter issued")
    axe_check(page)

    application.refresh_from_db()
    assert application.status == Application.Status.APPROVED
    letter = page.get_by_role("link", name=application.letter_number)
    expect(letter).to_be_visible()
    response = page.request.get(letter.get_attribute("href"))
    assert response.headers["content-type"] == "application/pdf"
    text = "".join(p.extract_text() for p in PdfReader(io.BytesIO(response.body())).pages)
    assert application.letter_number in text and "응우옌반안" in text and "F-2-R" in text
