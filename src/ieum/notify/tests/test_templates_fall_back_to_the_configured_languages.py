from __future__ import annotations

import pytest

from ieum.notify.models import Delivery
from ieum.notify.services import delivery_text, message_send
from ieum.notify.templates import TemplateMissing, fallback_chain, template_resolve

pytestmark = pytest.mark.django_db
CONTEXT = {"partner": "Hanaro Clinic", "when": "2026-12-03 14:00"}


def test_the_persons_language_comes_first(resident_ne):
    delivery = message_send(recipient=resident_ne, template="care.reminder", context=CONTEXT, urgent=True)
    assert delivery.language == "ne"
    assert "सम्झना" in delivery_text(delivery)[1]


def test_a_language_without_the_template_falls_back_to_english_then_korean(settings):
    assert template_resolve("care.reminder", "km").language == "en"
    assert template_resolve("care.cancelled", "km").language == "en"
    settings.IEUM_NOTIFY_FALLBACK_LANGUAGES = ["ko"]
    assert fallback_chain("km") == ["km", "ko"]
    assert template_resolve("care.reminder", "km").language == "ko"


def test_the_text_message_is_in_the_fallback_language(resident, outbox):
    resident.preferred_language = "km"
    resident.save()
    delivery = message_send(recipient=resident, template="care.reminder", context=CONTEXT, urgent=True)
    assert delivery.language == "en" and delivery.status == Delivery.Status.SENT
    assert (
        outbox[-1].text
        == "Reminder: your appointment at Hanaro Clinic is on 2026-12-03 14:00. Please come on time."
    )


def test_an_unknown_template_is_refused():
    with pytest.raises(TemplateMissing):
        template_resolve("no.such.template", "en")
