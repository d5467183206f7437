from __future__ import annotations

import datetime as dt

import pytest
from django.utils import timezone

from ieum.portal.models import SignInCode
from ieum.portal.services import CodeResult, sign_in_code_check
from ieum.portal.tests.conftest import last_sms_code

pytestmark = pytest.mark.django_db

SIGNUP = {"name": "Lan", "contact": "010-1234-5678", "language": "en", "consent": "on"}


def _wrong(code: str) -> str:
    return f"{(int(code) + 1) % 10**6:06d}"


def test_a_wrong_code_is_refused(client):
    client.post("/my/signup/", SIGNUP)
    response = client.post("/my/signin/code/", {"code": _wrong(last_sms_code())})
    assert response.status_code == 200
    assert b"That code is not right." in response.content
    assert "_auth_user_id" not in client.session


def test_the_sixth_try_is_locked_out_even_with_the_right_code(client):
    client.post("/my/signup/", SIGNUP)
    code = last_sms_code()
    for _ in range(5):
        client.post("/my/signin/code/", {"code": _wrong(code)})
    response = client.post("/my/signin/code/", {"code": code})
    assert b"entered wrongly too many times" in response.content
    assert "_auth_user_id" not in client.session
    assert SignInCode.objects.get().tries == 5


def test_an_expired_code_is_refused(client):
    client.post("/my/signup/", SIGNUP)
    SignInCode.objects.update(expires_at=timezone.now() - dt.timedelta(seconds=1))
    response = client.post("/my/signin/code/", {"code": last_sms_code()})
    assert b"This code has expired." in response.content
    assert "_auth_user_id" not in client.session


def test_a_used_code_does_not_work_twice(client):
    client.post("/my/signup/", SIGNUP)
    code = last_sms_code()
    row = SignInCode.objects.get()
    assert sign_in_code_check(code_id=row.pk, code=code) is CodeResult.OK
    assert sign_in_code_check(code_id=row.pk, code=code) is CodeResult.USED


def test_a_new_code_waits_a_minute(client, outbox):
    client.post("/my/signup/", SIGNUP)
    response = client.post("/my/signin/code/", {"action": "resend"}, follow=True)
    assert b"Please wait a minute" in response.content
    assert len(outbox) == 1

    SignInCode.objects.update(created_at=timezone.now() - dt.timedelta(seconds=61))
    response = client.post("/my/signin/code/", {"action": "resend"}, follow=True)
    assert b"We sent you a new code." in response.content
    assert len(outbox) == 2
    assert client.post("/my/signin/code/", {"code": last_sms_code()})["Location"] == "/my/"
