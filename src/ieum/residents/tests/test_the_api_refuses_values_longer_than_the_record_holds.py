"""The resident API refuses a value longer than its column with a 422 naming the field; it
reached the database and failed there with a 500 on PostgreSQL (found by the bad-input sweep)."""

from __future__ import annotations

import pytest

from ieum.core.models import ApiToken
from ieum.residents.models import Resident


@pytest.mark.parametrize(
    "field", ["name", "name_native", "name_hangul", "address", "email", "preferred_language"]
)
def test_a_value_longer_than_its_column_is_refused(client, counselor, field):
    key = ApiToken.issue(user=counselor, name="script")[1]
    response = client.post(
        "/api/v1/residents/",
        {"name": "TRAN THI HOA", field: "x" * 100_000},
        content_type="application/json",
        HTTP_AUTHORIZATION=f"Bearer {key}",
    )
    assert response.status_code == 422
    assert field in str(response.json())
    assert not Resident.objects.exists()
