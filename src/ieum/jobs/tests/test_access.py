"""Who may use each jobs page and endpoint (issue 3's employer reach, issue 8).

An employer sees only their own business, its vacancies and consenting candidates; another
business's employer is refused; a seeker without consent never appears to any employer; officers
verify employers (a county officer only those of the county); residents only their own profile;
interpreters, partners and analysts are refused (analysts: aggregates only)."""

from __future__ import annotations

import pytest

from ieum.core.models import Municipality, Role, User
from ieum.core.testing import client_for, open_case_for, role_users, wrongly_treated
from ieum.jobs.models import MatchingRound
from ieum.jobs.tests.conftest import build_world

COVERED_PATTERNS = {
    "jobs/employer/",
    "jobs/employer/vacancies/new/",
    "jobs/employer/vacancies/<int:vacancy_id>/",
    "jobs/employer/vacancies/<int:vacancy_id>/candidates/<int:seeker_id>/",
    "jobs/my/",
    "jobs/my/consent/",
    "jobs/workspace/seekers/<int:resident_id>/",
    "jobs/workspace/employers/",
    "jobs/workspace/employers/<int:employer_id>/verify/",
    "jobs/workspace/rounds/",
    "jobs/workspace/rounds/<int:round_id>/",
    "jobs/workspace/report/",
    "jobs/workspace/report.xlsx",
    "api/v1/jobs/my/recommendations",
    "api/v1/jobs/report",
}
RESIDENTS = {"resident_self", "resident_other"}
OFFICERS = {"officer", "county_officer_other", "admin"}


@pytest.fixture
def setup(region):
    users = role_users(county_other=Municipality.objects.get(code="46820"))
    world = build_world(users)
    # The counselor helps the seeker through a case of hers; the other counselor has none.
    open_case_for(users["counselor"], world.consented.resident)
    users["counselor_other"] = User.objects.create_user(
        "counselor-other", password="x" * 12, role=Role.COUNSELOR
    )
    matching_round = MatchingRound.objects.create(name="November", created_by=users["officer"])
    return users, world, matching_round


def _cases(world, matching_round):
    a, seeker = world.vacancy_a, world.consented
    return [
        ("get", "/jobs/employer/", None, {"employer"}),
        ("get", "/jobs/employer/vacancies/new/", None, {"employer"}),
        ("get", f"/jobs/employer/vacancies/{a.pk}/", None, {"employer"}),
        # Another business's vacancy: refused even to an employer (IDOR).
        ("get", f"/jobs/employer/vacancies/{world.vacancy_b.pk}/", None, set()),
        (
            "post",
            f"/jobs/employer/vacancies/{a.pk}/candidates/{seeker.pk}/",
            {"stage": "offered"},
            {"employer"},
        ),
        # A seeker without consent cannot be reached by any employer, even by id.
        (
            "post",
            f"/jobs/employer/vacancies/{a.pk}/candidates/{world.unconsented.pk}/",
            {"stage": "offered"},
            set(),
        ),
        ("get", "/jobs/my/", None, RESIDENTS),
        ("post", "/jobs/my/consent/", {"give": "1"}, RESIDENTS),
        # The seeker lives in Yeongam: the Haenam county officer does not reach her.
        ("get", f"/jobs/workspace/seekers/{seeker.resident_id}/", None, {"counselor", "officer", "admin"}),
        ("get", "/jobs/workspace/employers/", None, OFFICERS),
        ("post", f"/jobs/workspace/employers/{world.employer_a.pk}/verify/", {}, {"officer", "admin"}),
        ("get", "/jobs/workspace/rounds/", None, OFFICERS),
        ("get", f"/jobs/workspace/rounds/{matching_round.pk}/", None, OFFICERS),
        ("get", "/jobs/workspace/report/", None, OFFICERS | {"analyst"}),
        ("get", "/jobs/workspace/report.xlsx", None, OFFICERS | {"analyst"}),
        ("get", "/api/v1/jobs/my/recommendations", None, RESIDENTS),
        ("get", "/api/v1/jobs/report", None, OFFICERS | {"analyst"}),
    ]


def test_each_page_and_endpoint_lets_in_only_its_roles(setup):
    users, world, matching_round = setup
    for method, url, data, allowed in _cases(world, matching_round):

        def call(client, method=method, url=url, data=data):
            return client.get(url) if method == "get" else client.post(url, data or {})

        assert wrongly_treated(users, allowed, call) == [], f"{method} {url}"


def test_another_business_sees_neither_the_vacancy_nor_its_candidates(setup):
    users, world, _ = setup
    other = client_for(world.user_b)
    assert other.get(f"/jobs/employer/vacancies/{world.vacancy_a.pk}/").status_code == 404
    url = f"/jobs/employer/vacancies/{world.vacancy_a.pk}/candidates/{world.consented.pk}/"
    assert other.post(url, {"stage": "hired"}).status_code == 404
    home = other.get("/jobs/employer/").content.decode()
    assert world.employer_b.name in home and world.vacancy_a.employer.name not in home
