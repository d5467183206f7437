from __future__ import annotations

import pytest
from django.core import mail

from ieum.notify.models import Delivery
from ieum.notify.services import message_send, opt_out_set

pytestmark = pytest.mark.django_db
CONTEXT = {"partner": "Hanaro Clinic", "when": "2026-12-03 14:00"}


def test_a_resident_who_opted_out_of_text_messages_gets_none(resident, outbox):
    opt_out_set(recipient=resident, channel="sms")
    delivery = message_send(
        recipient=resident, template="care.booked", context=CONTEXT, channel="sms", urgent=True
    )
    assert delivery.status == Delivery.Status.OPTED_OUT
    assert outbox == []


def test_another_channel_is_used_when_one_is_opted_out(resident, outbox):
    resident.email = "lan@example.org"
    resident.save()
    opt_out_set(recipient=resident, channel="sms")
    delivery = message_send(recipient=resident, template="care.booked", context=CONTEXT, urgent=True)
    assert delivery.channel == "email" and delivery.status == Delivery.Status.SENT
    assert outbox == [] and len(mail.outbox) == 1


def test_opting_back_in_sends_again(resident, outbox):
    opt_out_set(recipient=resident, channel="sms")
    opt_out_set(recipient=resident, channel="sms", opted_out=False)
    message_send(recipient=resident, template="care.booked", context=CONTEXT, urgent=True)
    assert len(outbox) == 1


def test_a_bare_number_can_opt_out(outbox):
    opt_out_set(recipient="+821099998888", channel="sms")
    delivery = message_send(
        recipient="+821099998888", template="care.booked", context=CONTEXT, urgent=True, language="en"
    )
    assert delivery.status == Delivery.Status.OPTED_OUT and outbox == []
