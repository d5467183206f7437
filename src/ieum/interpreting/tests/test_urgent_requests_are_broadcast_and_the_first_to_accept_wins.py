"""An urgent request goes to every fitting interpreter at once; the first to accept wins and the
others' offers are withdrawn — also when they all press "accept" at the same moment."""

from __future__ import annotations

import pytest
from django.db import IntegrityError

from ieum.core.testing import run_concurrently
from ieum.interpreting.models import InterpreterOffer, InterpreterRequest
from ieum.interpreting.services import OfferGone, interpreter_offer_accept, interpreter_request_create
from ieum.interpreting.tests.conftest import make_interpreter


def test_an_urgent_request_is_offered_to_everyone_who_fits(db, counselor):
    people = [make_interpreter(f"P{i}", languages=[("km", 2 + i % 2)]) for i in range(3)]
    make_interpreter("Video only", languages=[("km", 4)], modalities=["video"])
    request = interpreter_request_create(language="km", modality="phone", urgent=True, requested_by=counselor)
    offered = set(request.offers.values_list("interpreter_id", flat=True))
    assert offered == {p.pk for p in people}


def test_the_first_to_accept_wins_and_the_others_are_withdrawn(db, counselor):
    first, second = make_interpreter("First"), make_interpreter("Second")
    request = interpreter_request_create(language="vi", modality="phone", urgent=True, requested_by=counselor)
    interpreter_offer_accept(offer=request.offers.get(interpreter=first), actor=first.user)
    late = request.offers.get(interpreter=second)
    assert late.answer == InterpreterOffer.Answer.WITHDRAWN
    with pytest.raises(OfferGone):
        interpreter_offer_accept(offer=late, actor=second.user)
    request.refresh_from_db()
    assert request.interpreter == first


def test_the_database_refuses_a_second_accepted_offer(db, counselor):
    first, second = make_interpreter("First"), make_interpreter("Second")
    request = interpreter_request_create(language="vi", modality="phone", urgent=True, requested_by=counselor)
    request.offers.filter(interpreter=first).update(answer="accepted")
    with pytest.raises(IntegrityError):
        request.offers.filter(interpreter=second).update(answer="accepted")


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True)
def test_fifty_interpreters_accepting_at_once_give_the_request_to_exactly_one():
    from ieum.core.models import Role, User

    counselor = User.objects.create_user(username="desk", password="x" * 12, role=Role.COUNSELOR)
    people = [make_interpreter(f"P{i:02d}") for i in range(50)]
    request = interpreter_request_create(language="vi", modality="phone", urgent=True, requested_by=counselor)
    offers = list(request.offers.all())
    assert len(offers) == 50

    results = run_concurrently(lambda offer: interpreter_offer_accept(offer=offer, actor=None), offers)

    winners = [r for r in results if isinstance(r, InterpreterRequest)]
    assert len(winners) == 1
    assert all(isinstance(r, OfferGone) for r in results if not isinstance(r, InterpreterRequest))
    assert InterpreterOffer.objects.filter(request=request, answer="accepted").count() == 1
    request.refresh_from_db()
    assert request.status == InterpreterRequest.Status.ACCEPTED
    assert request.interpreter_id in {p.pk for p in people}
