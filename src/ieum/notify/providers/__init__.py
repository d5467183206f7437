"""The provider interface for text messages and KakaoTalk Alimtalk.

A provider has `deliver(message: Outgoing) -> str` (the provider's message id) and raises
`ProviderError`. Older backends with only `send(to, text)` (ieum.notify.sms's console and memory
backends, or any dotted path in IEUM_SMS_BACKEND) are wrapped so they work unchanged.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Protocol


@dataclass(frozen=True)
class Outgoing:
    channel: str  # "sms" or "kakao"
    to: str  # E.164
    text: str
    key: str = ""  # our idempotency key, sent along so a report or duplicate can be traced
    kakao_template_id: str = ""
    variables: dict[str, str] = field(default_factory=dict)


class ProviderError(Exception):
    """The provider did not accept the message. `retryable`: it certainly was not accepted and a
    later attempt may work (no connection, 429, 5xx)."""

    def __init__(self, reason: str, *, retryable: bool) -> None:
        super().__init__(reason)
        self.reason = reason
        self.retryable = retryable


class Provider(Protocol):
    def deliver(self, message: Outgoing) -> str: ...


class _LegacyAdapter:
    def __init__(self, backend: Any) -> None:
        self.backend = backend

    def deliver(self, message: Outgoing) -> str:
        self.backend.send(message.to, message.text)
        return ""


def as_provider(backend: Any) -> Provider:
    return backend if hasattr(backend, "deliver") else _LegacyAdapter(backend)
