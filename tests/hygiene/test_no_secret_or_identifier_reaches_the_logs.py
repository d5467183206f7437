"""No secret or personal identifier is written to a log.

Everything is logged at DEBUG and goes through the handlers settings.LOGGING configured (with their
filters), whose streams are swapped for a buffer: that is what would land in a log file. The raw
records, before any filter, are checked too: the redacting filter is a net, not a licence to log.
"""

from __future__ import annotations

import io
import logging
from collections.abc import Iterator

import pytest
from django.conf import settings

from ieum.core.models import ApiToken
from ieum.residents import importing
from ieum.residents.tests.import_files import ROWS, csv_bytes, reference

ARN, ARN_DIGITS = "900102-6123457", "9001026123457"
PASSPORT = "M12345678"
PHONE, PHONE_E164 = "010-9876-5432", "+821098765432"
PASSWORD = "correct-horse-battery-9"
WRONG_PASSWORD = "Wrong-Horse-Battery-77"
LOGGERS = ["", "django", "django.request", "django.server", "django.security", "django.db", "axes", "ieum"]


class Records(logging.Handler):
    def __init__(self) -> None:
        super().__init__(logging.DEBUG)
        self.records: list[logging.LogRecord] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.records.append(record)


@pytest.fixture
def logs() -> Iterator[tuple[io.StringIO, Records]]:
    written, raw = io.StringIO(), Records()
    loggers = [logging.getLogger(name) for name in LOGGERS]
    handlers = {h for lg in loggers for h in lg.handlers if isinstance(h, logging.StreamHandler)}
    assert handlers, "settings.LOGGING configured no stream handler"
    saved = [(h, h.stream, h.level) for h in handlers]
    levels = [(lg, lg.level) for lg in loggers]
    for handler in handlers:
        handler.setStream(written)
        handler.setLevel(logging.DEBUG)
    for lg in loggers:
        lg.setLevel(logging.DEBUG)
    # First in line on the root logger, so it sees each record before any handler's filter does.
    logging.getLogger().handlers.insert(0, raw)
    try:
        yield written, raw
    finally:
        logging.getLogger().removeHandler(raw)
        for handler, stream, level in saved:
            handler.setStream(stream)
            handler.setLevel(level)
        for lg, level in levels:
            lg.setLevel(level)


def _secrets(token: str) -> list[str]:
    keys = [k.split(":", 1)[-1] for k in settings.IEUM_ENCRYPTION_KEYS.split(",")]
    values = [ARN, ARN_DIGITS, PASSPORT, PHONE, PHONE_E164, PASSWORD, WRONG_PASSWORD, token]
    return [*values, *keys, settings.IEUM_BLIND_INDEX_KEY, settings.SECRET_KEY]


def _work(client, counselor, token: str) -> None:
    auth = {"HTTP_AUTHORIZATION": f"Bearer {token}"}
    created = client.post(
        "/api/v1/residents/",
        {"name": "LE THI HOA", "arn": ARN, "passport": PASSPORT, "passport_country": "VN", "phone": PHONE},
        content_type="application/json",
        **auth,
    )
    assert created.status_code == 201, created.content
    resident_id = created.json()["resident"]["id"]
    revealed = client.post(
        f"/api/v1/residents/{resident_id}/reveal",
        {"kind": "arn", "purpose": "identity check"},
        content_type="application/json",
        **auth,
    )
    assert revealed.json()["value"].replace("-", "") == ARN_DIGITS
    client.post("/api/v1/residents/lookup", {"arn": ARN}, content_type="application/json", **auth)
    client.get(f"/api/v1/residents/?q={PHONE}", **auth)
    client.get(f"/api/v1/residents/?q={ARN}", HTTP_AUTHORIZATION=f"Bearer {token}x")  # a wrong token: 401
    client.post("/accounts/login/", {"username": counselor.username, "password": WRONG_PASSWORD})
    bad_row = ["LE THI HOA", "", "1990-01-02", "F", "VN", "12-34", "", ARN, "", "", "vi"]
    content = csv_bytes([*ROWS, bad_row])
    batch = importing.import_preview(file_name="list.csv", content=content, actor=counselor)
    importing.import_commit(batch=batch, content=content, actor=counselor)


@pytest.mark.django_db
def test_no_secret_or_identifier_reaches_the_logs(client, counselor, logs):
    written, raw = logs
    reference()
    token = ApiToken.issue(user=counselor, name="cti")[1]
    logging.getLogger("ieum.probe").debug("probe: the configured handlers write here")

    _work(client, counselor, token)

    output = written.getvalue()
    assert "probe: the configured handlers write here" in output
    found = [s for s in _secrets(token) if s in output]
    assert not found, f"written to the log: {found}\n{output}"
    logged = "\n".join(f"{r.name}: {r.getMessage()} {r.args!r}" for r in raw.records)
    found = [s for s in _secrets(token) if s in logged]
    assert not found, f"logged (before the redacting filter): {found}\n{logged}"
