"""A NUL byte in a form field or in a JSON body is refused with a 400 and a message before any
view reads it: PostgreSQL text cannot hold one, and each write of one was a 500 (found by the
bad-input sweep on PostgreSQL). A query string keeps its NUL for the view to drop."""

from __future__ import annotations

import pytest

from ieum.core.models import User


def test_a_form_field_with_a_nul_byte_is_refused_with_a_message(client):
    response = client.post(
        "/accounts/login/", {"username": "a\x00b", "password": "x"}, HTTP_ACCEPT_LANGUAGE="en"
    )
    assert response.status_code == 400
    assert "cannot be stored (NUL)" in response.content.decode()


@pytest.mark.parametrize("body", ['{"name": "a\\u0000b"}', '{"items": ["x", {"k": "\\u0000"}]}'])
def test_a_json_body_with_a_nul_byte_is_refused_with_a_detail(client, body):
    response = client.post("/api/v1/residents/", body, content_type="application/json")
    assert response.status_code == 400 and "NUL" in response.json()["detail"]


def test_a_json_body_that_spells_a_backslash_is_let_through(client):
    # "\\\\u0000" is a backslash followed by the letters u0000: text, not a NUL byte.
    response = client.post("/api/v1/residents/", '{"name": "a\\\\u0000b"}', content_type="application/json")
    assert response.status_code == 401  # on to the API, which asks who is calling


def test_a_long_user_name_is_cut_for_the_record_of_attempts(db, client):
    from axes.models import AccessAttempt

    for _ in range(2):
        response = client.post("/accounts/login/", {"username": "x" * 100_000, "password": "wrong"})
        assert response.status_code == 200
    recorded = AccessAttempt.objects.get().username
    assert recorded == "x" * User._meta.get_field("username").max_length
