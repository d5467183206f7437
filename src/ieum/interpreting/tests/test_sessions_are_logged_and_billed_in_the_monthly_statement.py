"""A logged session carries response time, duration and outcome; the monthly statement sums
sessions, minutes and the amount by rate, as a page, an XLSX and a PDF (both read back)."""

from __future__ import annotations

import datetime as dt
import io

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone
from openpyxl import load_workbook
from pypdf import PdfReader

from ieum.core.testing import client_for
from ieum.interpreting.models import InterpreterRequest
from ieum.interpreting.services import (
    interpreter_offer_accept,
    interpreter_request_create,
    interpreter_session_log,
)
from ieum.interpreting.tests.conftest import make_interpreter


def _dispatched(interpreter, counselor, **kw):
    request = interpreter_request_create(language="vi", modality="phone", requested_by=counselor, **kw)
    interpreter_offer_accept(offer=request.offers.get(interpreter=interpreter), actor=interpreter.user)
    return request


@pytest.fixture
def month_of_work(db, counselor):
    person = make_interpreter("Trần Thị Mai", rate_per_hour=40000)
    now = timezone.now()
    for minutes in (30, 45):
        request = _dispatched(person, counselor, topic="wages")
        start = now - dt.timedelta(minutes=minutes + 5)
        interpreter_session_log(
            request=request,
            interpreter=person,
            started_at=start,
            ended_at=start + dt.timedelta(minutes=minutes),
            outcome="completed",
            three_way_call=True,
            actor=person.user,
        )
    return person


def test_a_session_records_response_time_duration_and_amount(db, counselor):
    person = make_interpreter("Per call", rate_per_call=25000)
    request = _dispatched(person, counselor)
    start = request.created_at + dt.timedelta(seconds=90)
    session = interpreter_session_log(
        request=request,
        interpreter=person,
        started_at=start,
        ended_at=start + dt.timedelta(minutes=12, seconds=10),
        outcome="completed",
        actor=person.user,
    )
    assert session.response_seconds == 90
    assert session.duration_minutes == 13
    assert session.amount == 25000
    request.refresh_from_db()
    assert request.status == InterpreterRequest.Status.FULFILLED


def test_only_the_dispatched_interpreter_can_log_and_the_end_follows_the_start(db, counselor):
    person, stranger = make_interpreter("A"), make_interpreter("B", languages=[("km", 3)])
    request = _dispatched(person, counselor)
    now = timezone.now()
    with pytest.raises(ValidationError) as refused:
        interpreter_session_log(
            request=request,
            interpreter=stranger,
            started_at=now,
            ended_at=now - dt.timedelta(minutes=1),
            outcome="nonsense",
            actor=None,
        )
    assert set(refused.value.message_dict) == {"interpreter", "ended_at", "outcome"}
    assert not request.sessions.exists()


def test_the_session_form_logs_through_the_page(db, counselor):
    person = make_interpreter("Form")
    request = _dispatched(person, counselor)
    client = client_for(person.user)
    start = timezone.localtime(timezone.now() - dt.timedelta(hours=1))
    response = client.post(
        f"/workspace/interpreting/requests/{request.pk}/session/",
        {
            "started_at": start.strftime("%Y-%m-%dT%H:%M"),
            "ended_at": (start + dt.timedelta(minutes=20)).strftime("%Y-%m-%dT%H:%M"),
            "outcome": "completed",
        },
    )
    assert response.status_code == 302
    assert request.sessions.get().duration_minutes == 20


def test_the_monthly_statement_sums_sessions_minutes_and_amount(month_of_work):
    today = timezone.localdate()
    client = client_for(month_of_work.user)
    base = f"/workspace/interpreting/statements/{month_of_work.pk}/{today.year}/{today.month}"
    page = client.get(f"{base}/").content.decode()
    assert "2 sessions, 75 minutes, 50000 KRW." in page

    book = load_workbook(io.BytesIO(client.get(f"{base}/xlsx/").content))
    rows = list(book.active.iter_rows(values_only=True))
    assert rows[-1][3:] == (2, 75, 50000)
    assert [r[4] for r in rows[2:-1]] == [45, 30] or [r[4] for r in rows[2:-1]] == [30, 45]

    pdf = PdfReader(io.BytesIO(client.get(f"{base}/pdf/").content))
    text = pdf.pages[0].extract_text()
    assert "50,000" in text
    assert "Trần Thị Mai" in text, text


def test_the_statement_of_another_month_is_empty(month_of_work):
    client = client_for(month_of_work.user)
    page = client.get(f"/workspace/interpreting/statements/{month_of_work.pk}/2020/1/").content.decode()
    assert "0 sessions, 0 minutes, 0 KRW." in page
