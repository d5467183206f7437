"""A `next` address that is not a path of this site (a word, a date, another host) sends the
person to the home page; it never reaches redirect(), which read a word as a view name and
answered with a 500 (found by the bad-input sweep)."""

from __future__ import annotations

import pytest

from ieum.core.models import Role, User

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("target", ["no-such-view", "2026-02-30", "https://evil.example/", "//evil.example/"])
def test_the_language_switch_goes_home_for_a_next_that_is_not_a_path(client, target):
    client.force_login(User.objects.create_user(username="lan", password="x" * 12, role=Role.RESIDENT))
    response = client.post("/my/language/", {"language": "vi", "next": target})
    assert response.status_code == 302 and response["Location"] == "/my/"


def test_a_path_of_this_site_is_followed(client):
    response = client.post("/my/language/", {"language": "vi", "next": "/help/"})
    assert response.status_code == 302 and response["Location"] == "/help/"


def test_a_wrong_consent_kind_is_refused_with_a_message(client):
    from ieum.portal.tests.conftest import sign_up

    sign_up(client)
    response = client.post("/my/consents/", {"kind": "marketing"}, follow=True)
    assert "Nothing was recorded" in response.content.decode()
