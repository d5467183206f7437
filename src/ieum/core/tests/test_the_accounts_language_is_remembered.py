"""A staff member's language choice is kept on the account and follows them to a new device."""

from __future__ import annotations

import pytest
from django.test import Client

from ieum.core.models import User
from ieum.core.testing import login_staff

pytestmark = pytest.mark.django_db


def test_choosing_a_language_saves_it_on_the_account(client, counselor):
    login_staff(client, counselor)
    client.post("/i18n/setlang/", {"language": "vi", "next": "/workspace/"})
    assert User.objects.get(pk=counselor.pk).preferred_language == "vi"


def test_a_new_device_shows_the_accounts_language(counselor):
    counselor.preferred_language = "vi"
    counselor.save()
    fresh_device = Client()
    login_staff(fresh_device, counselor)
    page = fresh_device.get("/workspace/").content.decode()
    assert '<html lang="vi"' in page


def test_the_devices_own_choice_wins_over_the_account(counselor):
    counselor.preferred_language = "vi"
    counselor.save()
    device = Client()
    login_staff(device, counselor)
    device.cookies["django_language"] = "ru"
    assert '<html lang="ru"' in device.get("/workspace/").content.decode()


def test_an_unsupported_language_is_not_saved(client, counselor):
    login_staff(client, counselor)
    client.post("/i18n/setlang/", {"language": "xx", "next": "/workspace/"})
    assert User.objects.get(pk=counselor.pk).preferred_language == ""
