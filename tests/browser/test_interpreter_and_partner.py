"""An interpreter accepts an offer and logs the session; a partner accepts a referral, books the
appointment and reports the outcome — at phone and desktop width, axe on every page."""

from __future__ import annotations

import datetime as dt
import re

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from ieum.core.models import Role, User
from ieum.interpreting.models import InterpreterRequest
from ieum.interpreting.registry import InterpreterData, interpreter_save
from ieum.interpreting.services import interpreter_request_create
from ieum.privacy.services import consent_record
from ieum.referrals.models import Partner, Referral
from ieum.referrals.services import partner_member_add, referral_create
from ieum.residents.services import ResidentData, resident_create

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
PASSWORD = "correct-horse-battery-9"
ALL_DAY = [(day, dt.time(0, 0), dt.time(23, 59)) for day in range(7)]


def _user(username: str, role: str) -> User:
    return User.objects.create_user(username=username, password=PASSWORD, role=role, preferred_language="en")


@pytest.fixture
def counselor() -> User:
    return _user("counselor-park", Role.COUNSELOR)


def test_an_interpreter_accepts_an_offer_and_logs_the_session(browser_page, sign_in, axe_check, counselor):
    account = _user("interpreter-mai", Role.INTERPRETER)
    interpreter_save(
        data=InterpreterData(
            name="Trần Thị Mai", modalities=["phone"], languages=[("vi", 4)], windows=ALL_DAY, user=account
        ),
        actor=None,
    )
    request = interpreter_request_create(
        language="vi", modality="phone", requested_by=counselor, topic="Wage arrears", caller_label="Lan"
    )
    page = browser_page
    sign_in(page, account)
    page.goto("/workspace/interpreting/mine/")
    offer = page.locator("article", has_text=f"Request #{request.pk}")
    expect(offer).to_contain_text("Wage arrears")
    expect(offer).to_contain_text("Lan")
    axe_check(page)

    with page.expect_navigation():
        offer.get_by_role("button", name="Accept").click()
    expect(page.locator(".messages")).to_contain_text("You accepted the request.")
    with page.expect_navigation():
        page.get_by_role("link", name="Log the session").click()
    expect(page).to_have_url(re.compile(rf"/requests/{request.pk}/session/$"))
    axe_check(page)

    start = timezone.localtime(timezone.now() - dt.timedelta(minutes=40))
    page.fill("#id_started_at", start.strftime("%Y-%m-%dT%H:%M"))
    page.fill("#id_ended_at", (start + dt.timedelta(minutes=25)).strftime("%Y-%m-%dT%H:%M"))
    page.select_option("#id_outcome", "completed")
    page.locator("label[for=id_three_way_call]").click()  # KRDS draws the box over its label
    expect(page.locator("#id_three_way_call")).to_be_checked()
    with page.expect_navigation():
        page.get_by_role("button", name="Save").click()
    expect(page.locator(".messages")).to_contain_text("The session was logged.")
    request.refresh_from_db()
    assert request.status == InterpreterRequest.Status.FULFILLED
    session = request.sessions.get()
    assert session.duration_minutes == 25 and session.three_way_call
    axe_check(page)


def test_a_partner_accepts_a_referral_and_reports_the_outcome(browser_page, sign_in, axe_check, counselor):
    hospital = Partner.objects.create(
        code="naju-safe", kind=Partner.Kind.SAFE_HOSPITAL, name_ko="나주 안심병원"
    )
    desk = _user("hospital-desk", Role.PARTNER)
    partner_member_add(partner=hospital, user=desk, actor=None)
    resident = resident_create(
        data=ResidentData(name="SOK DARA", preferred_language="km", phone="+821012340000"), actor=counselor
    )
    consent_record(
        resident=resident,
        kind="provision",
        channel="phone",
        witness=counselor,
        actor=counselor,
        recipient_kind="partner",
        recipient_id=hospital.recipient_id,
        recipient_name=hospital.name_ko,
        purpose="medical",
        items=["name", "contact"],
        retention="1 year",
    )
    referral = referral_create(
        resident=resident, partner=hospital, purpose="medical", items=["name", "contact"], actor=counselor
    )

    page = browser_page
    sign_in(page, desk)
    page.goto("/referrals/inbox/")
    axe_check(page)
    with page.expect_navigation():
        page.get_by_role("link", name=f"Referral #{referral.pk}").click()
    expect(page.locator("dl.facts")).to_contain_text("SOK DARA")
    axe_check(page)

    with page.expect_navigation():
        page.get_by_role("button", name="Accept the referral").click()
    when = timezone.localtime(timezone.now() + dt.timedelta(days=2)).replace(hour=10, minute=30)
    page.fill("#id_appointment_at", when.strftime("%Y-%m-%dT%H:%M"))
    page.fill("#id_place", "2층 외래")
    with page.expect_navigation():
        page.get_by_role("button", name="Save the appointment").click()
    expect(page.locator("main")).to_contain_text(f"Appointment: {when:%Y-%m-%d %H:%M}")
    page.fill("#id_outcome", "Examined; medicine given, follow-up in two weeks.")
    with page.expect_navigation():
        page.get_by_role("button", name="Report the outcome").click()
    expect(page.locator("main")).to_contain_text("follow-up in two weeks")
    axe_check(page)
    referral.refresh_from_db()
    assert referral.status == Referral.Status.COMPLETED
    assert resident.timeline.filter(kind="referral.completed").exists()
