from __future__ import annotations

from collections.abc import Callable
from functools import wraps

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponseBase
from django.shortcuts import redirect

from ieum.core.models.users import STAFF_ROLES
from ieum.core.two_factor import needs_second_factor, second_factor_url


def staff_required(view: Callable[..., HttpResponseBase]) -> Callable[..., HttpResponseBase]:
    """A signed-in, active staff account (counselor, interpreter, officer, analyst, admin)
    whose session has passed a one-time code (facts.md §5); otherwise off to set one up or enter it."""

    @login_required
    @wraps(view)
    def wrapper(request: HttpRequest, *args, **kwargs) -> HttpResponseBase:
        if getattr(request.user, "role", None) not in STAFF_ROLES:
            raise PermissionDenied
        if needs_second_factor(request.user):
            return redirect(second_factor_url(request))
        return view(request, *args, **kwargs)

    return wrapper
