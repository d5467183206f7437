"""Second factor for staff: a one-time code (TOTP) after the password (facts.md §5, PIPA Art. 29).

Every staff role must pass a code before any workspace page or staff API call; residents,
employers and partners are not asked. The rule lives in `needs_second_factor`, which both
`staff_required` and the API's session authentication call.
"""

from __future__ import annotations

from base64 import b32encode
from typing import Any
from urllib.parse import urlencode

import segno
from django.db import transaction
from django.http import HttpRequest
from django.urls import reverse
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext as _
from django_otp import verify_token
from django_otp.models import Device
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

from ieum.core.models import User
from ieum.core.models.users import STAFF_ROLES

BACKUP_CODE_COUNT = 10


def needs_second_factor(user: Any) -> bool:
    """A signed-in staff account whose session has not yet passed a one-time code."""
    if not user.is_authenticated:
        return False
    if getattr(user, "role", None) not in STAFF_ROLES:
        return False
    # OTPMiddleware gives request.user `is_verified()`; a user without it was never verified.
    is_verified = getattr(user, "is_verified", None)
    return not (is_verified is not None and is_verified())


def has_authenticator(user: User) -> bool:
    return TOTPDevice.objects.filter(user=user, confirmed=True).exists()


def second_factor_url(request: HttpRequest) -> str:
    """Where an unverified staff user goes: set up an authenticator app, or enter its code."""
    user: Any = request.user
    name = "two-factor-verify" if has_authenticator(user) else "two-factor-setup"
    return f"{reverse(name)}?{urlencode({'next': request.get_full_path()})}"


def authenticator_for_setup(*, user: User) -> TOTPDevice:
    """The user's unconfirmed authenticator; made once, so reloading the page keeps the secret."""
    device = TOTPDevice.objects.filter(user=user, confirmed=False).order_by("pk").first()
    if device is None:
        device = TOTPDevice.objects.create(user=user, name="authenticator app", confirmed=False)
    return device


@transaction.atomic
def authenticator_confirm(*, device: TOTPDevice, code: str) -> list[str] | None:
    """Confirm the device with its first code; returns fresh backup codes, or None if the code is wrong."""
    if verify_token(device.user, device.persistent_id, clean_code(code)) is None:
        return None
    device.confirmed = True
    device.save(update_fields=["confirmed"])
    TOTPDevice.objects.filter(user=device.user, confirmed=False).delete()
    return backup_codes_issue(user=device.user)


@transaction.atomic
def backup_codes_issue(*, user: User) -> list[str]:
    """One-use codes for a lost phone; issuing new ones voids the old."""
    StaticDevice.objects.filter(user=user).delete()
    device = StaticDevice.objects.create(user=user, name="backup codes")
    codes = [StaticToken.random_token() for _ in range(BACKUP_CODE_COUNT)]
    StaticToken.objects.bulk_create(StaticToken(device=device, token=code) for code in codes)
    return codes


def second_factor_check(*, user: User, code: str) -> Device | None:
    """The device that accepts the code: the authenticator app, else a one-use backup code.

    Each device throttles its own failures (django-otp doubles the wait after each wrong code), so
    a code goes only to the device whose codes look like it.
    """
    code = clean_code(code)
    devices: Any = StaticDevice.objects.filter(user=user, confirmed=True)
    if code.isdigit() and len(code) == 6:
        devices = TOTPDevice.objects.filter(user=user, confirmed=True)
    for device in devices:
        verified = verify_token(user, device.persistent_id, code)
        if verified is not None:
            return verified
    return None


def clean_code(code: str) -> str:
    # People type codes with spaces or dashes; backup codes are stored in lower case.
    return "".join(ch for ch in code if ch.isalnum()).lower()


def secret_for_manual_entry(device: TOTPDevice) -> str:
    secret = b32encode(device.bin_key).decode("ascii").rstrip("=")
    return " ".join(secret[i : i + 4] for i in range(0, len(secret), 4))


def qr_code_svg(device: TOTPDevice) -> SafeString:
    """The otpauth:// URI as an inline SVG QR code (no script, no inline style: fits the CSP)."""
    qr = segno.make(device.config_url, error="m")
    svg = qr.svg_inline(scale=5, border=4, light="#fff", svgclass="totp-qr", title=_("QR code to scan"))
    # segno writes only path data and escapes the title itself; nothing here comes from a user.
    return mark_safe(svg)  # noqa: S308  # nosec B308 B703
