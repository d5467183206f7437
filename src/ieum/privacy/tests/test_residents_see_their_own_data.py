"""A resident can see what Ieum holds about them and who it was shared with, and ask for a
correction or deletion; nobody else's data is reachable that way."""

from __future__ import annotations

import pytest

from ieum.privacy.models import RightsRequest
from ieum.privacy.services import consent_record, provision_record
from ieum.residents.services import ResidentData, resident_create


@pytest.fixture
def me(db, resident_user, counselor):
    person = resident_create(data=ResidentData(name="SOK DARA", arn="900101-5123456"), actor=None)
    person.user = resident_user
    person.save()
    consent_record(
        resident=person,
        kind="provision",
        channel="phone",
        witness=counselor,
        actor=counselor,
        recipient_kind="partner",
        recipient_id="3",
        recipient_name="Legal Aid 132",
        purpose="legal",
        items=["name"],
        retention="6 months",
    )
    provision_record(
        resident=person,
        recipient_kind="partner",
        recipient_id="3",
        recipient_name="Legal Aid 132",
        purpose="legal",
        items=["name"],
        actor=counselor,
    )
    return person


def test_a_resident_downloads_their_data_with_the_provision_ledger(client, me, resident_user):
    client.force_login(resident_user)
    body = client.get("/api/v1/me/data").json()
    assert body["record"]["name"] == "SOK DARA"
    assert body["record"]["alien_registration_number"] == "900101-5******"
    assert body["shared_with"][0]["recipient"] == "Legal Aid 132"


def test_a_resident_asks_for_a_correction(client, me, resident_user):
    client.force_login(resident_user)
    response = client.post(
        "/api/v1/me/requests",
        {"kind": "correction", "detail": "My name is SOK DARAH"},
        content_type="application/json",
    )
    assert response.status_code == 201
    assert RightsRequest.objects.get(resident=me).kind == "correction"


def test_staff_accounts_have_no_me_data(counselor_client, me):
    assert counselor_client.get("/api/v1/me/data").status_code == 404
