from __future__ import annotations

import pytest
from django.conf import settings

from ieum.core.models import User
from ieum.portal.models import SignInCode
from ieum.portal.tests.conftest import last_sms_code, sign_up
from ieum.residents.models import Resident

pytestmark = pytest.mark.django_db


def test_the_language_chosen_at_sign_up_is_used_after_signing_in_on_another_device(client, django_user_model):
    sign_up(client, language="vi")
    SignInCode.objects.update(created_at="2000-01-01T00:00:00Z")

    other_device = client.__class__()
    other_device.post("/my/signin/", {"contact": "010-1234-5678"})
    response = other_device.post("/my/signin/code/", {"code": last_sms_code()})

    assert response.cookies[settings.LANGUAGE_COOKIE_NAME].value == "vi"
    page = other_device.get("/my/")
    assert page.content.decode().startswith('<!doctype html>\n\n<html lang="vi"')


def test_the_record_language_is_used_when_the_device_has_none(client):
    sign_up(client, language="vi")
    client.cookies.pop(settings.LANGUAGE_COOKIE_NAME)
    assert '<html lang="vi"' in client.get("/my/").content.decode()


def test_the_sign_in_code_is_written_in_the_record_language(client, outbox):
    sign_up(client, language="vi")
    client.post("/my/signout/")
    SignInCode.objects.update(created_at="2000-01-01T00:00:00Z")
    client.post("/my/signin/", {"contact": "010-1234-5678"})
    from django.utils import translation

    with translation.override("vi"):
        from django.utils.translation import gettext

        expected_start = gettext(
            "Your Ieum sign-in code is %(code)s. It is valid for %(minutes)s minutes. "
            "Do not tell it to anyone, not even to the center's staff."
        ) % {"code": last_sms_code(), "minutes": 5}
    assert outbox[-1].text == expected_start


def test_changing_the_language_in_the_portal_updates_the_record(client):
    sign_up(client, language="en")
    response = client.post("/my/language/", {"language": "km", "next": "/my/profile/"})
    assert response["Location"] == "/my/profile/"
    assert response.cookies[settings.LANGUAGE_COOKIE_NAME].value == "km"
    resident = Resident.objects.get(user__isnull=False)
    assert resident.preferred_language == "km"
    assert User.objects.get(pk=resident.user_id).preferred_language == "km"
    assert resident.languages.filter(language="km").exists()


def test_an_anonymous_visitor_changes_only_the_page_language(client):
    response = client.post("/my/language/", {"language": "th", "next": "/help/"})
    assert response["Location"] == "/help/"
    assert '<html lang="th"' in client.get("/help/").content.decode()
