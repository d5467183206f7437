"""The Solapi adapter against a fake Solapi on loopback: success, failure, retry with backoff, and
a retried message never sent twice."""

from __future__ import annotations

import pytest

from ieum.notify.models import Delivery
from ieum.notify.providers import Outgoing, ProviderError
from ieum.notify.providers.solapi import SolapiProvider
from ieum.notify.services import delivery_send, message_send

pytestmark = pytest.mark.django_db


def provider(fake, **kw) -> SolapiProvider:
    return SolapiProvider(
        base_url=fake.url,
        api_key="NCSTESTKEY",
        api_secret="test-secret",
        sender="15885949",
        pf_id="KA01PF",
        backoff=0.01,
        timeout=0.5,
        **kw,
    )


def test_a_message_is_sent_signed_and_in_the_providers_format(fake_solapi):
    message_id = provider(fake_solapi).deliver(
        Outgoing(channel="sms", to="+821012345678", text="안녕", key="k1")
    )
    assert message_id == "M4V0001"
    assert fake_solapi.bad_signatures == 0
    sent = fake_solapi.accepted[0]["message"]
    assert sent == {
        "to": "01012345678",
        "from": "15885949",
        "text": "안녕",
        "customFields": {"ieumKey": "k1"},
    }


def test_an_alimtalk_names_the_approved_template_and_its_variables(fake_solapi):
    provider(fake_solapi).deliver(
        Outgoing(
            channel="kakao",
            to="+821012345678",
            text="x",
            key="k",
            kakao_template_id="TPL1",
            variables={"when": "10:00"},
        )
    )
    sent = fake_solapi.accepted[0]["message"]
    assert sent["type"] == "ATA"
    assert sent["kakaoOptions"] == {"pfId": "KA01PF", "templateId": "TPL1", "variables": {"#{when}": "10:00"}}


def test_a_wrong_secret_is_refused_and_not_retried(fake_solapi):
    bad = SolapiProvider(
        base_url=fake_solapi.url, api_key="K", api_secret="wrong", sender="1", pf_id="", backoff=0.01
    )
    with pytest.raises(ProviderError) as refused:
        bad.deliver(Outgoing(channel="sms", to="+821012345678", text="x"))
    assert not refused.value.retryable
    assert len(fake_solapi.requests) == 1 and fake_solapi.accepted == []


def test_a_busy_provider_is_retried_with_backoff_and_the_message_goes_out_once(fake_solapi):
    fake_solapi.script = [(503, 0), (429, 0)]
    assert provider(fake_solapi).deliver(Outgoing(channel="sms", to="+821012345678", text="x")) == "M4V0001"
    assert len(fake_solapi.requests) == 3
    assert len(fake_solapi.accepted) == 1


def test_a_provider_that_stays_down_fails_as_retryable(fake_solapi):
    fake_solapi.script = [(500, 0)] * 3
    with pytest.raises(ProviderError) as failed:
        provider(fake_solapi).deliver(Outgoing(channel="sms", to="+821012345678", text="x"))
    assert failed.value.retryable
    assert fake_solapi.accepted == []


def test_no_answer_is_not_resent_so_it_cannot_arrive_twice(fake_solapi):
    fake_solapi.script = [(200, 1.0)]  # accepted, but the answer comes after our timeout
    with pytest.raises(ProviderError) as failed:
        provider(fake_solapi).deliver(Outgoing(channel="sms", to="+821012345678", text="x"))
    assert not failed.value.retryable
    assert len(fake_solapi.requests) == 1


def test_a_delivery_retried_later_keeps_its_key_and_is_sent_once(solapi_settings, fake_solapi, resident):
    fake_solapi.script = [(503, 0)] * 3
    delivery = message_send(recipient=resident, template="care.booked", context=CONTEXT, urgent=True)
    assert delivery.status == Delivery.Status.QUEUED and delivery.not_before is not None
    assert delivery.attempts == 1
    delivery = delivery_send(delivery=delivery)
    assert delivery.status == Delivery.Status.SENT and delivery.provider_message_id == "M4V0001"
    assert delivery.attempts == 2
    keys = {r["message"]["customFields"]["ieumKey"] for r in fake_solapi.requests}
    assert keys == {delivery.idempotency_key}
    delivery_send(delivery=delivery)  # a second worker, or a retry, finds it sent
    assert len(fake_solapi.accepted) == 1


def test_a_refused_delivery_is_logged_as_failed_without_the_text(
    solapi_settings, fake_solapi, resident, caplog
):
    fake_solapi.script = [(400, 0)]
    delivery = message_send(recipient=resident, template="care.booked", context=CONTEXT, urgent=True)
    assert delivery.status == Delivery.Status.FAILED
    assert "Hanaro" not in caplog.text and "1012345678" not in caplog.text


CONTEXT = {"partner": "Hanaro Clinic", "when": "2026-12-03 14:00"}
