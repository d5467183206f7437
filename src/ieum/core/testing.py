"""Helpers for tests of staff pages (imported by conftest.py; no test runner needed to import)."""

from __future__ import annotations

from django.test import Client
from django_otp import DEVICE_ID_SESSION_KEY
from django_otp.plugins.otp_totp.models import TOTPDevice

from ieum.core.models import User


def login_staff(client: Client, user: User) -> TOTPDevice:
    """Sign `user` in as if they had typed their password and then a one-time code.

    Gives the user a confirmed authenticator (reusing one they have) and marks the session as
    verified by it, so pages behind `staff_required` and session API calls open. Works for any
    role; only staff roles need it.
    """
    device = TOTPDevice.objects.filter(user=user, confirmed=True).first()
    if device is None:
        device = TOTPDevice.objects.create(user=user, name="test authenticator", confirmed=True)
    client.force_login(user)
    session = client.session
    session[DEVICE_ID_SESSION_KEY] = device.persistent_id
    session.save()
    return device


# --- The role matrix, shared by tests/access and each app's tests/test_access.py ---------------
#
# Each app keeps its own access table in `ieum/<app>/tests/test_access.py` and declares there
# `COVERED_PATTERNS`: the URL patterns (as `get_resolver` prints them, e.g.
# "workspace/cases/<int:case_id>/") its table checks. tests/access fails for any URL that neither
# the central table nor an app's COVERED_PATTERNS names, so no endpoint slips in unchecked.

ROLES = [
    "anonymous",
    "resident_self",
    "resident_other",
    "counselor",
    "interpreter",
    "officer",
    "county_officer_other",
    "employer",
    "partner",
    "analyst",
    "admin",
]
STAFF_ROLE_NAMES = frozenset(
    {"counselor", "interpreter", "officer", "county_officer_other", "analyst", "admin"}
)


def role_users(*, county_other=None, **overrides) -> dict[str, User]:
    """One user per name in ROLES (but anonymous); `county_other` is the Municipality of the
    officer who must not reach another county's people. `overrides` maps a role name to extra
    fields, e.g. counselor={"work_languages": ["ko", "vi"]}."""
    from ieum.core.models import Role

    kinds = {
        "resident_self": Role.RESIDENT,
        "resident_other": Role.RESIDENT,
        "counselor": Role.COUNSELOR,
        "interpreter": Role.INTERPRETER,
        "officer": Role.OFFICER,
        "county_officer_other": Role.OFFICER,
        "employer": Role.EMPLOYER,
        "partner": Role.PARTNER,
        "analyst": Role.ANALYST,
        "admin": Role.ADMIN,
    }
    users = {}
    for name, kind in kinds.items():
        extra = dict(overrides.get(name, {}))
        if name == "county_officer_other" and county_other is not None:
            extra.setdefault("municipality", county_other)
        users[name] = User.objects.create_user(username=name, password="x" * 12, role=kind, **extra)
    return users


def client_for(user: User | None) -> Client:
    """A client signed in as `user` (staff past the one-time code), or anonymous for None."""
    client = Client()
    if user is None:
        return client
    if user.is_staff_role:
        login_staff(client, user)
    else:
        client.force_login(user)
    return client


def is_denied(response) -> bool:
    """Refused: 401/403/404, or sent to a sign-in page."""
    if response.status_code in (401, 403, 404):
        return True
    location = response.get("Location", "") if response.status_code == 302 else ""
    return "/accounts/login/" in location or "/my/signin/" in location


def wrongly_treated(users: dict[str, User], allowed: set[str] | frozenset[str], call) -> list:
    """Calls `call(client)` as every role in `users` plus anonymous and returns the roles let in
    or kept out against `allowed` (empty when the rule holds). A 5xx is always wrong."""
    wrong = []
    everyone: dict[str, User | None] = {"anonymous": None, **users}
    for name, user in everyone.items():
        response = call(client_for(user))
        if response.status_code >= 500 or (name in allowed) == is_denied(response):
            wrong.append((name, response.status_code))
    return wrong


def run_concurrently(fn, arguments: list, *, max_workers: int | None = None) -> list:
    """Calls `fn(argument)` for every argument in its own thread, all released at once by a
    barrier, and returns results (or the exception each raised) in order. Each thread closes
    its database connection. For `@pytest.mark.postgres` tests with `transaction=True`."""
    import threading
    from concurrent.futures import ThreadPoolExecutor

    from django.db import connection

    barrier = threading.Barrier(len(arguments))

    def one(argument):
        try:
            barrier.wait(timeout=30)
            return fn(argument)
        except Exception as exc:  # returned, so the test can count refusals
            return exc
        finally:
            connection.close()

    with ThreadPoolExecutor(max_workers=max_workers or len(arguments)) as pool:
        return list(pool.map(one, arguments))


def open_case_for(counselor: User, resident, *, topic: str = "wages", language: str = "vi"):
    """A case of `resident` opened by `counselor`: what gives a counselor reach to the record
    (privacy issue §1: counselors reach the residents of their cases)."""
    from ieum.casework.services import case_open

    return case_open(channel="phone", topic=topic, language=language, actor=counselor, resident=resident)
