"""An employer posts a vacancy, sees the shortlist of a consenting candidate with the factors of
the score, and records a hire; at phone and desktop width, axe on every page."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

from ieum.core.models import Municipality, Role, User
from ieum.jobs.models import Placement
from ieum.jobs.tests.conftest import make_employer, make_seeker

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def employer_account(region) -> User:
    officer = User.objects.create_user("jobs-officer", password="x" * 12, role=Role.OFFICER)
    user = User.objects.create_user(
        "employer-park", password="correct-horse-battery-9", role=Role.EMPLOYER, preferred_language="en"
    )
    make_employer(user, 0, Municipality.objects.get(code="46830"), officer)
    return user


@pytest.fixture
def candidate(region):
    return make_seeker("NGUYEN VAN AN", status="F-5", place=Municipality.objects.get(code="46830"))


def test_an_employer_posts_a_vacancy_and_hires_a_shortlisted_candidate(
    browser_page, sign_in, axe_check, employer_account, candidate
):
    page = browser_page
    sign_in(page, employer_account)
    page.goto("/jobs/employer/")
    axe_check(page)
    page.get_by_role("link", name="Post a vacancy").click()
    expect(page.locator("h1")).to_have_text("Post a vacancy")
    axe_check(page)
    page.fill("#id_title", "Hull welder")
    page.fill("#id_ksco_code", "7430")
    page.fill("#id_wage_hourly", "12500")
    page.fill("#id_hours_per_week", "40")
    page.fill("#id_start_date", "2026-12-14")
    page.fill("#id_headcount", "1")
    with page.expect_navigation():
        page.get_by_role("button", name="Post the vacancy").click()
    expect(page).to_have_url(re.compile(r"/jobs/employer/vacancies/\d+/$"))
    expect(page.locator("h1")).to_have_text("Hull welder")
    card = page.locator(f'li[data-seeker="{candidate.pk}"]')
    expect(card).to_contain_text("NGUYEN VAN AN")
    card.locator("summary").click()
    expect(card.locator("table.factors")).to_contain_text("Occupation")
    axe_check(page)
    card.get_by_label("Next step").select_option("hired")
    with page.expect_navigation():
        card.get_by_role("button", name="Save").click()
    expect(page.locator("tr.placement-hired")).to_contain_text("NGUYEN VAN AN")
    axe_check(page)
    assert Placement.objects.get(seeker=candidate).stage == Placement.Stage.HIRED
