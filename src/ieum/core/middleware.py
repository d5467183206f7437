"""Session limits and the Permissions-Policy header (facts.md §5)."""

from __future__ import annotations

import time
from collections.abc import Callable

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import logout
from django.http import HttpRequest, HttpResponseBase
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from ieum.core.models.users import STAFF_ROLES

Handler = Callable[[HttpRequest], HttpResponseBase]

STARTED_KEY = "ieum_session_started"
SEEN_KEY = "ieum_session_seen"
# Recording every request would write the session on every request; a minute is precise enough.
SEEN_RESOLUTION = 60


class SessionLimitsMiddleware:
    """Ends a staff session after IEUM_STAFF_IDLE_SECONDS without a request, and every session
    SESSION_COOKIE_AGE after sign-in even if it stays busy (Django's own expiry slides with use)."""

    def __init__(self, get_response: Handler) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponseBase:
        if request.user.is_authenticated:
            self._apply_limits(request)
        return self.get_response(request)

    def _apply_limits(self, request: HttpRequest) -> None:
        now = int(time.time())
        session = request.session
        started = session.setdefault(STARTED_KEY, now)
        seen = session.get(SEEN_KEY, now)
        is_staff = getattr(request.user, "role", None) in STAFF_ROLES
        if now - started > settings.SESSION_COOKIE_AGE:
            self._sign_out(request, _("Your session has ended. Please sign in again."))
        elif is_staff and now - seen > settings.IEUM_STAFF_IDLE_SECONDS:
            minutes = settings.IEUM_STAFF_IDLE_SECONDS // 60
            message = ngettext(
                "You were signed out after %(minutes)s minute without activity.",
                "You were signed out after %(minutes)s minutes without activity.",
                minutes,
            ) % {"minutes": minutes}
            self._sign_out(request, message)
        elif now - seen >= SEEN_RESOLUTION or SEEN_KEY not in session:
            session[SEEN_KEY] = now

    @staticmethod
    def _sign_out(request: HttpRequest, message: str) -> None:
        logout(request)
        messages.info(request, message)


class PermissionsPolicyMiddleware:
    """Turns off browser features Ieum does not use (settings.IEUM_PERMISSIONS_POLICY)."""

    def __init__(self, get_response: Handler) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponseBase:
        response = self.get_response(request)
        if settings.IEUM_PERMISSIONS_POLICY:
            response.headers.setdefault("Permissions-Policy", settings.IEUM_PERMISSIONS_POLICY)
        return response
