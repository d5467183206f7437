"""The consent API refuses a value longer than its column with a 422; it reached the database and
failed there with a 500 on PostgreSQL (found by the bad-input sweep)."""

from __future__ import annotations

import pytest

from ieum.core.models import ApiToken
from ieum.privacy.models import Consent
from ieum.residents.services import ResidentData, resident_create


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("language", "no-such-choice"),
        ("recipient_kind", "x" * 11),
        ("purpose", "x" * 31),
        ("retention", "x" * 201),
    ],
)
def test_a_value_longer_than_its_column_is_refused(client, db, field, value):
    from ieum.core.models import Role, User

    officer = User.objects.create_user(username="officer", password="x" * 12, role=Role.ADMIN)
    person = resident_create(data=ResidentData(name="TRAN THI HOA"), actor=None)
    key = ApiToken.issue(user=officer, name="script")[1]
    response = client.post(
        f"/api/v1/residents/{person.pk}/consents",
        {"kind": "collection", "channel": "web", field: value},
        content_type="application/json",
        HTTP_AUTHORIZATION=f"Bearer {key}",
    )
    assert response.status_code == 422
    assert not Consent.objects.exists()
