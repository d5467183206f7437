from __future__ import annotations

import re

import pytest
from django.core import mail
from django.test import Client

from ieum.notify import sms


@pytest.fixture(autouse=True)
def outbox():
    """Text messages sent during the test (the memory backend; see the root conftest.py)."""
    sms.outbox.clear()
    yield sms.outbox
    sms.outbox.clear()


def last_code(text: str) -> str:
    match = re.search(r"\b(\d{6})\b", text)
    assert match, f"no code in {text!r}"
    return match.group(1)


def last_sms_code() -> str:
    return last_code(sms.outbox[-1].text)


def last_email_code() -> str:
    return last_code(mail.outbox[-1].body)


def sign_up(
    client: Client, *, name: str = "NGUYEN THI LAN", contact: str = "010-1234-5678", language: str = "en"
):
    response = client.post(
        "/my/signup/", {"name": name, "contact": contact, "language": language, "consent": "on"}
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    code = last_email_code() if "@" in contact else last_sms_code()
    return client.post("/my/signin/code/", {"code": code})
