"""Text messages to a phone. `send_sms(to, text)` hands the message to the backend named by
settings.IEUM_SMS_BACKEND:

- "console": writes a line to the log that a message went out, with the number masked and
  never the text (a message may hold a sign-in code);
- "memory": keeps messages in `outbox`, for tests.

The real Korean SMS / KakaoTalk Alimtalk provider comes later: write a class with
`send(to, text)` and name it by dotted path in IEUM_SMS_BACKEND
(e.g. "ieum.notify.kakao.AlimtalkBackend"); nothing else changes.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from typing import Protocol

import phonenumbers
from django.conf import settings
from django.utils.module_loading import import_string

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class Sms:
    to: str
    text: str


class SmsBackend(Protocol):
    def send(self, to: str, text: str) -> None: ...


# Messages "sent" by the memory backend; tests read and clear it.
outbox: list[Sms] = []


def mask_phone(number: str) -> str:
    """ "+82…***": the country calling code only, so a log line names no one."""
    try:
        code = phonenumbers.parse(number, None).country_code
    except phonenumbers.NumberParseException:
        return "***"
    return f"+{code}…***"


class ConsoleBackend:
    def send(self, to: str, text: str) -> None:
        logger.warning("SMS sent to %s", mask_phone(to))


class MemoryBackend:
    def send(self, to: str, text: str) -> None:
        outbox.append(Sms(to=to, text=text))


_BACKENDS: dict[str, type] = {"console": ConsoleBackend, "memory": MemoryBackend}


def get_backend() -> SmsBackend:
    name = getattr(settings, "IEUM_SMS_BACKEND", "console")
    backend_class = _BACKENDS.get(name) or import_string(name)
    return backend_class()


def send_sms(to: str, text: str) -> None:
    get_backend().send(to, text)
