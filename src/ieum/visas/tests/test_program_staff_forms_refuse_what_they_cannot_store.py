"""The parameter and obligation forms refuse what they cannot store with a message: NaN or an
infinite number as a parameter value (JSON cannot hold it; the database refused it with a 500),
and an alert id that is not an open alert's (a word was a 500, an unknown id was ignored without
a word). Found by the bad-input sweep."""

from __future__ import annotations

import pytest

from ieum.core.testing import client_for
from ieum.visas.models import ParameterChange
from ieum.visas.tests.test_access import world  # noqa: F401 (fixture)


@pytest.mark.parametrize("value", ["NaN", "1e309", "[1, Infinity]"])
def test_a_parameter_value_json_cannot_hold_is_refused_with_a_message(world, value):  # noqa: F811
    before = ParameterChange.objects.count()
    response = client_for(world["users"]["officer"]).post(
        "/visas/parameters/",
        {"name": "f2r.repeat_years", "value": value, "valid_from": "2027-01-01", "source": "test"},
        HTTP_ACCEPT_LANGUAGE="en",
    )
    assert response.status_code == 200
    assert 'class="error"' in response.content.decode()
    assert ParameterChange.objects.count() == before


@pytest.mark.parametrize("alert", ["<script>", "2026-02-30", "-1", "99999999999999999999"])
def test_an_alert_that_is_not_open_is_refused_with_a_message(world, alert):  # noqa: F811
    response = client_for(world["users"]["officer"]).post(
        "/visas/obligations/", {"alert": alert}, follow=True, HTTP_ACCEPT_LANGUAGE="en"
    )
    assert response.status_code == 200
    assert "This alert is not open any more" in response.content.decode()
