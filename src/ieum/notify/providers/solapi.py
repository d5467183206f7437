"""Solapi (솔라피, formerly CoolSMS) HTTP API v4: text messages and KakaoTalk Alimtalk.

Request (https://developers.solapi.com, "단일 메시지 발송"):
    POST {base}/messages/v4/send
    Authorization: HMAC-SHA256 apiKey=<key>, date=<ISO 8601 UTC>, salt=<random>, signature=<hex>
        signature = hex(HMAC-SHA256(api_secret, date + salt)); a fresh date and salt per request.
    {"message": {"to": "01012345678", "from": "<registered sender>", "text": "...",
                 "type": "ATA",                      # Alimtalk only; SMS/LMS chosen by length
                 "kakaoOptions": {"pfId": "...", "templateId": "...", "variables": {"#{name}": "..."}},
                 "customFields": {"ieumKey": "<our idempotency key>"}}}
Answer 200: {"messageId": "M4V...", "groupId": "...", "statusCode": "2000", ...};
errors: 4xx/5xx {"errorCode": "...", "errorMessage": "..."}.
Delivery reports come to our webhook (api.py) as a list of {"messageId", "statusCode"}:
"4000" received by the phone, other 3xxx/4xxx codes failures.

Retries (with exponential backoff) only where the message certainly was not accepted: no
connection, 429 or 5xx. When the request went out and no answer came (read timeout) it is not
resent, so a person never gets the same message twice; the delivery is marked failed for staff.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import hmac
import secrets
import time

import httpx
import phonenumbers
from django.conf import settings

from ieum.notify.providers import Outgoing, ProviderError

RETRY_STATUSES = {429, 500, 502, 503, 504}


def signature_header(
    api_key: str, api_secret: str, *, date: str | None = None, salt: str | None = None
) -> str:
    date = date or dt.datetime.now(dt.UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
    salt = salt or secrets.token_hex(16)
    signature = hmac.new(api_secret.encode(), (date + salt).encode(), hashlib.sha256).hexdigest()
    return f"HMAC-SHA256 apiKey={api_key}, date={date}, salt={salt}, signature={signature}"


def national_number(e164: str) -> str:
    """Solapi takes Korean numbers as 010…; other countries keep the international form."""
    parsed = phonenumbers.parse(e164, None)
    if parsed.country_code == 82:
        return "0" + str(parsed.national_number)
    return e164.lstrip("+")


class SolapiProvider:
    def __init__(
        self,
        *,
        base_url: str | None = None,
        api_key: str | None = None,
        api_secret: str | None = None,
        sender: str | None = None,
        pf_id: str | None = None,
        attempts: int = 3,
        backoff: float = 0.5,
        timeout: float = 10.0,
    ) -> None:
        self.base_url = (base_url or settings.IEUM_SOLAPI_BASE_URL).rstrip("/")
        self.api_key = api_key if api_key is not None else settings.IEUM_SOLAPI_API_KEY
        self.api_secret = api_secret if api_secret is not None else settings.IEUM_SOLAPI_API_SECRET
        self.sender = sender if sender is not None else settings.IEUM_SOLAPI_SENDER
        self.pf_id = pf_id if pf_id is not None else settings.IEUM_SOLAPI_PF_ID
        self.attempts = attempts
        self.backoff = backoff
        self.timeout = httpx.Timeout(timeout, connect=min(timeout, 5.0))

    def body(self, message: Outgoing) -> dict:
        payload: dict = {
            "to": national_number(message.to),
            "from": self.sender,
            "text": message.text,
            "customFields": {"ieumKey": message.key},
        }
        if message.channel == "kakao":
            payload["type"] = "ATA"
            payload["kakaoOptions"] = {
                "pfId": self.pf_id,
                "templateId": message.kakao_template_id,
                "variables": {f"#{{{k}}}": v for k, v in message.variables.items()},
            }
        return {"message": payload}

    def deliver(self, message: Outgoing) -> str:
        body = self.body(message)
        reason = "no attempt"
        with httpx.Client(timeout=self.timeout) as client:
            for attempt in range(self.attempts):
                if attempt:
                    time.sleep(self.backoff * 2 ** (attempt - 1))
                headers = {"Authorization": signature_header(self.api_key, self.api_secret)}
                try:
                    response = client.post(f"{self.base_url}/messages/v4/send", json=body, headers=headers)
                except (httpx.ConnectError, httpx.ConnectTimeout, httpx.PoolTimeout):
                    reason = "no connection to the provider"
                    continue
                except httpx.TimeoutException:
                    raise ProviderError(
                        "no answer from the provider; not resent so it cannot arrive twice", retryable=False
                    ) from None
                if response.status_code in RETRY_STATUSES:
                    reason = f"provider answered {response.status_code}"
                    continue
                return self._message_id(response)
        raise ProviderError(reason, retryable=True)

    @staticmethod
    def _message_id(response: httpx.Response) -> str:
        try:
            data = response.json()
        except ValueError:
            data = {}
        if response.status_code != 200 or not data.get("messageId"):
            code = data.get("errorCode") or data.get("statusCode") or response.status_code
            raise ProviderError(f"refused by the provider ({code})", retryable=False)
        return str(data["messageId"])
