"""Residents, employers and partners are not staff: no one-time code is forced on them."""

from __future__ import annotations

import pytest
from django.urls import reverse

from ieum.core.models import Role, User
from ieum.residents.services import ResidentData, resident_create


def test_a_resident_reads_their_own_record_through_the_session_without_a_code(client, resident_user: User):
    resident = resident_create(data=ResidentData(name="NGUYEN VAN AN"), actor=None)
    resident.user = resident_user
    resident.save()
    client.force_login(resident_user)
    assert client.get(f"/api/v1/residents/{resident.pk}").status_code == 200


@pytest.mark.parametrize("role", [Role.RESIDENT, Role.EMPLOYER, Role.PARTNER])
def test_a_non_staff_user_is_not_sent_to_set_up_codes(client, db, role):
    user = User.objects.create_user(username="someone", password="correct-horse-battery-9", role=role)
    client.force_login(user)
    # Not staff: refused by the role check, not redirected to a code step.
    assert client.get(reverse("workspace-home")).status_code == 403
    assert client.get(reverse("two-factor-setup")).status_code == 403
    assert client.get(reverse("two-factor-verify")).status_code == 403
