"""An ordinary request goes to the best fit; on a decline or a timeout, to the next."""

from __future__ import annotations

import datetime as dt

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from ieum.interpreting.models import InterpreterOffer, InterpreterRequest
from ieum.interpreting.services import (
    OfferGone,
    interpreter_offer_accept,
    interpreter_offer_decline,
    interpreter_request_create,
    offers_expire,
)
from ieum.interpreting.tests.conftest import make_interpreter


@pytest.fixture
def pool(db):
    return {
        "best": make_interpreter("Best", languages=[("vi", 4)]),
        "next": make_interpreter("Next", languages=[("vi", 2)]),
        "khmer": make_interpreter("Khmer", languages=[("km", 4)]),
    }


def _pending(request):
    return list(request.offers.filter(answer="pending").values_list("interpreter__name", flat=True))


def test_the_request_is_offered_to_the_best_fit_only(pool, counselor):
    request = interpreter_request_create(language="vi", modality="phone", requested_by=counselor)
    assert request.status == InterpreterRequest.Status.OFFERED
    assert _pending(request) == ["Best"]


def test_a_decline_passes_the_request_to_the_next(pool, counselor):
    request = interpreter_request_create(language="vi", modality="phone", requested_by=counselor)
    interpreter_offer_decline(offer=request.offers.get(), actor=pool["best"].user)
    assert _pending(request) == ["Next"]


def test_a_timed_out_offer_expires_and_the_next_is_offered(pool, counselor):
    request = interpreter_request_create(language="vi", modality="phone", requested_by=counselor)
    first = request.offers.get()
    assert offers_expire(now=first.expires_at + dt.timedelta(seconds=1)) == 1
    first.refresh_from_db()
    assert first.answer == InterpreterOffer.Answer.EXPIRED
    assert _pending(request) == ["Next"]
    with pytest.raises(OfferGone):
        interpreter_offer_accept(offer=first, actor=pool["best"].user)


def test_when_everyone_has_declined_the_request_waits_for_the_coordinator(pool, counselor):
    request = interpreter_request_create(language="vi", modality="phone", requested_by=counselor)
    interpreter_offer_decline(offer=request.offers.get(interpreter=pool["best"]), actor=None)
    interpreter_offer_decline(offer=request.offers.get(interpreter=pool["next"]), actor=None)
    request.refresh_from_db()
    assert request.status == InterpreterRequest.Status.REQUESTED
    assert _pending(request) == []


def test_a_live_request_unanswered_past_its_deadline_expires(pool, counselor, settings):
    request = interpreter_request_create(language="vi", modality="phone", requested_by=counselor)
    offers_expire(now=timezone.now() + dt.timedelta(hours=2))
    request.refresh_from_db()
    assert request.status == InterpreterRequest.Status.EXPIRED
    assert _pending(request) == []


def test_the_workspace_page_expires_offers_lazily_on_read(pool, counselor, client, login_staff):
    request = interpreter_request_create(language="vi", modality="phone", requested_by=counselor)
    InterpreterOffer.objects.filter(request=request).update(
        expires_at=timezone.now() - dt.timedelta(seconds=1)
    )
    login_staff(client, pool["next"].user)
    page = client.get("/workspace/interpreting/mine/")
    assert page.status_code == 200
    assert f"Request #{request.pk}" in page.content.decode()


def test_a_scheduled_request_goes_to_who_is_free_at_that_time(db, counselor):
    make_interpreter(
        "Mornings", languages=[("vi", 4)], windows=[(d, dt.time(8), dt.time(12)) for d in range(7)]
    )
    make_interpreter(
        "Afternoons", languages=[("vi", 2)], windows=[(d, dt.time(13), dt.time(18)) for d in range(7)]
    )
    when = timezone.make_aware(dt.datetime.combine(timezone.localdate() + dt.timedelta(days=2), dt.time(15)))
    request = interpreter_request_create(
        language="vi", modality="phone", mode="scheduled", scheduled_for=when, requested_by=counselor
    )
    assert _pending(request) == ["Afternoons"]


def test_a_request_with_bad_input_is_refused_and_nothing_is_created(pool, counselor):
    with pytest.raises(ValidationError) as refused:
        interpreter_request_create(language="", modality="fax", mode="scheduled", requested_by=counselor)
    assert set(refused.value.message_dict) == {"language", "modality", "scheduled_for"}
    assert InterpreterRequest.objects.count() == 0
