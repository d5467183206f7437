from __future__ import annotations

import pytest

from ieum.core.models import Role, User

pytestmark = pytest.mark.django_db

PAGES = [
    "/my/",
    "/my/profile/",
    "/my/consents/",
    "/my/documents/",
    "/my/requests/",
    "/my/requests/my-data.json",
]


def make_user(username: str, role: str, **extra) -> User:
    return User.objects.create_user(username=username, password="correct-horse-battery-9", role=role, **extra)


@pytest.mark.parametrize("role", [Role.COUNSELOR, Role.ADMIN, Role.OFFICER])
def test_a_staff_account_gets_404_on_every_portal_page(client, login_staff, role):
    login_staff(client, make_user(f"staff-{role}", role))
    assert {page: client.get(page).status_code for page in PAGES} == dict.fromkeys(PAGES, 404)


def test_a_resident_account_without_a_record_gets_404(client, resident_user):
    client.force_login(resident_user)
    assert client.get("/my/").status_code == 404


def test_staff_cannot_sign_in_through_the_portal(client, outbox):
    # Staff accounts have no resident record, so a portal code is never sent for them.
    staff = make_user("counselor-kim", Role.COUNSELOR, email="kim@example.com")
    assert staff.email == "kim@example.com"
    client.post("/my/signin/", {"contact": "kim@example.com"})
    from django.core import mail

    assert mail.outbox == []
