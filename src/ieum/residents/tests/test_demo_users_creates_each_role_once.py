"""`ieum demo-users` makes one account per role (two officers: province and Yeongam), links the
resident account to a demo resident, and changes nothing when run again."""

from __future__ import annotations

from collections import Counter
from io import StringIO

import pytest
from django.contrib.auth.password_validation import validate_password
from django.core.management import CommandError, call_command

from ieum.core.management.commands.demo_users import DEMO_PASSWORD
from ieum.core.models import Role, RoleGrantLog, User
from ieum.residents.models import Resident


@pytest.fixture(autouse=True)
def _debug_on(settings):
    settings.DEBUG = True  # the test runner turns DEBUG off; demo accounts need it on
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]  # fast, tests only


def _run() -> str:
    out = StringIO()
    call_command("demo_users", stdout=out)
    return out.getvalue()


def _demo_users():
    return User.objects.filter(username__startswith="demo-")


@pytest.mark.django_db
def test_it_creates_one_account_per_role(region):
    output = _run()
    roles = Counter(_demo_users().values_list("role", flat=True))
    assert roles == {**dict.fromkeys(Role.values, 1), Role.OFFICER: 2}
    for user in _demo_users():
        assert user.check_password(DEMO_PASSWORD)
        assert user.username in output
    assert DEMO_PASSWORD in output


@pytest.mark.django_db
def test_the_demo_password_meets_the_password_rule(region):
    _run()
    for user in _demo_users():
        validate_password(DEMO_PASSWORD, user)


@pytest.mark.django_db
def test_each_account_has_its_reach(region):
    _run()
    counselor = User.objects.get(username="demo-counselor")
    assert counselor.work_languages == ["ko", "vi"]
    assert User.objects.get(username="demo-officer").municipality is None
    assert User.objects.get(username="demo-officer-yeongam").municipality.code == "46830"
    admin = User.objects.get(username="demo-admin")
    assert admin.is_superuser and admin.role == Role.ADMIN
    resident_user = User.objects.get(username="demo-resident")
    assert Resident.objects.get(user=resident_user).preferred_language == resident_user.preferred_language


@pytest.mark.django_db
def test_running_it_again_changes_nothing(region):
    first = _run()
    users = list(_demo_users().order_by("pk").values())
    grants = RoleGrantLog.objects.count()
    resident_pk = Resident.objects.get(user__username="demo-resident").pk
    assert _run() == first
    assert list(_demo_users().order_by("pk").values()) == users
    assert RoleGrantLog.objects.count() == grants
    assert Resident.objects.get(user__username="demo-resident").pk == resident_pk
    assert Resident.objects.count() == 1


@pytest.mark.django_db
def test_it_refuses_to_run_outside_debug(region, settings):
    settings.DEBUG = False
    with pytest.raises(CommandError):
        _run()
    assert not _demo_users().exists()
