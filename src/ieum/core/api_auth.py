"""API authentication: a signed-in browser session (with CSRF) or an integration token."""

from __future__ import annotations

from django.http import HttpRequest
from django.utils import timezone
from ninja.errors import AuthenticationError
from ninja.security import APIKeyHeader, SessionAuth

from ieum.core.models import ApiToken
from ieum.core.two_factor import needs_second_factor


class SecondFactorRequired(AuthenticationError):
    """A staff session that has not passed its one-time code yet."""


class TokenAuth(APIKeyHeader):
    param_name = "Authorization"

    def authenticate(self, request: HttpRequest, key: str | None):
        if not key:
            return None
        key = key.removeprefix("Bearer ").removeprefix("Token ").strip()
        try:
            token = ApiToken.objects.select_related("user").get(
                key_hash=ApiToken.hash_key(key), revoked_at__isnull=True
            )
        except ApiToken.DoesNotExist:
            return None
        if not token.user.is_active:
            return None
        ApiToken.objects.filter(pk=token.pk).update(last_used_at=timezone.now())
        request.user = token.user
        request.api_channel = "api"  # type: ignore[attr-defined]
        return token.user


class StaffSessionAuth(SessionAuth):
    """The browser session, but a staff session only after its one-time code (facts.md §5).

    Tokens are exempt: an administrator issues them to an integration, not to a person signing in.
    """

    def authenticate(self, request: HttpRequest, key: str | None):
        user = super().authenticate(request, key)
        if user is not None and needs_second_factor(user):
            raise SecondFactorRequired
        return user
