"""A vacancy's seats are taken under a row lock: hires never exceed the headcount, also when
many hires race (PostgreSQL pass)."""

from __future__ import annotations

import pytest

from ieum.core.models import Municipality
from ieum.core.testing import run_concurrently
from ieum.jobs import services
from ieum.jobs.models import Placement, Vacancy
from ieum.jobs.tests.conftest import build_world, make_seeker


def test_a_second_hire_on_a_single_opening_is_refused(jobs_world):
    other = make_seeker("LE VAN CUONG", status="F-2", place=Municipality.objects.get(code="46830"))
    services.placement_advance(
        vacancy=jobs_world.vacancy_a, seeker=jobs_world.consented, stage="hired", actor=None
    )
    with pytest.raises(services.SeatsFull):
        services.placement_advance(vacancy=jobs_world.vacancy_a, seeker=other, stage="hired", actor=None)
    jobs_world.vacancy_a.refresh_from_db()
    assert jobs_world.vacancy_a.status == Vacancy.Status.FILLED
    assert Placement.objects.filter(stage="hired").count() == 1


def test_leaving_is_recorded_with_a_workplace_change(jobs_world):
    placement = services.placement_advance(
        vacancy=jobs_world.vacancy_a, seeker=jobs_world.consented, stage="hired", actor=None
    )
    with pytest.raises(Exception):  # noqa: B017 - before the hiring date
        services.placement_leave(
            placement=placement,
            left_on=placement.hired_on.replace(year=2000),
            workplace_change=True,
            actor=None,
        )
    left = services.placement_leave(
        placement=placement, left_on=placement.hired_on, workplace_change=True, actor=None
    )
    assert left.stage == "left" and left.workplace_change


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True)
def test_racing_hires_never_exceed_the_headcount(region):
    world = build_world()
    Vacancy.objects.filter(pk=world.vacancy_a.pk).update(headcount=3)
    place = Municipality.objects.get(code="46830")
    seekers = [make_seeker(f"SEEKER {n}", status="F-5", place=place) for n in range(50)]

    def hire(seeker):
        return services.placement_advance(vacancy=world.vacancy_a, seeker=seeker, stage="hired", actor=None)

    results = run_concurrently(hire, seekers)
    assert sum(isinstance(r, Placement) for r in results) == 3
    assert Placement.objects.filter(vacancy=world.vacancy_a, stage="hired").count() == 3
