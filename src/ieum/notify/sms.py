"""Text messages to a phone. `send_sms(to, text)` (the portal's sign-in codes) goes through the
delivery log (ieum.notify.services, without the text) and the provider named by
settings.IEUM_SMS_BACKEND:

- "console": writes a line to the log that a message went out, with the number masked and
  never the text (a message may hold a sign-in code);
- "memory": keeps messages in `outbox`, for tests;
- a dotted path: a provider with `deliver(Outgoing) -> message id`, such as
  "ieum.notify.providers.solapi.SolapiProvider" (text messages and KakaoTalk Alimtalk), or an
  older backend with `send(to, text)`.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from typing import Protocol

import phonenumbers

from ieum.notify.providers import Outgoing

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class Sms:
    to: str
    text: str
    channel: str = "sms"


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

    def deliver(self, message: Outgoing) -> str:
        logger.warning(
            "%s sent to %s", "Alimtalk" if message.channel == "kakao" else "SMS", mask_phone(message.to)
        )
        return ""


class MemoryBackend:
    def send(self, to: str, text: str) -> None:
        outbox.append(Sms(to=to, text=text))

    def deliver(self, message: Outgoing) -> str:
        outbox.append(Sms(to=message.to, text=message.text, channel=message.channel))
        return f"memory-{len(outbox)}"


BACKENDS: dict[str, type] = {"console": ConsoleBackend, "memory": MemoryBackend}


def send_sms(to: str, text: str) -> None:
    from ieum.notify.services import raw_sms_send

    raw_sms_send(to=to, text=text)
