from __future__ import annotations

import logging

import pytest

from ieum.notify import sms
from ieum.notify.models import Delivery

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _empty_outbox():
    sms.outbox.clear()
    yield
    sms.outbox.clear()


def test_the_memory_backend_keeps_the_message(settings):
    settings.IEUM_SMS_BACKEND = "memory"
    sms.send_sms("+821012345678", "Your code is 123456.")
    assert sms.outbox == [sms.Sms(to="+821012345678", text="Your code is 123456.")]


def test_the_console_backend_logs_neither_the_number_nor_the_text(settings, caplog):
    settings.IEUM_SMS_BACKEND = "console"
    with caplog.at_level(logging.INFO, logger="ieum.notify.sms"):
        sms.send_sms("+821012345678", "Your code is 123456.")
    assert "SMS sent to +82…***" in caplog.text
    assert "12345678" not in caplog.text
    assert "123456" not in caplog.text
    assert sms.outbox == []


def test_a_provider_is_named_by_dotted_path(settings):
    settings.IEUM_SMS_BACKEND = "ieum.notify.sms.MemoryBackend"
    sms.send_sms("+84912345678", "Hello.")
    assert len(sms.outbox) == 1


def test_a_sign_in_code_is_in_the_delivery_log_without_its_text(settings):
    settings.IEUM_SMS_BACKEND = "memory"
    sms.send_sms("+821012345678", "Your code is 123456.")
    delivery = Delivery.objects.get()
    assert (delivery.channel, delivery.template, delivery.status) == ("sms", "raw", "sent")
    assert "123456" not in str(delivery.context) and delivery.address == ""
