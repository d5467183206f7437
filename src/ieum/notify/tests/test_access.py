"""Notify's endpoints have no user: the provider's reports need the shared secret (no role gets in
without it), a calendar file needs its unguessable token (anyone with the link, no one without)."""

from __future__ import annotations

import datetime as dt

import pytest
from django.utils import timezone

from ieum.core.testing import ROLES, role_users, wrongly_treated
from ieum.notify.models import CalendarFile

pytestmark = pytest.mark.django_db

COVERED_PATTERNS = {"api/v1/notify/delivery-reports", "api/v1/notify/calendar/<token>"}


def test_no_role_reaches_the_delivery_report_webhook_without_the_secret(settings):
    settings.IEUM_NOTIFY_WEBHOOK_SECRET = "s3cret-shared"
    users = role_users()

    def call(client):
        return client.post(
            "/api/v1/notify/delivery-reports",
            [{"messageId": "M1", "statusCode": "4000"}],
            content_type="application/json",
        )

    assert wrongly_treated(users, set(), call) == []


def test_a_calendar_file_opens_with_its_token_only():
    users = role_users()
    calendar = CalendarFile.objects.create(
        filename="a.ics",
        content="BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n",
        expires_at=timezone.now() + dt.timedelta(days=1),
    )
    everyone = set(ROLES)
    assert (
        wrongly_treated(users, everyone, lambda c: c.get(f"/api/v1/notify/calendar/{calendar.token}")) == []
    )
    assert wrongly_treated(users, set(), lambda c: c.get("/api/v1/notify/calendar/guessed-token")) == []
