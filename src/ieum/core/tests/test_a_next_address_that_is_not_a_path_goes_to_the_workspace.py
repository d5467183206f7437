"""After the one-time code, a `next` that is not a path of this site leads to the workspace
(a bare word used to reach redirect() as a view name and fail with a 500; found by the
bad-input sweep)."""

from __future__ import annotations

import pytest
from django.urls import reverse
from django_otp.oath import totp
from django_otp.plugins.otp_totp.models import TOTPDevice


@pytest.mark.parametrize("target", ["NaN", "https://evil.example/", "/workspace/cases/"])
def test_the_code_step_follows_only_a_path_of_this_site(client, counselor, target):
    device = TOTPDevice.objects.create(user=counselor, name="phone", confirmed=True)
    client.force_login(counselor)
    code = f"{totp(device.bin_key, step=device.step, t0=device.t0, digits=device.digits):06d}"
    response = client.post(reverse("two-factor-verify"), {"code": code, "next": target})
    expected = target if target.startswith("/") else reverse("workspace-home")
    assert response.status_code == 302 and response["Location"] == expected
