from __future__ import annotations

from collections.abc import Callable
from functools import wraps

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse

from ieum.core.models.users import STAFF_ROLES


def staff_required(view: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
    """A signed-in, active staff account (counselor, interpreter, officer, analyst, admin)."""

    @login_required
    @wraps(view)
    def wrapper(request: HttpRequest, *args, **kwargs) -> HttpResponse:
        if request.user.role not in STAFF_ROLES:  # type: ignore[union-attr]
            raise PermissionDenied
        return view(request, *args, **kwargs)

    return wrapper
