from __future__ import annotations

import json

import pytest

from ieum.portal.tests.conftest import sign_up
from ieum.privacy.models import RightsRequest

pytestmark = pytest.mark.django_db


def test_a_correction_request_is_sent_and_listed(client):
    sign_up(client)
    response = client.post("/my/requests/", {"kind": "correction", "detail": "My name is spelled wrong."})
    assert response.status_code == 302
    item = RightsRequest.objects.get()
    assert (item.kind, item.status, item.detail) == ("correction", "open", "My name is spelled wrong.")
    assert b"My name is spelled wrong." in client.get("/my/requests/").content
    assert b"correction" in client.get("/my/").content


def test_an_empty_request_is_refused(client):
    sign_up(client)
    response = client.post("/my/requests/", {"kind": "deletion", "detail": "  "})
    assert response.status_code == 200
    assert not RightsRequest.objects.exists()


def test_my_data_downloads_as_json(client):
    sign_up(client, name="Nguyen Thi Lan")
    response = client.get("/my/requests/my-data.json")
    assert response["Content-Disposition"] == 'attachment; filename="my-data.json"'
    data = json.loads(response.content)
    assert data["record"]["name"] == "Nguyen Thi Lan"
    assert data["consents"][0]["kind"] == "collection"
