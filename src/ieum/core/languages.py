"""Each person's preferred language is remembered on their account and used wherever they sign
in: a device without a language choice of its own shows the account's language, and choosing a
language with the switcher updates the account."""

from __future__ import annotations

from collections.abc import Callable

from django.conf import settings
from django.contrib.auth import get_user_model
from django.http import HttpRequest, HttpResponseBase
from django.utils import translation
from django.views.decorators.http import require_POST
from django.views.i18n import set_language as django_set_language

SUPPORTED = {code for code, _name in settings.LANGUAGES}


class AccountLanguageMiddleware:
    """After authentication: use the account's language when the device has not chosen one."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponseBase]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponseBase:
        user = getattr(request, "user", None)
        chosen = request.COOKIES.get(settings.LANGUAGE_COOKIE_NAME)
        preferred = getattr(user, "preferred_language", "") if user and user.is_authenticated else ""
        if not chosen and preferred in SUPPORTED:
            translation.activate(preferred)
            request.LANGUAGE_CODE = preferred
        return self.get_response(request)


@require_POST
def set_language(request: HttpRequest) -> HttpResponseBase:
    """Django's language switch, which also remembers the choice on the signed-in account."""
    response = django_set_language(request)
    language = request.POST.get("language", "")
    user = getattr(request, "user", None)
    if user is not None and user.is_authenticated and language in SUPPORTED:
        get_user_model().objects.filter(pk=user.pk).update(preferred_language=language)
    return response
