"""Sign-in steps after the password: the staff one-time code, and the lockout page (facts.md §5)."""

from __future__ import annotations

from typing import Any

from django import forms
from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.contrib.auth.forms import AuthenticationForm
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse, HttpResponseBase
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from django.views.decorators.cache import never_cache
from django_otp import login as otp_login
from django_otp.models import Device

from ieum.core import two_factor
from ieum.core.http import AuthedRequest
from ieum.core.models import User


class OneTimeCodeForm(forms.Form):
    code = forms.CharField(label=_("Code"), max_length=32, strip=True)


def _next_url(request: HttpRequest) -> str:
    target = request.POST.get("next") or request.GET.get("next") or ""
    # A path of this site only: redirect() would take any other word for a view name to
    # reverse and fail with a 500.
    safe = target.startswith("/") and url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    )
    return target if safe else reverse("workspace-home")


def _staff_only(request: AuthedRequest) -> None:
    if not request.user.is_staff_role:
        raise PermissionDenied


def _mark_verified(request: AuthedRequest, device: Device) -> None:
    otp_login(request, device)
    # A new session key for the session that now has more reach (no fixation across the step).
    request.session.cycle_key()


def _with_next(name: str, request: HttpRequest) -> str:
    return f"{reverse(name)}?{request.GET.urlencode()}" if request.GET else reverse(name)


@never_cache
@login_required
def two_factor_setup(request: AuthedRequest) -> HttpResponseBase:
    """First sign-in of a staff member: scan the QR code, then prove it with the first code."""
    _staff_only(request)
    if two_factor.has_authenticator(request.user):
        return redirect(_with_next("two-factor-verify", request))
    device = two_factor.authenticator_for_setup(user=request.user)
    form = OneTimeCodeForm(request.POST or None)
    if form.is_valid():
        codes = two_factor.authenticator_confirm(device=device, code=form.cleaned_data["code"])
        if codes is not None:
            _mark_verified(request, device)
            done = {"codes": codes, "next": _next_url(request)}
            return render(request, "core/two_factor_backup_codes.html", done)
        form.add_error("code", _("That code is not right. Check the time on your phone and try again."))
    context: dict[str, Any] = {
        "form": form,
        "qr_svg": two_factor.qr_code_svg(device),
        "secret": two_factor.secret_for_manual_entry(device),
        "next": _next_url(request),
    }
    return render(request, "core/two_factor_setup.html", context)


@never_cache
@login_required
def two_factor_verify(request: AuthedRequest) -> HttpResponseBase:
    """Every staff sign-in: the code from the authenticator app, or one backup code."""
    _staff_only(request)
    if not two_factor.has_authenticator(request.user):
        return redirect(_with_next("two-factor-setup", request))
    form = OneTimeCodeForm(request.POST or None)
    if form.is_valid():
        device = two_factor.second_factor_check(user=request.user, code=form.cleaned_data["code"])
        if device is not None:
            _mark_verified(request, device)
            return redirect(_next_url(request))
        form.add_error("code", _("That code is not right. Check the time on your phone and try again."))
    return render(request, "core/two_factor_verify.html", {"form": form, "next": _next_url(request)})


def attempted_username(request: HttpRequest, credentials: dict | None) -> str:
    """The user name django-axes records for a sign-in attempt, cut to the longest a user name
    can be: axes stored whatever was typed, and a longer one failed in the database (a 500)."""
    raw = (credentials or {}).get("username") or request.POST.get("username") or ""
    return str(raw)[: User._meta.get_field("username").max_length]


def login_locked_out(request: HttpRequest, *args: Any) -> HttpResponse:
    """django-axes calls this when a user name is locked at this address (AXES_LOCKOUT_CALLABLE)."""
    minutes = int(settings.AXES_COOLOFF_TIME.total_seconds() // 60)
    message = ngettext(
        "Too many failed sign-in attempts. Signing in to this account from here is blocked for "
        "%(minutes)s minute. Try again later, or ask an administrator to unlock it.",
        "Too many failed sign-in attempts. Signing in to this account from here is blocked for "
        "%(minutes)s minutes. Try again later, or ask an administrator to unlock it.",
        minutes,
    ) % {"minutes": minutes}
    messages.error(request, message)
    form = AuthenticationForm(request, initial={"username": request.POST.get("username", "")})
    context = {"form": form, "next": request.POST.get("next", ""), "locked_out": True}
    return render(request, "core/login.html", context, status=429)
