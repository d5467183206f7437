"""Session limits and the Permissions-Policy header (facts.md §5); NUL bytes refused at the door."""

from __future__ import annotations

import json
import time
from collections.abc import Callable

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import logout
from django.http import HttpRequest, HttpResponseBadRequest, HttpResponseBase, JsonResponse
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from ieum.core.models.users import STAFF_ROLES

Handler = Callable[[HttpRequest], HttpResponseBase]

STARTED_KEY = "ieum_session_started"
SEEN_KEY = "ieum_session_seen"
# Recording every request would write the session on every request; a minute is precise enough.
SEEN_RESOLUTION = 60


class RefuseNulBytesMiddleware:
    """Answers 400 to a form or JSON body that carries a NUL byte, before any view reads it.

    No person types one, PostgreSQL text cannot hold one (every write of it failed with a 500),
    and forms that pass fields on without a form field's check would store or crash on it. Query
    strings are left to the views: a search may drop the character and answer.
    """

    def __init__(self, get_response: Handler) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponseBase:
        if request.method in ("POST", "PUT", "PATCH") and self._carries_nul(request):
            message = _("The request contains a character that cannot be stored (NUL). Nothing was changed.")
            if request.path.startswith("/api/"):
                return JsonResponse({"detail": message}, status=400)
            return HttpResponseBadRequest(message, content_type="text/plain; charset=utf-8")
        return self.get_response(request)

    @staticmethod
    def _carries_nul(request: HttpRequest) -> bool:
        if request.content_type == "application/json":
            try:
                return _has_nul(json.loads(request.body))
            except (ValueError, RecursionError):
                return False  # not JSON the API can read: it refuses it itself
        return any("\x00" in key or any("\x00" in v for v in values) for key, values in request.POST.lists())


def _has_nul(value: object) -> bool:
    if isinstance(value, str):
        return "\x00" in value
    if isinstance(value, list):
        return any(_has_nul(v) for v in value)
    if isinstance(value, dict):
        return any(_has_nul(k) or _has_nul(v) for k, v in value.items())
    return False


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
