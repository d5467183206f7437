"""Five wrong passwords lock the user name at that address for 30 minutes (facts.md §5)."""

from __future__ import annotations

import datetime as dt

from axes.models import AccessAttempt
from django.urls import reverse
from django.utils import timezone

from ieum.core.models import User

RIGHT = {"username": "counselor", "password": "correct-horse-battery-9"}
WRONG = {"username": "counselor", "password": "not-the-password-1"}


def _fail(client, times: int, **extra):
    return [client.post(reverse("login"), WRONG, **extra) for _ in range(times)]


def test_four_failures_still_let_the_right_password_in(client, counselor: User):
    assert [r.status_code for r in _fail(client, 4)] == [200] * 4
    assert client.post(reverse("login"), RIGHT).status_code == 302


def test_the_fifth_failure_locks_the_account_with_a_clear_message(client, counselor: User):
    fifth = _fail(client, 5)[-1]
    assert fifth.status_code == 429
    assert "Too many failed sign-in attempts." in fifth.content.decode()
    assert "blocked for 30 minutes" in fifth.content.decode()


def test_a_locked_user_cannot_sign_in_even_with_the_right_password(client, counselor: User):
    _fail(client, 5)
    response = client.post(reverse("login"), RIGHT)
    assert response.status_code == 429
    assert "_auth_user_id" not in client.session


def test_the_lock_is_per_address(client, counselor: User):
    _fail(client, 5)
    assert client.post(reverse("login"), RIGHT, REMOTE_ADDR="10.0.0.9").status_code == 302


def test_the_lock_ends_after_thirty_minutes(client, counselor: User):
    _fail(client, 5)
    AccessAttempt.objects.update(attempt_time=timezone.now() - dt.timedelta(minutes=31))
    assert client.post(reverse("login"), RIGHT).status_code == 302
