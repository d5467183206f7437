"""A counselor opens a case for a walk-in resident found by search, takes it, adds a note and
resolves it; the step shows on the case's history. Phone and desktop width, axe on every page."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

from ieum.casework.models import Case, Queue
from ieum.casework.topics import ensure_seeded_topics
from ieum.core.models import Role, User
from ieum.residents.services import ResidentData, resident_create

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def counselor() -> User:
    ensure_seeded_topics()  # a transactional test starts from a flushed database
    user = User.objects.create_user(
        username="counselor-park",
        password="correct-horse-battery-9",
        role=Role.COUNSELOR,
        preferred_language="en",
        work_languages=["ko", "vi"],
    )
    Queue.objects.create(name="Vietnamese", language="vi").members.add(user)
    return user


@pytest.fixture
def resident(counselor):
    return resident_create(
        data=ResidentData(name="TRAN THI MAI", name_hangul="쩐티마이", preferred_language="vi"),
        actor=counselor,
    )


def test_a_counselor_opens_assigns_notes_and_resolves_a_walk_in_case(
    browser_page, sign_in, axe_check, counselor, resident
):
    page = browser_page
    sign_in(page, counselor)

    page.goto("/workspace/cases/")
    axe_check(page)
    page.get_by_role("link", name="New case").click()
    axe_check(page)
    page.fill("#rq", "tran thi")
    page.get_by_role("button", name="Search").click()
    page.get_by_role("link", name=re.compile("TRAN THI MAI")).click()
    expect(page.get_by_text("The case is about")).to_be_visible()

    page.select_option("#id_channel", "walk_in")
    page.select_option("#id_topic", label="Wage arrears and severance")
    page.select_option("#id_language", "vi")
    page.fill("#id_summary", "Three months of wages unpaid at a farm in Haenam")
    page.locator("label[for=id_assign_to_me]").click()  # the desk opens it; the counselor takes it next
    expect(page.locator("#id_assign_to_me")).not_to_be_checked()
    page.get_by_role("button", name="Open the case").click()
    expect(page.locator("#case-status")).to_have_text("new")
    axe_check(page)

    page.get_by_role("button", name="Take this case").click()
    expect(page.locator("#case-status")).to_have_text("assigned")
    page.fill("#id_text", "Called the employer; payment promised by Friday.")
    page.locator("#add-note").click()
    expect(page.get_by_text("Called the employer; payment promised by Friday.")).to_be_visible()
    page.fill("#id_resolution", "Wages paid in full.")
    page.locator("#resolve").click()
    expect(page.locator("#case-status")).to_have_text("resolved")
    axe_check(page)

    case = Case.objects.get()
    assert (case.status, case.assignee, case.resident) == ("resolved", counselor, resident)
    expect(page.get_by_text(f"Case {case.number} resolved.")).to_be_visible()
