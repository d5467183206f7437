from __future__ import annotations

import pytest

from ieum.portal.tests.conftest import sign_up
from ieum.privacy.models import Consent
from ieum.privacy.services import consent_record
from ieum.privacy.texts import consent_text
from ieum.residents.models import Resident
from ieum.residents.services import ResidentData, resident_create

pytestmark = pytest.mark.django_db


def test_the_stored_text_of_each_consent_is_shown(client):
    sign_up(client)
    page = client.get("/my/consents/").content.decode()
    assert consent_text(kind="collection", language="en") in page


def test_identifier_consent_is_given_by_web_and_withdrawn(client):
    sign_up(client)
    response = client.post("/my/consents/", {"kind": "identifiers"})
    assert response.status_code == 302
    resident = Resident.objects.get(user__isnull=False)
    consent = resident.consents.get(kind=Consent.Kind.IDENTIFIERS)
    assert (consent.channel, consent.language, consent.active) == ("web", "en", True)
    assert consent.text == consent_text(kind="identifiers", language="en")

    response = client.post(f"/my/consents/{consent.pk}/withdraw/")
    assert response.status_code == 302
    consent.refresh_from_db()
    assert consent.withdrawn_at is not None
    assert b"Withdrawn on" in client.get("/my/consents/").content


def test_another_persons_consent_cannot_be_withdrawn(client):
    other = resident_create(data=ResidentData(name="OTHER PERSON"), actor=None)
    theirs = consent_record(resident=other, kind="collection", channel="web", actor=None)
    sign_up(client)
    assert client.post(f"/my/consents/{theirs.pk}/withdraw/").status_code == 404
    theirs.refresh_from_db()
    assert theirs.withdrawn_at is None
