"""The workspace home lists what is waiting for each staff member, by role."""

from __future__ import annotations

import pytest

from ieum.core.models import User
from ieum.core.testing import login_staff
from ieum.residents.services import ResidentData, resident_create

pytestmark = pytest.mark.django_db


def test_a_counselor_sees_duplicates_to_check(client, counselor):
    resident_create(data=ResidentData(name="A", phone="010-1111-2222"), actor=None)
    resident_create(data=ResidentData(name="B", phone="010-1111-2222"), actor=None)
    login_staff(client, counselor)
    page = client.get("/workspace/").content.decode()
    assert "1 possible duplicate to check" in page
    assert 'role="search"' in page


def test_an_administrator_is_reminded_of_the_monthly_access_review(client, admin_user):
    admin_user.role = "admin"
    admin_user.save()
    login_staff(client, admin_user)
    assert "Review this month&#x27;s access log" in client.get("/workspace/").content.decode()


def test_an_interpreter_gets_no_resident_search_and_nothing_waiting(client):
    interpreter = User.objects.create_user(username="interp", password="x" * 12, role="interpreter")
    login_staff(client, interpreter)
    page = client.get("/workspace/").content.decode()
    assert 'role="search"' not in page
    assert "Nothing is waiting for you." in page
