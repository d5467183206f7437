from __future__ import annotations

import pytest

from ieum.portal.tests.conftest import sign_up
from ieum.residents.models import Resident
from ieum.residents.services import ResidentData, resident_create

pytestmark = pytest.mark.django_db


def _form(**changes):
    data = {
        "name": "NGUYEN THI LAN",
        "name_native": "Nguyễn Thị Lan",
        "name_hangul": "응우옌 티 란",
        "phone": "010-1234-5678",
        "email": "lan@example.com",
        "municipality": "",
        "address": "",
        "preferred_language": "vi",
        "languages": ["ko", "en"],
    }
    data.update(changes)
    return data


def test_the_profile_saves_names_contact_county_and_languages(client, region):
    sign_up(client, language="en")
    from ieum.core.models import Municipality

    yeongam = Municipality.objects.get(code="46830")
    response = client.post("/my/profile/", _form(municipality=yeongam.pk))
    assert response.status_code == 302
    resident = Resident.objects.get(user__isnull=False)
    assert resident.name_native == "Nguyễn Thị Lan"
    assert resident.municipality == yeongam
    assert resident.preferred_language == "vi"
    assert sorted(resident.languages.values_list("language", flat=True)) == ["en", "ko", "vi"]
    assert response.cookies["django_language"].value == "vi"


def test_a_phone_of_another_account_is_refused(client):
    other = resident_create(data=ResidentData(name="OTHER", phone="010-9999-8888"), actor=None)
    from ieum.core.models import Role, User

    other.user = User.objects.create_user(username="other", role=Role.RESIDENT)
    other.save()
    sign_up(client)
    response = client.post("/my/profile/", _form(phone="010-9999-8888"))
    assert response.status_code == 200
    assert b"Another account already uses this." in response.content
