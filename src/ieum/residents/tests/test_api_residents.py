"""The resident API: OpenAPI spec, token auth, the same access rules as the pages."""

from __future__ import annotations

import datetime as dt

import pytest

from ieum.core.models import AccessLog, ApiToken
from ieum.core.testing import open_case_for
from ieum.residents.services import ResidentData, resident_create


@pytest.fixture
def resident(db, counselor):
    person = resident_create(
        data=ResidentData(
            name="NGUYEN VAN AN",
            name_hangul="응우옌 반 안",
            birth_date=dt.date(1995, 3, 14),
            arn="950314-5123456",
        ),
        actor=None,
    )
    open_case_for(counselor, person)  # the counselor reaches the record through a case
    return person


@pytest.fixture
def token(counselor):
    _, key = ApiToken.issue(user=counselor, name="cti")
    return key


def test_the_openapi_spec_is_served(client, db):
    response = client.get("/api/v1/openapi.json")
    assert response.status_code == 200
    spec = response.json()
    assert spec["openapi"].startswith("3.1")
    assert "/api/v1/residents/" in spec["paths"]


def test_an_anonymous_call_is_refused(client, resident):
    assert client.get("/api/v1/residents/?q=nguyen").status_code == 401
    assert client.get(f"/api/v1/residents/{resident.pk}").status_code == 401


def test_a_token_finds_residents_and_the_search_is_logged(client, resident, token, counselor):
    response = client.get("/api/v1/residents/?q=응우옌", HTTP_AUTHORIZATION=f"Bearer {token}")
    assert response.status_code == 200
    body = response.json()
    assert [r["id"] for r in body] == [resident.pk]
    assert body[0]["arn_masked"] == "950314-5******"
    assert "9503145123456" not in response.content.decode()
    assert AccessLog.objects.filter(user=counselor, action="search", channel="api").exists()


def test_a_revoked_token_is_refused(client, resident, counselor):
    api_token, key = ApiToken.issue(user=counselor, name="old")
    api_token.revoked_at = dt.datetime(2026, 1, 1, tzinfo=dt.UTC)
    api_token.save()
    assert client.get("/api/v1/residents/?q=nguyen", HTTP_AUTHORIZATION=f"Bearer {key}").status_code == 401


def test_lookup_by_arn_goes_in_the_body_and_finds_the_person(client, resident, token):
    response = client.post(
        "/api/v1/residents/lookup",
        {"arn": "950314-5123456", "purpose": "phone call"},
        content_type="application/json",
        HTTP_AUTHORIZATION=f"Bearer {token}",
    )
    assert response.status_code == 200
    assert [r["id"] for r in response.json()] == [resident.pk]


def test_reading_one_resident_writes_the_access_log(client, resident, token, counselor):
    response = client.get(
        f"/api/v1/residents/{resident.pk}?purpose=case", HTTP_AUTHORIZATION=f"Bearer {token}"
    )
    assert response.status_code == 200
    log = AccessLog.objects.get(user=counselor, action="view", subject_id=str(resident.pk))
    assert log.purpose == "case" and log.channel == "api"


def test_creating_a_resident_validates_and_returns_errors_in_the_callers_language(client, token, db):
    response = client.post(
        "/api/v1/residents/",
        {"name": "TRAN THI HOA", "arn": "950314-9123456"},
        content_type="application/json",
        HTTP_AUTHORIZATION=f"Bearer {token}",
        HTTP_ACCEPT_LANGUAGE="en",
    )
    assert response.status_code == 400
    assert "7th digit" in response.json()["errors"]["arn"][0]
    response = client.post(
        "/api/v1/residents/",
        {"name": "TRAN THI HOA", "phone": "010-9999-8888"},
        content_type="application/json",
        HTTP_AUTHORIZATION=f"Bearer {token}",
    )
    assert response.status_code == 201
    assert response.json()["resident"]["phone"] == "+821099998888"


def test_revealing_an_identifier_needs_a_purpose_and_is_logged(client, resident, token, counselor):
    headers = {"HTTP_AUTHORIZATION": f"Bearer {token}"}
    refused = client.post(
        f"/api/v1/residents/{resident.pk}/reveal",
        {"kind": "arn", "purpose": " "},
        content_type="application/json",
        **headers,
    )
    assert refused.status_code == 403
    shown = client.post(
        f"/api/v1/residents/{resident.pk}/reveal",
        {"kind": "arn", "purpose": "visa form"},
        content_type="application/json",
        **headers,
    )
    assert shown.status_code == 200 and shown.json()["value"] == "9503145123456"
    assert AccessLog.objects.filter(user=counselor, action="reveal", subject_id=str(resident.pk)).count() == 1


def test_a_resident_account_sees_only_its_own_record(client, resident, resident_user):
    other = resident_create(data=ResidentData(name="OTHER PERSON"), actor=None)
    resident.user = resident_user
    resident.save()
    client.force_login(resident_user)
    assert client.get(f"/api/v1/residents/{resident.pk}").status_code == 200
    assert client.get(f"/api/v1/residents/{other.pk}").status_code == 404
    assert client.get("/api/v1/residents/?q=other").status_code == 403


@pytest.mark.parametrize("role_fixture", ["employer_user", "analyst"])
def test_employers_and_analysts_cannot_read_resident_records(
    client, resident, role_fixture, request, login_staff
):
    login_staff(client, request.getfixturevalue(role_fixture))
    assert client.get(f"/api/v1/residents/{resident.pk}").status_code == 404
    assert client.get("/api/v1/residents/?q=nguyen").status_code == 403
