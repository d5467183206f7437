"""A wrong one-time code opens nothing, at setup and at sign-in."""

from __future__ import annotations

from django.urls import reverse
from django_otp.oath import totp
from django_otp.plugins.otp_totp.models import TOTPDevice

from ieum.core.models import User


def _wrong_code(device: TOTPDevice) -> str:
    right = totp(device.bin_key, step=device.step, t0=device.t0, digits=device.digits)
    return f"{(right + 500_000) % 1_000_000:06d}"


def test_a_wrong_code_at_sign_in_is_refused(client, counselor: User):
    device = TOTPDevice.objects.create(user=counselor, name="phone", confirmed=True)
    client.force_login(counselor)
    response = client.post(reverse("two-factor-verify"), {"code": _wrong_code(device)})
    assert response.status_code == 200
    assert "That code is not right." in response.content.decode()
    assert client.get(reverse("workspace-home")).status_code == 302
    assert client.get("/api/v1/residents/?q=nguyen").status_code == 401


def test_a_wrong_first_code_does_not_confirm_the_device(client, counselor: User):
    client.force_login(counselor)
    client.get(reverse("two-factor-setup"))
    device = TOTPDevice.objects.get(user=counselor)
    response = client.post(reverse("two-factor-setup"), {"code": _wrong_code(device)})
    assert response.status_code == 200
    assert "That code is not right." in response.content.decode()
    device.refresh_from_db()
    assert not device.confirmed
    assert client.get(reverse("workspace-home"))["Location"].startswith(reverse("two-factor-setup"))


def test_letters_are_not_taken_for_a_code(client, counselor: User):
    TOTPDevice.objects.create(user=counselor, name="phone", confirmed=True)
    client.force_login(counselor)
    assert client.post(reverse("two-factor-verify"), {"code": "abcdefgh"}).status_code == 200
    assert client.get(reverse("workspace-home")).status_code == 302
