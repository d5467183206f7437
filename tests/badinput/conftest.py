"""The worlds the sweep posts into: each app's own access-table world (its users, one per role,
and the objects its URLs need), reused as it is and given the same shape here: a dict with
"users" and the objects by name."""

from __future__ import annotations

import pytest

# The app access tables' worlds and the app fixtures they stand on, under names that do not
# clash (every access table calls its world "world").
from ieum.care.tests.test_access import world as care_access_world
from ieum.casework.tests.test_access import world as casework_access_world
from ieum.chat.tests.test_access import world as chat_access_world
from ieum.events.tests.test_access import world as events_access_world
from ieum.grants.tests.conftest import budget, program  # noqa: F401 (fixtures)
from ieum.grants.tests.test_access import world as grants_access_world
from ieum.interpreting.tests.test_access import world as interpreting_access_world
from ieum.jobs.tests.test_access import setup as jobs_access_world
from ieum.knowledge.tests.conftest import wages  # noqa: F401 (fixture)
from ieum.knowledge.tests.test_access import world as knowledge_access_world
from ieum.learning.tests.test_access import world as learning_access_world
from ieum.referrals.tests.conftest import hospital, other_partner, resident  # noqa: F401 (fixtures)
from ieum.referrals.tests.test_access import world as referrals_access_world
from ieum.surveys.tests.test_access import world as surveys_access_world
from ieum.visas.tests.conftest import haenam, yeongam  # noqa: F401 (fixtures)
from ieum.visas.tests.test_access import world as visas_access_world

__all__ = [
    "care_access_world",
    "casework_access_world",
    "chat_access_world",
    "events_access_world",
    "grants_access_world",
    "interpreting_access_world",
    "jobs_access_world",
    "knowledge_access_world",
    "learning_access_world",
    "referrals_access_world",
    "surveys_access_world",
    "visas_access_world",
]


@pytest.fixture(autouse=True)
def _quick_password_hashing(settings):
    # Every world makes a user per role; argon2 (the production hasher, slow by design) would
    # spend most of the sweep's time hashing their passwords.
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture(autouse=True)
def _private_media(settings, tmp_path):
    # A folder of its own per test, so the files an upload stores are easy to see.
    settings.PRIVATE_MEDIA_ROOT = tmp_path / "private"


@pytest.fixture
def records_world(region, settings):
    """The resident record's pages and the portal: person A (Yeongam, with an ARN) is
    resident_self's own record; B, a likely duplicate of A, lives in the same county."""
    from ieum.core.models import Municipality
    from ieum.core.testing import role_users
    from ieum.privacy.services import consent_record
    from ieum.residents.services import ResidentData, resident_create

    county = Municipality.objects.get(code="46830")
    users = role_users(county_other=Municipality.objects.get(code="46820"))
    a = resident_create(
        data=ResidentData(
            name="NGUYEN VAN AN",
            arn="950314-5123456",
            municipality=county,
            phone="010-2222-3333",
            preferred_language="vi",
        ),
        actor=None,
    )
    a.user = users["resident_self"]
    a.save()
    b = resident_create(data=ResidentData(name="NGUYEN VAN AN", municipality=county), actor=None)
    consent = consent_record(resident=a, kind="collection", channel="web", actor=None)
    return {"users": users, "a": a, "b": b, "consent": consent, "yeongam": county, "settings": settings}


@pytest.fixture
def interpreting_w(interpreting_access_world):
    return {"users": interpreting_access_world.users, "ids": interpreting_access_world.ids}


@pytest.fixture
def referrals_w(referrals_access_world, resident, hospital):  # noqa: F811 (fixtures)
    users, ids = referrals_access_world
    return {"users": users, "ids": ids, "resident": resident, "hospital": hospital}


@pytest.fixture
def events_w(events_access_world):
    users, event = events_access_world
    return {"users": users, "event": event}


@pytest.fixture
def jobs_w(jobs_access_world):
    users, world, matching_round = jobs_access_world
    return {"users": users, "jobs": world, "round": matching_round}


@pytest.fixture
def surveys_w(surveys_access_world):
    users, objects = surveys_access_world
    return {"users": users, **objects}


@pytest.fixture
def insights_w(db):
    from ieum.core.testing import role_users

    return {"users": role_users()}
