"""Request types for views behind a sign-in check (django-stubs: typed `request.user`)."""

from django.http import HttpRequest

from ieum.core.models import User


class AuthedRequest(HttpRequest):
    user: User  # type: ignore[assignment]
