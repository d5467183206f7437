from __future__ import annotations

import datetime as dt

import pytest
from django.utils import timezone

from ieum.events.services import event_create
from ieum.notify import sms
from ieum.residents.services import ResidentData, resident_create


@pytest.fixture(autouse=True)
def outbox():
    sms.outbox.clear()
    yield sms.outbox
    sms.outbox.clear()


def festival(capacity: int | None = 2, slug: str = "homeland-festival-2026"):
    return event_create(
        slug=slug,
        kind="event",
        texts={
            "ko": ("다문화가족 모국문화 축제", "영암에서 열립니다."),
            "en": ("Multicultural family homeland culture festival", "In Yeongam."),
            "vi": ("Lễ hội văn hóa quê hương của gia đình đa văn hóa", "Tại Yeongam."),
        },
        starts_at=timezone.now() + dt.timedelta(days=10),
        place="Yeongam",
        capacity=capacity,
    )


def person(i: int, language: str = "vi"):
    return resident_create(
        data=ResidentData(name=f"PERSON {i}", preferred_language=language, phone=f"010-8000-{i:04d}"),
        actor=None,
    )
