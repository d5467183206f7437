"""Casework's test base: queues of two languages, counselors of each, a supervisor."""

from __future__ import annotations

from dataclasses import dataclass

import pytest

from ieum.casework.models import CounselorSkill, Queue, Topic
from ieum.casework.topics import ensure_seeded_topics
from ieum.core.models import Role, User


@dataclass
class Center:
    wages: Topic
    visa: Topic
    vi_queue: Queue
    ko_wages: Queue
    ko_general: Queue
    vi_counselor: User
    ko_counselor: User
    other_counselor: User  # a counselor of another queue (Nepali)
    ne_queue: Queue
    supervisor: User


def make_counselor(username: str, languages: list[str], queues: list[Queue]) -> User:
    user = User.objects.create_user(
        username=username, password="correct-horse-battery-9", role=Role.COUNSELOR, work_languages=languages
    )
    for language in languages:
        CounselorSkill.objects.create(user=user, language=language)
    for queue in queues:
        queue.members.add(user)
    return user


@pytest.fixture
def center(db) -> Center:
    ensure_seeded_topics()
    wages = Topic.objects.get(code="wages")
    visa = Topic.objects.get(code="visa")
    vi_queue = Queue.objects.create(name="Vietnamese", language="vi")
    ne_queue = Queue.objects.create(name="Nepali", language="ne")
    ko_wages = Queue.objects.create(name="Korean wages", language="ko", topic=wages)
    ko_general = Queue.objects.create(name="Korean", language="ko")
    supervisor = make_counselor("supervisor", ["ko"], [])
    for queue in (vi_queue, ko_wages, ko_general):
        queue.supervisors.add(supervisor)
    return Center(
        wages=wages,
        visa=visa,
        vi_queue=vi_queue,
        ko_wages=ko_wages,
        ko_general=ko_general,
        vi_counselor=make_counselor("vi-counselor", ["ko", "vi"], [vi_queue, ko_general]),
        ko_counselor=make_counselor("ko-counselor", ["ko"], [ko_wages, ko_general]),
        other_counselor=make_counselor("ne-counselor", ["ko", "ne"], [ne_queue]),
        ne_queue=ne_queue,
        supervisor=supervisor,
    )
