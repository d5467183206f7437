"""Password, then the code from the authenticator app (or one backup code), then the workspace."""

from __future__ import annotations

from django.urls import reverse
from django_otp.oath import totp
from django_otp.plugins.otp_totp.models import TOTPDevice

from ieum.core.models import User
from ieum.core.two_factor import backup_codes_issue


def _code(device: TOTPDevice) -> str:
    return f"{totp(device.bin_key, step=device.step, t0=device.t0, digits=device.digits):06d}"


def test_a_full_sign_in_asks_for_the_password_then_the_code(client, counselor: User):
    device = TOTPDevice.objects.create(user=counselor, name="phone", confirmed=True)
    response = client.post(
        reverse("login"), {"username": "counselor", "password": "correct-horse-battery-9"}, follow=True
    )
    assert response.redirect_chain[-1][0] == reverse("two-factor-verify") + "?next=%2Fworkspace%2F"
    response = client.post(response.redirect_chain[-1][0], {"code": _code(device), "next": "/workspace/"})
    assert response.status_code == 302 and response["Location"] == "/workspace/"
    assert client.get(reverse("workspace-home")).status_code == 200
    assert client.get("/api/v1/residents/?q=nguyen").status_code == 200


def test_the_code_step_gives_the_session_a_new_key(client, counselor: User):
    device = TOTPDevice.objects.create(user=counselor, name="phone", confirmed=True)
    client.force_login(counselor)
    before = client.session.session_key
    client.post(reverse("two-factor-verify"), {"code": _code(device)})
    assert client.session.session_key != before


def test_a_backup_code_works_once(client, counselor: User):
    TOTPDevice.objects.create(user=counselor, name="phone", confirmed=True)
    code = backup_codes_issue(user=counselor)[0]
    client.force_login(counselor)
    assert client.post(reverse("two-factor-verify"), {"code": code.upper()}).status_code == 302
    assert client.get(reverse("workspace-home")).status_code == 200

    client.logout()
    client.force_login(counselor)
    assert client.post(reverse("two-factor-verify"), {"code": code}).status_code == 200
    assert client.get(reverse("workspace-home")).status_code == 302


def test_a_next_address_on_another_site_is_not_followed(client, counselor: User):
    device = TOTPDevice.objects.create(user=counselor, name="phone", confirmed=True)
    client.force_login(counselor)
    response = client.post(
        reverse("two-factor-verify"), {"code": _code(device), "next": "https://evil.example/"}
    )
    assert response["Location"] == reverse("workspace-home")
