"""Helpers for tests of staff pages (imported by conftest.py; no test runner needed to import)."""

from __future__ import annotations

from django.test import Client
from django_otp import DEVICE_ID_SESSION_KEY
from django_otp.plugins.otp_totp.models import TOTPDevice

from ieum.core.models import User


def login_staff(client: Client, user: User) -> TOTPDevice:
    """Sign `user` in as if they had typed their password and then a one-time code.

    Gives the user a confirmed authenticator (reusing one they have) and marks the session as
    verified by it, so pages behind `staff_required` and session API calls open. Works for any
    role; only staff roles need it.
    """
    device = TOTPDevice.objects.filter(user=user, confirmed=True).first()
    if device is None:
        device = TOTPDevice.objects.create(user=user, name="test authenticator", confirmed=True)
    client.force_login(user)
    session = client.session
    session[DEVICE_ID_SESSION_KEY] = device.persistent_id
    session.save()
    return device
