"""An analyst opens the analytics dashboard, builds two policy scenarios and compares them side
by side; at phone and desktop width, axe on every page."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

from ieum.core.models import Role, User

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def analyst() -> User:
    return User.objects.create_user(
        username="analyst-park",
        password="correct-horse-battery-9",
        role=Role.ANALYST,
        preferred_language="en",
    )


def build_scenario(page, name: str, quotas: str, retention: str) -> None:
    page.goto("/workspace/insights/scenarios/")
    page.get_by_label("Scenario name").fill(name)
    page.get_by_label("Quotas per year (track, KSIC industry, county code, number; one per line)").fill(
        quotas
    )
    page.get_by_label("Yearly retention, E-7-4R").fill(retention)
    with page.expect_navigation():
        page.get_by_role("button", name="Save scenario").click()
    expect(page.locator(".messages")).to_contain_text(name)


def test_an_analyst_builds_two_scenarios_and_compares_them(browser_page, sign_in, axe_check, analyst):
    page = browser_page
    sign_in(page, analyst)
    page.goto("/workspace/insights/")
    expect(page.get_by_role("heading", name="Analytics", exact=True)).to_be_visible()
    axe_check(page)

    build_scenario(page, "Plan 2026", "E-7-4R C31 46830 993\nF-2-R C31 46830 100", "0.85")
    axe_check(page)
    build_scenario(
        page, "Plan 2026 with settlement support", "E-7-4R C31 46830 993\nF-2-R C31 46830 300", "0.95"
    )

    # KRDS draws the box on the label; a person clicks the label.
    page.locator("label", has_text=re.compile(r"^Plan 2026$")).click()
    page.locator("label", has_text="Plan 2026 with settlement support").click()
    expect(page.get_by_label("Plan 2026", exact=True)).to_be_checked()
    with page.expect_navigation():
        page.get_by_role("button", name="Compare").click()
    expect(page).to_have_url(re.compile(r"/workspace/insights/scenarios/compare/\?id=\d+&id=\d+"))
    sections = page.locator(".compare-grid section")
    expect(sections).to_have_count(2)
    # Side by side, newest first as the list showed them.
    expect(sections.nth(0).get_by_role("heading", level=2)).to_have_text("Plan 2026 with settlement support")
    expect(sections.nth(1).get_by_role("heading", level=2)).to_have_text("Plan 2026")
    expect(page.locator("svg.chart polyline")).to_have_count(2)
    expect(page.get_by_role("link", name="Report (PDF)")).to_be_visible()
    axe_check(page)
