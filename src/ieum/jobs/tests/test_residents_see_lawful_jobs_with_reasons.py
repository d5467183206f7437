"""A resident sees lawful jobs with the factors of each score and, for jobs they may not take,
the rule's reason in their language; an E-9 worker is shown the lawful EPS path instead."""

from __future__ import annotations

import datetime as dt

from django.utils import translation

from ieum.core.models import Municipality, Role, User
from ieum.core.testing import client_for
from ieum.jobs.models import SeekerProfile
from ieum.jobs.selectors import employer_consent
from ieum.jobs.tests.conftest import make_seeker


def _resident_user(name: str) -> User:
    return User.objects.create_user(name, password="x" * 12, role=Role.RESIDENT)


def test_a_free_status_sees_the_vacancy_and_why_it_fits(jobs_world):
    user = _resident_user("an")
    make_seeker("PHAM VAN DUC", status="F-5", place=Municipality.objects.get(code="46830"), user=user)
    html = client_for(user).get("/jobs/my/").content.decode()
    assert jobs_world.vacancy_a.employer.name in html
    assert "Occupation" in html and "Korean level" in html


def test_an_e9_worker_is_shown_the_eps_path_and_no_jobs(jobs_world):
    user = _resident_user("e9")
    make_seeker("SOK VISAL", status="E-9", place=Municipality.objects.get(code="46830"), user=user)
    html = client_for(user).get("/jobs/my/").content.decode()
    assert "Employment Permit System" in html
    assert jobs_world.vacancy_a.employer.name not in html
    assert client_for(user).get("/api/v1/jobs/my/recommendations").json() == []


def test_an_area_bound_status_is_told_which_rule_excludes_a_job(jobs_world):
    user = _resident_user("f2r")
    make_seeker(
        "KIM ANNA",
        status="F-4-R",
        place=Municipality.objects.get(code="46830"),
        user=user,
        since=dt.date(2026, 1, 1),
    )
    html = client_for(user).get("/jobs/my/").content.decode()
    # Vacancy B is in Haenam; F-4-R binds the person to Yeongam for two years (facts.md §1.3).
    assert "Your status binds you to work in Yeongam" in html


def test_reasons_read_in_the_persons_language(jobs_world):
    user = _resident_user("vi")
    make_seeker(
        "KIM ANNA",
        status="F-4-R",
        place=Municipality.objects.get(code="46830"),
        user=user,
        since=dt.date(2026, 1, 1),
    )
    with translation.override("ko"):
        from ieum.jobs.recommend import excluded_for_seeker

        resident = user.resident
        reasons = [reason for _, reason in excluded_for_seeker(resident, jobs_world.vacancy_a.start_date)]
    assert reasons and all(isinstance(r, str) and r for r in reasons)


def test_bad_profile_input_changes_nothing(jobs_world):
    user = _resident_user("bad")
    make_seeker("LE THI HOA", status="F-6", place=Municipality.objects.get(code="46830"), user=user)
    before = SeekerProfile.objects.get(resident__user=user).experience
    response = client_for(user).post("/jobs/my/", {"ksco_1": "0000", "years_1": "2", "wanted_wage": "11000"})
    assert response.status_code == 200
    assert "KSCO" in response.content.decode()
    assert SeekerProfile.objects.get(resident__user=user).experience == before


def test_the_resident_gives_and_withdraws_the_employer_consent(jobs_world):
    user = _resident_user("consent")
    profile = make_seeker(
        "HOANG VAN NAM", status="F-2", place=Municipality.objects.get(code="46830"), user=user, consent=False
    )
    client = client_for(user)
    client.post("/jobs/my/consent/", {"give": "1"})
    assert employer_consent(profile.resident) is not None
    client.post("/jobs/my/consent/", {"give": "0"})
    assert employer_consent(profile.resident) is None


def test_the_profile_keeps_industries_and_other_counties(jobs_world):
    user = _resident_user("prof")
    make_seeker("LE THI HOA", status="F-6", place=Municipality.objects.get(code="46830"), user=user)
    haenam = Municipality.objects.get(code="46820")
    client = client_for(user)
    data = {
        "ksco_1": "7430",
        "years_1": "4",
        "wanted_wage": "12000",
        "industries": "311, 03",
        "counties": [haenam.pk],
    }
    assert client.post("/jobs/my/", data).status_code == 302
    profile = SeekerProfile.objects.get(resident__user=user)
    assert profile.industries == ["311", "03"] and profile.counties == ["46820"]
    client.post("/jobs/my/", {**data, "industries": "shipyards"})
    assert SeekerProfile.objects.get(resident__user=user).industries == ["311", "03"]
