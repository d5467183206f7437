from __future__ import annotations

import pytest

from ieum.care.services import booking_create
from ieum.care.tests.conftest import make_resident, make_slot
from ieum.interpreting.models import InterpreterRequest

pytestmark = pytest.mark.django_db


def test_a_nepali_speaker_gets_a_scheduled_nepali_interpreter_request(slot, nepali):
    booking = booking_create(slot=slot, resident=nepali, actor=None)
    request = InterpreterRequest.objects.get()
    assert booking.interpreter_request == request
    assert (request.language, request.mode, request.scheduled_for) == ("ne", "scheduled", slot.starts_at)
    assert request.source == f"care:{booking.pk}"


def test_a_korean_speaker_gets_no_interpreter(slot):
    korean = make_resident("KIM MINA", "ko", "010-1111-2222")
    booking = booking_create(slot=slot, resident=korean, actor=None)
    assert booking.interpreter_request is None
    assert not InterpreterRequest.objects.exists()


def test_a_group_consultation_gets_one_interpreter_per_language(clinic, nepali):
    group = make_slot(clinic, kind="legal", group=True)
    workers = [make_resident(f"WORKER {i}", "vi", f"010-3000-000{i}") for i in range(3)]
    booking_create(slot=group, resident=nepali, actor=None, participants=workers)
    assert sorted(InterpreterRequest.objects.values_list("language", flat=True)) == ["ne", "vi"]
