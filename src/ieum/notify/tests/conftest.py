from __future__ import annotations

import hashlib
import hmac
import json
import re
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from ieum.notify import sms

SECRET = "test-secret"


@pytest.fixture(autouse=True)
def outbox() -> Iterator[list]:
    sms.outbox.clear()
    yield sms.outbox
    sms.outbox.clear()


@dataclass
class FakeSolapi:
    """Solapi's /messages/v4/send on loopback. `script` holds the answers to give, in order
    (status, delay seconds); then 200. `accepted` lists the messages it accepted."""

    url: str = ""
    script: list[tuple[int, float]] = field(default_factory=list)
    requests: list[dict] = field(default_factory=list)
    accepted: list[dict] = field(default_factory=list)
    bad_signatures: int = 0


def _signature_ok(header: str) -> bool:
    parts = dict(re.findall(r"(\w+)=([^,\s]+)", header))
    expected = hmac.new(
        SECRET.encode(), (parts.get("date", "") + parts.get("salt", "")).encode(), hashlib.sha256
    )
    return header.startswith("HMAC-SHA256 ") and hmac.compare_digest(
        expected.hexdigest(), parts.get("signature", "")
    )


@pytest.fixture
def fake_solapi() -> Iterator[FakeSolapi]:
    state = FakeSolapi()

    class Handler(BaseHTTPRequestHandler):
        def do_POST(self):  # noqa: N802
            body = json.loads(self.rfile.read(int(self.headers["Content-Length"])))
            state.requests.append(body)
            status, delay = state.script.pop(0) if state.script else (200, 0.0)
            if not _signature_ok(self.headers.get("Authorization", "")):
                state.bad_signatures += 1
                status = 401
            time.sleep(delay)
            if status == 200:
                state.accepted.append(body)
                answer = {"messageId": f"M4V{len(state.accepted):04d}", "groupId": "G1", "statusCode": "2000"}
            else:
                answer = {"errorCode": "Failure", "errorMessage": "test failure"}
            payload = json.dumps(answer).encode()
            try:
                self.send_response(status)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(payload)))
                self.end_headers()
                self.wfile.write(payload)
            except (BrokenPipeError, ConnectionResetError):
                pass

        def log_message(self, *args):
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    state.url = f"http://127.0.0.1:{server.server_address[1]}"
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield state
    server.shutdown()
    server.server_close()


@pytest.fixture
def solapi_settings(settings, fake_solapi):
    settings.IEUM_SMS_BACKEND = "ieum.notify.tests.conftest.FastSolapi"
    settings.IEUM_SOLAPI_BASE_URL = fake_solapi.url
    settings.IEUM_SOLAPI_API_KEY = "NCSTESTKEY"
    settings.IEUM_SOLAPI_API_SECRET = SECRET
    settings.IEUM_SOLAPI_SENDER = "15885949"
    settings.IEUM_SOLAPI_PF_ID = "KA01PF"
    return settings


def _fast():
    from ieum.notify.providers.solapi import SolapiProvider

    class Fast(SolapiProvider):
        def __init__(self) -> None:
            super().__init__(backoff=0.01, timeout=0.5)

    return Fast


FastSolapi = _fast()


@pytest.fixture
def resident(db):
    from ieum.residents.services import ResidentData, resident_create

    return resident_create(
        data=ResidentData(name="NGUYEN THI LAN", phone="010-1234-5678", preferred_language="vi"), actor=None
    )


@pytest.fixture
def resident_ne(db):
    from ieum.residents.services import ResidentData, resident_create

    return resident_create(
        data=ResidentData(
            name="SITA GURUNG", name_native="सीता गुरुङ", phone="010-2222-3333", preferred_language="ne"
        ),
        actor=None,
    )
