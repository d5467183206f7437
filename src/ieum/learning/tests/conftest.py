from __future__ import annotations

import pytest

from ieum.learning.models import Course
from ieum.learning.services import courses_load
from ieum.notify import sms
from ieum.residents.services import ResidentData, resident_create


@pytest.fixture(autouse=True)
def outbox():
    sms.outbox.clear()
    yield sms.outbox
    sms.outbox.clear()


@pytest.fixture
def courses(db) -> dict[str, Course]:
    courses_load()
    return {c.code: c for c in Course.objects.all()}


@pytest.fixture
def learner(db):
    return resident_create(
        data=ResidentData(
            name="AZIZ KARIMOV",
            name_native="Азиз Каримов",
            name_hangul="아지즈 카리모프",
            preferred_language="uz",
            phone="010-5555-6666",
        ),
        actor=None,
    )
