"""First sign-in of a staff member: a QR code and the secret as text, confirmed by a first code."""

from __future__ import annotations

from django.urls import reverse
from django_otp.oath import totp
from django_otp.plugins.otp_static.models import StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

from ieum.core.models import User
from ieum.core.two_factor import secret_for_manual_entry


def _code(device: TOTPDevice) -> str:
    return f"{totp(device.bin_key, step=device.step, t0=device.t0, digits=device.digits):06d}"


def test_the_setup_page_shows_a_qr_code_and_the_secret_as_text(client, counselor: User):
    client.force_login(counselor)
    response = client.get(reverse("two-factor-setup"))
    assert response.status_code == 200
    device = TOTPDevice.objects.get(user=counselor, confirmed=False)
    page = response.content.decode()
    assert '<svg width="' in page and 'class="totp-qr"' in page
    assert secret_for_manual_entry(device) in page
    assert "no-cache" in response["Cache-Control"]


def test_the_qr_code_carries_the_otpauth_uri(counselor: User):
    device = TOTPDevice.objects.create(user=counselor, name="phone", confirmed=False)
    assert device.config_url.startswith("otpauth://totp/Ieum%3Acounselor?secret=")
    assert "issuer=Ieum" in device.config_url


def test_reloading_the_page_keeps_the_same_secret(client, counselor: User):
    client.force_login(counselor)
    client.get(reverse("two-factor-setup"))
    client.get(reverse("two-factor-setup"))
    assert TOTPDevice.objects.filter(user=counselor).count() == 1


def test_the_first_right_code_confirms_the_device_and_shows_backup_codes(client, counselor: User):
    client.force_login(counselor)
    client.get(reverse("two-factor-setup"))
    device = TOTPDevice.objects.get(user=counselor)
    response = client.post(reverse("two-factor-setup"), {"code": _code(device), "next": "/workspace/"})
    assert response.status_code == 200
    device.refresh_from_db()
    assert device.confirmed
    codes = StaticToken.objects.filter(device__user=counselor).values_list("token", flat=True)
    assert len(codes) == 10
    assert all(code in response.content.decode() for code in codes)
    assert client.get(reverse("workspace-home")).status_code == 200


def test_a_user_who_has_a_device_cannot_replace_it_without_a_code(client, counselor: User):
    TOTPDevice.objects.create(user=counselor, name="phone", confirmed=True)
    client.force_login(counselor)
    response = client.get(reverse("two-factor-setup"))
    assert response.status_code == 302
    assert response["Location"] == reverse("two-factor-verify")
    assert TOTPDevice.objects.filter(user=counselor).count() == 1
