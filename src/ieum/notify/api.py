"""Notify endpoints (mounted at /api/v1/notify/): the provider's delivery reports and the calendar
files linked from text messages. Neither has a user: the report carries the shared secret, the
calendar link an unguessable token."""

from __future__ import annotations

import hmac

from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.utils import timezone
from ninja import Router, Schema
from ninja.errors import AuthenticationError
from ninja.security import APIKeyHeader

from ieum.notify.models import CalendarFile
from ieum.notify.services import delivery_report

router = Router(tags=["notify"])


class WebhookSecret(APIKeyHeader):
    param_name = "X-Webhook-Secret"

    def authenticate(self, request: HttpRequest, key: str | None) -> bool | None:
        expected = settings.IEUM_NOTIFY_WEBHOOK_SECRET
        if expected and key and hmac.compare_digest(key.encode(), expected.encode()):
            return True
        return None


class ReportIn(Schema):
    messageId: str  # noqa: N815 (the provider's field names)
    statusCode: str  # noqa: N815


class ReportsOut(Schema):
    updated: int


@router.post("/delivery-reports", response=ReportsOut, auth=WebhookSecret())
def delivery_reports(request: HttpRequest, reports: list[ReportIn]) -> ReportsOut:
    updated = sum(
        delivery_report(provider_message_id=r.messageId[:80], status_code=r.statusCode[:8]) for r in reports
    )
    return ReportsOut(updated=updated)


@router.get("/calendar/{token}", auth=None, response={200: None})
def calendar_download(request: HttpRequest, token: str) -> HttpResponse:
    calendar = CalendarFile.objects.filter(token=token[:40], expires_at__gt=timezone.now()).first()
    if calendar is None:
        # The token is the credential: an unknown or expired one is refused like a bad token.
        raise AuthenticationError
    response = HttpResponse(calendar.content, content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{calendar.filename}"'
    return response
