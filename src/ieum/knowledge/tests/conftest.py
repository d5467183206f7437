from __future__ import annotations

import pytest

from ieum.core.models import Role, User


@pytest.fixture
def editor(db) -> User:
    return User.objects.create_user(
        username="kb-editor",
        password="correct-horse-battery-9",
        role=Role.OFFICER,
        display_name="Park Editor",
    )


@pytest.fixture
def wages(db):
    from ieum.casework.models import Topic

    topic, _created = Topic.objects.get_or_create(
        code="wages",
        defaults={"name_ko": "임금 체불·퇴직금", "name_en": "Wage arrears and severance"},
    )
    return topic
