"""A staff session ends after 30 idle minutes; every session ends SESSION_COOKIE_AGE after sign-in."""

from __future__ import annotations

import time

from django.urls import reverse

from ieum.core.middleware import SEEN_KEY, STARTED_KEY
from ieum.core.models import User
from ieum.core.testing import login_staff


def _age_session(client, key: str, seconds: int) -> None:
    session = client.session
    session[key] = int(time.time()) - seconds
    session.save()


def test_a_staff_session_idle_for_thirty_minutes_is_signed_out(client, counselor: User):
    login_staff(client, counselor)
    assert client.get(reverse("workspace-home")).status_code == 200
    _age_session(client, SEEN_KEY, 31 * 60)
    response = client.get(reverse("workspace-home"), follow=True)
    assert response.redirect_chain[-1][0].startswith(reverse("login"))
    assert "You were signed out after 30 minutes without activity." in response.content.decode()


def test_a_staff_session_in_use_stays_signed_in(client, counselor: User):
    login_staff(client, counselor)
    client.get(reverse("workspace-home"))
    _age_session(client, SEEN_KEY, 29 * 60)
    assert client.get(reverse("workspace-home")).status_code == 200


def test_a_busy_session_still_ends_after_the_absolute_limit(client, counselor: User, settings):
    login_staff(client, counselor)
    client.get(reverse("workspace-home"))
    _age_session(client, STARTED_KEY, settings.SESSION_COOKIE_AGE + 60)
    assert client.get(reverse("workspace-home")).status_code == 302


def test_a_resident_session_has_no_idle_limit(client, resident_user: User):
    client.force_login(resident_user)
    client.get("/")
    _age_session(client, SEEN_KEY, 31 * 60)
    client.get("/")
    assert "_auth_user_id" in client.session
