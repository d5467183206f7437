"""A number beyond any real wage, week or headcount, or a county id beyond the database's range,
is refused by the form with a message; each used to reach the database and fail there with a 500
(found by the bad-input sweep)."""

from __future__ import annotations

import pytest

from ieum.jobs.forms import ProfileForm, VacancyForm

HUGE = "99999999999999999999"
VACANCY = {
    "title": "Welder",
    "ksco_code": "7430",
    "wage_hourly": "12000",
    "hours_per_week": "40",
    "korean_required": "2",
    "start_date": "2026-12-01",
    "headcount": "3",
}


@pytest.mark.parametrize("field", ["wage_hourly", "hours_per_week", "korean_required", "headcount"])
def test_a_vacancy_number_beyond_any_real_value_is_refused(db, field):
    assert VacancyForm(VACANCY).is_valid()
    form = VacancyForm({**VACANCY, field: HUGE})
    assert not form.is_valid() and field in form.errors


def test_a_wanted_wage_or_county_id_beyond_range_is_refused(region):
    assert not ProfileForm({"wanted_wage": HUGE}).is_valid()
    form = ProfileForm({"wanted_wage": "10030", "counties": [HUGE]})
    assert not form.is_valid() and "counties" in form.errors


def test_a_round_name_longer_than_its_column_is_refused(db):
    from django.core.exceptions import ValidationError

    from ieum.core.models import Role, User
    from ieum.jobs.models import MatchingRound
    from ieum.jobs.services import round_create

    officer = User.objects.create_user(username="officer", password="x" * 12, role=Role.OFFICER)
    with pytest.raises(ValidationError):
        round_create(name="x" * 100_000, actor=officer)
    assert not MatchingRound.objects.exists()
