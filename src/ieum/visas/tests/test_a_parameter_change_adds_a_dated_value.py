from __future__ import annotations

import datetime as dt

import pytest
from django.core.exceptions import ValidationError

from ieum.core.testing import client_for
from ieum.visas import selectors, services
from ieum.visas.models import ParameterChange


def test_a_change_applies_from_its_date_and_leaves_the_past_as_it_was(db, province_officer):
    services.parameter_change(
        name="f2r.income_threshold",
        value=31_000_000,
        valid_from=dt.date(2027, 1, 1),
        source="2027 Jeonnam living wage notice",
        actor=province_officer,
    )
    params = selectors.params_in_force()
    assert params.get("f2r.income_threshold", dt.date(2026, 12, 31)) == 29_920_000
    assert params.get("f2r.income_threshold", dt.date(2027, 1, 1)) == 31_000_000
    assert params.get("f2r.income_threshold", dt.date(2025, 3, 1)) == 34_968_500
    change = ParameterChange.objects.get()
    assert change.old_value == 29_920_000 and change.changed_by == province_officer


def test_a_change_without_a_source_or_of_another_kind_is_refused(db, province_officer):
    with pytest.raises(ValidationError):
        services.parameter_change(
            name="f2r.korean_min", value=5, valid_from=dt.date(2027, 1, 1), source=" ", actor=province_officer
        )
    with pytest.raises(ValidationError):
        services.parameter_change(
            name="f2r.korean_min",
            value="five",
            valid_from=dt.date(2027, 1, 1),
            source="x",
            actor=province_officer,
        )
    with pytest.raises(ValidationError):
        services.parameter_change(
            name="f2r.no_such_thing",
            value=1,
            valid_from=dt.date(2027, 1, 1),
            source="x",
            actor=province_officer,
        )
    assert not ParameterChange.objects.exists()


def test_the_page_shows_who_changed_what_from_which_value(db, province_officer):
    client = client_for(province_officer)
    response = client.post(
        "/visas/parameters/",
        {"name": "f2r.korean_min", "value": "5", "valid_from": "2027-03-01", "source": "2027 operating plan"},
    )
    assert response.status_code == 302
    page = client.get("/visas/parameters/").content.decode()
    assert "2027 operating plan" in page and "province-officer" in page
    assert selectors.params_in_force().get("f2r.korean_min", dt.date(2027, 3, 1)) == 5
    assert selectors.params_in_force().get("f2r.korean_min", dt.date(2027, 2, 28)) == 4
