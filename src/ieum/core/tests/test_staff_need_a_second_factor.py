"""Every staff role passes a one-time code before the workspace or the session API (facts.md §5)."""

from __future__ import annotations

import pytest
from django.urls import reverse
from django_otp import DEVICE_ID_SESSION_KEY
from django_otp.plugins.otp_totp.models import TOTPDevice

from ieum.core.models import ApiToken, User
from ieum.core.models.users import STAFF_ROLES
from ieum.core.testing import login_staff


def make_user(username: str, role: str, **extra) -> User:
    return User.objects.create_user(username=username, password="correct-horse-battery-9", role=role, **extra)


@pytest.mark.parametrize("role", sorted(STAFF_ROLES))
def test_a_staff_user_without_a_device_is_sent_to_set_one_up(client, db, role):
    client.force_login(make_user("staff", role))
    response = client.get(reverse("workspace-home"))
    assert response.status_code == 302
    assert response["Location"] == reverse("two-factor-setup") + "?next=%2Fworkspace%2F"


def test_a_staff_user_with_a_device_is_asked_for_a_code(client, counselor: User):
    TOTPDevice.objects.create(user=counselor, name="phone", confirmed=True)
    client.force_login(counselor)
    response = client.get(reverse("workspace-home"))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("two-factor-verify") + "?next=")


def test_an_unconfirmed_device_does_not_count(client, counselor: User):
    TOTPDevice.objects.create(user=counselor, name="phone", confirmed=False)
    client.force_login(counselor)
    response = client.get(reverse("workspace-home"))
    assert response["Location"].startswith(reverse("two-factor-setup"))


def test_a_staff_session_without_a_code_cannot_call_the_api(client, counselor: User):
    client.force_login(counselor)
    response = client.get("/api/v1/residents/?q=nguyen")
    assert response.status_code == 401
    assert response.json()["detail"] == "Please confirm your sign-in with a one-time code first."


def test_a_verified_staff_session_reaches_the_workspace_and_the_api(client, counselor: User):
    login_staff(client, counselor)
    assert client.get(reverse("workspace-home")).status_code == 200
    assert client.get("/api/v1/residents/?q=nguyen").status_code == 200


def test_a_session_verified_by_another_users_device_does_not_count(client, counselor: User, officer: User):
    device = TOTPDevice.objects.create(user=officer, name="phone", confirmed=True)
    TOTPDevice.objects.create(user=counselor, name="phone", confirmed=True)
    client.force_login(counselor)
    session = client.session
    session[DEVICE_ID_SESSION_KEY] = device.persistent_id
    session.save()
    assert client.get(reverse("workspace-home"))["Location"].startswith(reverse("two-factor-verify"))


def test_an_integration_token_needs_no_code(client, counselor: User):
    _, key = ApiToken.issue(user=counselor, name="cti")
    response = client.get("/api/v1/residents/?q=nguyen", HTTP_AUTHORIZATION=f"Bearer {key}")
    assert response.status_code == 200


def test_the_admin_site_needs_a_code_too(client, db):
    admin = make_user("root", "admin", is_staff=True, is_superuser=True)
    client.force_login(admin)
    assert client.get("/admin/").status_code == 302
    login_staff(client, admin)
    assert client.get("/admin/").status_code == 200
