"""Machine translation behind one small interface, so chat and the knowledge base do not care which
engine the center runs. No Django import here except in `configured_translator`, which reads
settings (IEUM_TRANSLATION_PROVIDER = libretranslate | papago | none).

Adapters: a self-hosted LibreTranslate server and NAVER Cloud's Papago API (httpx, with a
timeout). Every failure becomes a TranslationFailed with a short reason code, so the caller keeps
the message untranslated and marks why — a chat never stops because a translator is down.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Protocol

import httpx

# Reasons stored with an untranslated message (the UI explains each in the reader's language).
NOT_CONFIGURED = "not_configured"
TIMEOUT = "timeout"
ERROR = "error"
UNSUPPORTED = "unsupported"


class TranslationFailed(Exception):
    def __init__(self, reason: str, detail: str = "") -> None:
        super().__init__(f"{reason}: {detail}" if detail else reason)
        self.reason = reason


@dataclass(frozen=True)
class Translated:
    text: str
    engine: str  # "LibreTranslate", "Papago"
    version: str  # as the operator states it, e.g. "1.6"

    @property
    def engine_label(self) -> str:
        return f"{self.engine} {self.version}".strip()


class Translator(Protocol):
    engine: str
    version: str

    def translate(self, text: str, *, source: str, target: str) -> Translated: ...


class NoTranslator:
    """No provider configured: chat works untranslated and says so."""

    engine = ""
    version = ""

    def translate(self, text: str, *, source: str, target: str) -> Translated:
        raise TranslationFailed(NOT_CONFIGURED)


def _post(url: str, *, timeout: float, **kwargs) -> dict:
    try:
        response = httpx.post(url, timeout=timeout, **kwargs)
    except httpx.TimeoutException as exc:
        raise TranslationFailed(TIMEOUT, type(exc).__name__) from None
    except httpx.HTTPError as exc:
        raise TranslationFailed(ERROR, type(exc).__name__) from None
    if response.status_code != 200:
        raise TranslationFailed(ERROR, f"HTTP {response.status_code}")
    try:
        body = response.json()
    except ValueError:
        raise TranslationFailed(ERROR, "not JSON") from None
    if not isinstance(body, dict):
        raise TranslationFailed(ERROR, "unexpected answer")
    return body


class LibreTranslate:
    """A self-hosted LibreTranslate server: POST /translate with q, source, target, format, api_key."""

    engine = "LibreTranslate"
    # Our codes → LibreTranslate's (Argos models name Filipino by Tagalog's code).
    CODES = {"zh-hans": "zh-Hans", "fil": "tl"}

    def __init__(self, *, url: str, api_key: str = "", timeout: float = 5.0, version: str = "") -> None:
        self.url = url.rstrip("/") + "/translate"
        self.api_key = api_key
        self.timeout = timeout
        self.version = version

    def translate(self, text: str, *, source: str, target: str) -> Translated:
        payload = {
            "q": text,
            "source": self.CODES.get(source, source) if source else "auto",
            "target": self.CODES.get(target, target),
            "format": "text",
        }
        if self.api_key:
            payload["api_key"] = self.api_key
        body = _post(self.url, timeout=self.timeout, json=payload)
        translated = body.get("translatedText")
        if not isinstance(translated, str):
            raise TranslationFailed(ERROR, "no translatedText")
        return Translated(translated, self.engine, self.version)


class Papago:
    """NAVER Cloud Papago NMT: form fields source/target/text, the key pair in two headers."""

    engine = "Papago"
    DEFAULT_URL = "https://papago.apigw.ntruss.com/nmt/v1/translation"
    # Papago's codes for the languages it has; Khmer, Nepali, Sinhala, Filipino, Uzbek and Burmese
    # it does not translate (those messages stay untranslated, marked "unsupported").
    CODES = {"ko": "ko", "en": "en", "vi": "vi", "zh-hans": "zh-CN", "id": "id", "th": "th", "ru": "ru"}

    def __init__(
        self, *, key_id: str, key: str, url: str = "", timeout: float = 5.0, version: str = ""
    ) -> None:
        self.url = url or self.DEFAULT_URL
        self.key_id = key_id
        self.key = key
        self.timeout = timeout
        self.version = version

    def translate(self, text: str, *, source: str, target: str) -> Translated:
        if target not in self.CODES or (source and source not in self.CODES):
            raise TranslationFailed(UNSUPPORTED, f"{source}->{target}")
        body = _post(
            self.url,
            timeout=self.timeout,
            headers={"X-NCP-APIGW-API-KEY-ID": self.key_id, "X-NCP-APIGW-API-KEY": self.key},
            data={"source": self.CODES.get(source, "auto"), "target": self.CODES[target], "text": text},
        )
        try:
            translated = body["message"]["result"]["translatedText"]
        except (KeyError, TypeError):
            raise TranslationFailed(ERROR, "no translatedText") from None
        if not isinstance(translated, str):
            raise TranslationFailed(ERROR, "no translatedText")
        return Translated(translated, self.engine, self.version)


def configured_translator() -> Translator:
    """The translator the settings choose (read on each call, so tests can override settings)."""
    from django.conf import settings

    provider = getattr(settings, "IEUM_TRANSLATION_PROVIDER", "none")
    timeout = getattr(settings, "IEUM_TRANSLATION_TIMEOUT", 5.0)
    version = getattr(settings, "IEUM_TRANSLATION_ENGINE_VERSION", "")
    if provider == "libretranslate":
        return LibreTranslate(
            url=settings.IEUM_TRANSLATION_URL,
            api_key=settings.IEUM_TRANSLATION_API_KEY,
            timeout=timeout,
            version=version,
        )
    if provider == "papago":
        return Papago(
            key_id=settings.IEUM_TRANSLATION_KEY_ID,
            key=settings.IEUM_TRANSLATION_API_KEY,
            url=settings.IEUM_TRANSLATION_URL,
            timeout=timeout,
            version=version,
        )
    return NoTranslator()


def translate_or_fail(text: str, *, source: str, target: str) -> Translated:
    """Translate with the configured engine; TranslationFailed on any failure."""
    if not text.strip():
        return Translated(text, "", "")
    return configured_translator().translate(text, source=source, target=target)
