"""Shared test base: one user per role, and same-role users of another reach (style.md)."""

from __future__ import annotations

import pytest

from ieum.core.models import Role, User
from ieum.core.testing import login_staff as _login_staff


def pytest_configure(config: pytest.Config) -> None:
    # Tests write documents to a temporary folder, never into the checkout's var/.
    import tempfile

    from django.conf import settings

    settings.PRIVATE_MEDIA_ROOT = tempfile.mkdtemp(prefix="ieum-private-")
    # Tests assert on the source (English) messages unless they choose a language themselves;
    # production's default stays Korean.
    settings.LANGUAGE_CODE = "en"
    # Text messages go to ieum.notify.sms.outbox, never to a provider.
    settings.IEUM_SMS_BACKEND = "memory"


def make_user(username: str, role: str, **extra) -> User:
    user = User.objects.create_user(username=username, password="correct-horse-battery-9", role=role, **extra)
    return user


@pytest.fixture
def counselor(db) -> User:
    return make_user("counselor", Role.COUNSELOR, work_languages=["ko", "vi"])


@pytest.fixture
def officer(db) -> User:
    return make_user("officer", Role.OFFICER)


@pytest.fixture
def analyst(db) -> User:
    return make_user("analyst", Role.ANALYST)


@pytest.fixture
def employer_user(db) -> User:
    return make_user("employer", Role.EMPLOYER)


@pytest.fixture
def resident_user(db) -> User:
    return make_user("resident", Role.RESIDENT)


@pytest.fixture
def login_staff():
    """`login_staff(client, user)`: signs a staff user in past the one-time code step.

    Staff pages and session API calls need a verified session (facts.md §5); `client.force_login`
    alone now gets a staff user redirected to the code page (pages) or a 401 (API).
    """
    return _login_staff


@pytest.fixture
def counselor_client(client, counselor):
    _login_staff(client, counselor)
    return client


@pytest.fixture(scope="session")
def _region_pack_loaded(django_db_setup, django_db_blocker) -> None:
    # Load once per test database (per xdist worker), outside any test's transaction.
    from ieum.core.regions import load_region

    with django_db_blocker.unblock():
        load_region("jeonnam")


@pytest.fixture
def region(_region_pack_loaded, db) -> str:
    """The jeonnam region pack in the test database (provinces, municipalities, sites, statuses …).

    Loaded once per session; reloaded only if a transactional test flushed the tables since.
    Tests that need reference data use this instead of creating provinces or municipalities.
    """
    from ieum.core.models import Municipality
    from ieum.core.regions import load_region

    if not Municipality.objects.filter(code="46830").exists():
        load_region("jeonnam")
    return "jeonnam"


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    # Concurrency proofs (row locks, constraints under racing transactions) need PostgreSQL;
    # .ci/run runs the suite on PostgreSQL too, where they run.
    from django.conf import settings

    if settings.DATABASES["default"]["ENGINE"].endswith("postgresql"):
        return
    skip = pytest.mark.skip(reason="needs PostgreSQL (runs in the PostgreSQL pass of .ci/run)")
    for item in items:
        if "postgres" in item.keywords:
            item.add_marker(skip)


@pytest.fixture(autouse=True)
def _seeded_rows_survive_flushes(request: pytest.FixtureRequest) -> None:
    """Rows that data migrations seed (the casework topics) are gone after any transactional
    test flushed the database; every database test starts with them again."""
    marker = request.node.get_closest_marker("django_db")
    names = set(request.fixturenames)
    if "transactional_db" in names or (marker is not None and marker.kwargs.get("transaction")):
        request.getfixturevalue("transactional_db")
    elif marker is not None or "db" in names:
        request.getfixturevalue("db")
    else:
        return
    from ieum.casework.topics import ensure_seeded_topics

    ensure_seeded_topics()


@pytest.fixture(autouse=True)
def _each_test_starts_in_the_default_language():
    """A request activates its reader's language for the thread and nothing resets it between
    tests; each test starts from the settings' language."""
    from django.conf import settings
    from django.utils import translation

    translation.activate(settings.LANGUAGE_CODE)
    yield
    translation.activate(settings.LANGUAGE_CODE)
