"""A resident signs up in Nepali, books a clinic slot on a phone (and at desktop width), and the
delivery log holds the reminder in Nepali: the template text is data (notify/data/templates.toml);
the page labels' Nepali comes with the lead's translation pass, so they are not asserted here."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

from ieum.care.models import Booking
from ieum.care.services import REMINDER_BEFORE
from ieum.care.tests.conftest import make_partner, make_slot
from ieum.interpreting.models import InterpreterRequest
from ieum.notify import sms
from ieum.notify.models import Delivery
from ieum.notify.services import deliveries_send_due, delivery_text

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

NEPALI_REMINDER = "सम्झना: 하나로의원 मा तपाईंको भेटघाट"


def test_a_resident_books_a_clinic_slot_in_nepali_and_gets_a_nepali_reminder(browser_page, axe_check):
    sms.outbox.clear()
    slot = make_slot(make_partner("hanaro"))
    page = browser_page
    page.goto("/my/signup/")
    page.fill("#id_name", "Sita Gurung")
    page.fill("#id_contact", "010-2222-3333")
    page.select_option("#id_language", "ne")
    page.check("#id_consent")
    with page.expect_navigation():
        page.click("form.form-stack button[type=submit]")
    code = re.search(r"\b(\d{6})\b", sms.outbox[-1].text).group(1)
    page.fill("#id_code", code)
    with page.expect_navigation():
        page.press("#id_code", "Enter")

    page.goto("/care/my/")
    expect(page.locator("html")).to_have_attribute("lang", "ne")
    axe_check(page)
    with page.expect_navigation():
        page.click(f"a[href='/care/my/slots/{slot.pk}/']")
    axe_check(page)
    page.check("#id_consent")
    with page.expect_navigation():
        page.click("form.form-stack button[type=submit]")

    expect(page).to_have_url(re.compile(r"/care/my/$"))
    booking = Booking.objects.get(slot=slot)
    expect(page.locator(f"#booking-{booking.pk}")).to_contain_text("하나로의원")
    axe_check(page)
    assert booking.resident.preferred_language == "ne" and booking.status == "booked"
    assert InterpreterRequest.objects.get().language == "ne"

    reminder = Delivery.objects.get(template="care.reminder", resident=booking.resident)
    assert reminder.language == "ne" and reminder.not_before == slot.starts_at - REMINDER_BEFORE
    assert delivery_text(reminder)[1].startswith(NEPALI_REMINDER)
    sms.outbox.clear()
    deliveries_send_due(now=reminder.not_before)
    reminder.refresh_from_db()
    assert reminder.status == "sent" and sms.outbox[-1].text.startswith(NEPALI_REMINDER)
    assert page.evaluate("() => document.documentElement.scrollWidth <= window.innerWidth")
