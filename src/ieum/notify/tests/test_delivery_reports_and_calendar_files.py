from __future__ import annotations

import datetime as dt

import pytest
from django.core import mail
from django.test import Client

from ieum.notify.ics import Appointment
from ieum.notify.models import Delivery
from ieum.notify.quiet import KST
from ieum.notify.services import calendar_attachment, message_send

pytestmark = pytest.mark.django_db
CONTEXT = {"partner": "Hanaro Clinic", "when": "2026-12-03 14:00"}
APPOINTMENT = Appointment(
    uid="booking-1@ieum",
    start=dt.datetime(2026, 12, 3, 14, 0, tzinfo=KST),
    end=dt.datetime(2026, 12, 3, 14, 30, tzinfo=KST),
    summary="Hanaro Clinic, interpreter: Nepali",
    location="Yeongam, Daebul-ro 1",
)


def _report(client: Client, secret: str, message_id: str, code: str):
    return client.post(
        "/api/v1/notify/delivery-reports",
        [{"messageId": message_id, "statusCode": code}],
        content_type="application/json",
        headers={"X-Webhook-Secret": secret},
    )


def test_a_delivery_report_with_the_secret_marks_the_message_delivered(settings, resident, client):
    settings.IEUM_NOTIFY_WEBHOOK_SECRET = "s3cret-shared"
    delivery = message_send(recipient=resident, template="care.booked", context=CONTEXT, urgent=True)
    response = _report(client, "s3cret-shared", delivery.provider_message_id, "4000")
    assert response.status_code == 200 and response.json() == {"updated": 1}
    delivery.refresh_from_db()
    assert delivery.status == Delivery.Status.DELIVERED and delivery.delivered_at


def test_a_failure_report_marks_it_failed(settings, resident, client):
    settings.IEUM_NOTIFY_WEBHOOK_SECRET = "s3cret-shared"
    delivery = message_send(recipient=resident, template="care.booked", context=CONTEXT, urgent=True)
    _report(client, "s3cret-shared", delivery.provider_message_id, "3059")
    delivery.refresh_from_db()
    assert delivery.status == Delivery.Status.FAILED


def test_a_report_without_the_secret_is_refused_and_changes_nothing(settings, resident, client):
    settings.IEUM_NOTIFY_WEBHOOK_SECRET = "s3cret-shared"
    delivery = message_send(recipient=resident, template="care.booked", context=CONTEXT, urgent=True)
    assert _report(client, "guess", delivery.provider_message_id, "4000").status_code == 401
    settings.IEUM_NOTIFY_WEBHOOK_SECRET = ""
    assert _report(client, "", delivery.provider_message_id, "4000").status_code == 401
    delivery.refresh_from_db()
    assert delivery.status == Delivery.Status.SENT


def test_an_email_carries_the_calendar_file(resident):
    resident.email = "lan@example.org"
    resident.save()
    message_send(
        recipient=resident,
        template="care.booked",
        context=CONTEXT,
        channel="email",
        urgent=True,
        attachments=[calendar_attachment(APPOINTMENT)],
    )
    name, content, mimetype = mail.outbox[-1].attachments[0]
    assert (name, mimetype) == ("appointment.ics", "text/calendar")
    assert "DTSTART:20261203T050000Z" in content and "SUMMARY:Hanaro Clinic\\, interpreter: Nepali" in content


def test_a_text_message_carries_a_link_that_downloads_the_calendar_file(resident, outbox, client):
    message_send(
        recipient=resident,
        template="care.booked",
        context=CONTEXT,
        urgent=True,
        attachments=[calendar_attachment(APPOINTMENT)],
    )
    link = outbox[-1].text.splitlines()[-1]
    assert "/api/v1/notify/calendar/" in link
    response = client.get(link.split("8000", 1)[1])
    assert response.status_code == 200 and response["Content-Type"].startswith("text/calendar")
    assert b"BEGIN:VEVENT" in response.content
    assert client.get("/api/v1/notify/calendar/not-a-token").status_code == 401
