"""Every grant, change and revoke of a role is recorded (facts.md §5: keep ≥ 3 years)."""

from __future__ import annotations

import pytest

from ieum.core.models import RoleGrantLog, User
from ieum.residents.tests.factories import MunicipalityFactory


@pytest.mark.django_db
def test_grant_change_of_reach_and_revoke_are_each_recorded(admin_user):
    officer = User.objects.create_user(username="o1", password="x" * 12, role="officer")
    officer._role_changed_by = admin_user
    officer.municipality = MunicipalityFactory()
    officer.save()
    officer.is_active = False
    officer.save()
    history = list(RoleGrantLog.objects.filter(user=officer).order_by("id").values_list("change", "new_role"))
    assert history == [("grant", "officer"), ("change", "officer"), ("revoke", "officer")]
    assert RoleGrantLog.objects.filter(user=officer, change="change").get().changed_by == admin_user


@pytest.mark.django_db
def test_saving_a_user_without_a_reach_change_records_nothing_new():
    user = User.objects.create_user(username="c1", password="x" * 12, role="counselor")
    user.display_name = "Kim"
    user.save()
    assert RoleGrantLog.objects.filter(user=user).count() == 1


@pytest.mark.django_db
def test_role_records_younger_than_three_years_cannot_be_pruned():
    import datetime as dt

    from django.core.management import CommandError, call_command
    from django.utils import timezone

    user = User.objects.create_user(username="c2", password="x" * 12, role="counselor")
    RoleGrantLog.objects.filter(user=user).update(at=timezone.now() - dt.timedelta(days=4 * 365))
    User.objects.create_user(username="c3", password="x" * 12, role="counselor")
    with pytest.raises(CommandError):
        call_command("prune_role_history", before=timezone.localdate() - dt.timedelta(days=365))
    assert RoleGrantLog.objects.count() == 2
    call_command("prune_role_history", verbosity=0)
    assert list(RoleGrantLog.objects.values_list("user__username", flat=True)) == ["c3"]
