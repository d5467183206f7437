"""A counselor signs in, finds a resident by Hangul name and by alien registration number, and
opens the resident's page with its timeline; at phone and desktop width, axe on every page."""

from __future__ import annotations

import datetime as dt
import re

import pytest
from playwright.sync_api import expect

from ieum.core.models import Role, User
from ieum.residents.services import ResidentData, resident_create, visa_record_add
from ieum.residents.tests.factories import MunicipalityFactory, NationalityFactory, VisaStatusFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

ARN = "950314-5123456"


@pytest.fixture
def counselor() -> User:
    return User.objects.create_user(
        username="counselor-kim",
        password="correct-horse-battery-9",
        role=Role.COUNSELOR,
        preferred_language="en",  # the account's language decides when the device has not chosen
    )


@pytest.fixture
def resident(counselor):
    person = resident_create(
        data=ResidentData(
            name="NGUYEN VAN AN",
            name_native="Nguyễn Văn An",
            name_hangul="응우옌반안",
            birth_date=dt.date(1995, 3, 14),
            sex="M",
            nationality=NationalityFactory(),
            preferred_language="vi",
            municipality=MunicipalityFactory(),
            arn=ARN,
        ),
        actor=counselor,
    )
    visa_record_add(
        resident=person, status=VisaStatusFactory(), valid_from=dt.date(2024, 5, 1), actor=counselor
    )
    return person


@pytest.fixture
def other_residents(counselor):
    # Same Hangul surname, other scripts: the search must tell them apart.
    resident_create(
        data=ResidentData(
            name="SOK DARA", name_native="សុខ ដារ៉ា", name_hangul="속다라", preferred_language="km"
        ),
        actor=counselor,
    )
    resident_create(
        data=ResidentData(
            name="AUNG KYAW", name_native="အောင်ကျော်", name_hangul="아웅쩌", preferred_language="my"
        ),
        actor=counselor,
    )


def htmx_loaded(page) -> bool:
    return page.evaluate("() => typeof window.htmx === 'object'")


def test_a_counselor_finds_a_resident_and_reads_the_timeline(
    browser_page, sign_in, axe_check, resident, other_residents, counselor
):
    page = browser_page
    sign_in(page, counselor)
    expect(page).to_have_url(re.compile(r"/workspace/$"))
    expect(page.locator("h1")).to_contain_text("counselor-kim")
    axe_check(page)

    # By Hangul name, from the search box on the workspace home page (a plain GET form).
    page.fill("#q", "응우옌")
    with page.expect_navigation():
        page.press("#q", "Enter")
    expect(page).to_have_url(re.compile(r"/residents/\?q="))
    rows = page.locator("#results tbody tr")
    expect(rows).to_have_count(1)
    expect(rows.first).to_contain_text("NGUYEN VAN AN")
    expect(rows.first).to_contain_text("950314-5******")
    axe_check(page)

    # By alien registration number, typed into the search page's box.
    url_before = page.url
    page.fill("#q", ARN)
    if htmx_loaded(page):
        expect(rows).to_have_count(1)  # the live search refreshed #results in place
        expect(page.locator("#search-status")).to_have_text("1 person found")
        assert page.url == url_before
    else:
        with page.expect_navigation():
            page.press("#q", "Enter")
    expect(rows).to_have_count(1)
    expect(rows.first).to_contain_text("응우옌반안")
    axe_check(page)

    with page.expect_navigation():
        rows.first.get_by_role("link", name="NGUYEN VAN AN").click()
    expect(page).to_have_url(re.compile(rf"/residents/{resident.pk}/$"))
    expect(page.locator("h1")).to_contain_text("응우옌반안")
    timeline = page.locator("ol.timeline")
    expect(page.get_by_role("heading", name="Timeline")).to_be_visible()
    expect(timeline).to_contain_text("Record created.")
    expect(timeline).to_contain_text("Status of stay E-9 recorded from 2024-05-01.")
    expect(timeline.locator("li").first).to_be_visible()
    axe_check(page)


def test_live_search_replaces_the_results_without_reloading(
    browser_page, sign_in, axe_check, resident, other_residents, counselor
):
    page = browser_page
    sign_in(page, counselor, check=False)
    page.goto("/residents/")
    if not htmx_loaded(page):
        pytest.skip("htmx is not built into static/vendor: run `make assets`")
    page.evaluate("() => { window.notReloaded = true; }")
    page.fill("#q", "속다")
    rows = page.locator("#results tbody tr")
    expect(rows).to_have_count(1)
    expect(rows.first).to_contain_text("សុខ ដារ៉ា")
    page.fill("#q", "nobody-like-this")
    expect(page.locator("#results")).to_contain_text("No one matches this search.")
    expect(page.locator("#search-status")).to_have_text("No one matches this search.")
    assert page.evaluate("() => window.notReloaded") is True
    axe_check(page)
