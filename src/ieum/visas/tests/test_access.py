"""Every visa page and endpoint against every role: a county officer reaches only that county's
applications and residents, the province officer all; counselors screen and start applications;
residents only their own eligibility; analysts only aggregates; interpreters, employers and
partners nothing."""

from __future__ import annotations

import datetime as dt

import pytest

from ieum.core.models import Role, User
from ieum.core.testing import open_case_for, role_users, wrongly_treated
from ieum.visas import services
from ieum.visas.models import Application, Track
from ieum.visas.tests.people import make_applicant

COVERED_PATTERNS = {
    "visas/",
    "visas/residents/<int:resident_id>/screen/",
    "visas/applications/",
    "visas/applications/<int:application_id>/",
    "visas/applications/<int:application_id>/review/",
    "visas/applications/<int:application_id>/filing/",
    "visas/applications/<int:application_id>/letter.pdf",
    "visas/quotas/",
    "visas/quotas.xlsx",
    "visas/parameters/",
    "visas/tracks/",
    "visas/tracks/<int:track_id>/",
    "visas/indicators/",
    "visas/indicators.xlsx",
    "visas/obligations/",
    "visas/my/eligibility/",
    "api/v1/visas/residents/<resident_id>/screening",
    "api/v1/visas/quotas",
}

PROVINCE = {"officer"}
OFFICERS = {"officer", "county_officer", "county_officer_other"}
# Yeongam's resident A: the counselor has a case of hers, the other counselor none.
REACH_A = {"counselor", "officer", "county_officer", "admin"}
PROGRAM_STAFF = OFFICERS | {"admin"}
AGGREGATES = {"counselor", "counselor_other", "analyst"} | PROGRAM_STAFF
INDICATORS = {"analyst"} | PROGRAM_STAFF
RESIDENTS = {"resident_self", "resident_other"}


@pytest.fixture
def world(yeongam, haenam):
    users = role_users(county_other=haenam)
    users["county_officer"] = User.objects.create_user(
        username="county-officer", password="x" * 12, role=Role.OFFICER, municipality=yeongam
    )
    person_a = make_applicant(municipality=yeongam, documents=False)
    person_a.user = users["resident_self"]
    person_a.save()
    open_case_for(users["counselor"], person_a)
    users["counselor_other"] = User.objects.create_user(
        username="counselor-other", password="x" * 12, role=Role.COUNSELOR
    )
    other = make_applicant(
        name="SOK DARA", hangul="속다라", municipality=haenam, nationality="KH", documents=False
    )
    other.user = users["resident_other"]
    other.save()
    waiting = services.application_create(resident=person_a, program="f2r", actor=users["counselor"])
    issued = Application.objects.create(
        resident=person_a,
        program="e74r",
        year=dt.date.today().year,
        municipality=yeongam,
        status=Application.Status.APPROVED,
        letter_number="전남-2026-E-7-4R-0099",
        letter_issued_at=dt.datetime.now(dt.UTC),
    )
    track = Track.objects.create(
        code="d2-students",
        name="D-2 students",
        base_status="D-2",
        valid_from=dt.date(2026, 1, 1),
        created_by=users["officer"],
    )
    return {"users": users, "a": person_a, "waiting": waiting, "issued": issued, "track": track}


def check(world, allowed, call):
    assert wrongly_treated(world["users"], frozenset(allowed), call) == []


def test_the_visa_home_is_for_staff_who_work_with_the_programs(world):
    check(world, AGGREGATES, lambda c: c.get("/visas/"))


def test_screening_a_resident_follows_the_reach_of_the_record(world):
    check(world, REACH_A, lambda c: c.get(f"/visas/residents/{world['a'].pk}/screen/"))


def test_starting_an_application_follows_the_reach_of_the_record(world):
    url = f"/visas/residents/{world['a'].pk}/screen/"
    check(world, REACH_A, lambda c: c.post(url, {"program": "f4r"}))


def test_a_county_officer_lists_only_that_countys_applications(world):
    check(world, PROGRAM_STAFF, lambda c: c.get("/visas/applications/"))
    from ieum.core.testing import client_for

    other = client_for(world["users"]["county_officer_other"]).get("/visas/applications/")
    assert world["a"].name not in other.content.decode()
    own = client_for(world["users"]["county_officer"]).get("/visas/applications/")
    assert world["a"].name in own.content.decode()


def test_an_application_opens_for_its_county_and_the_province(world):
    pk = world["waiting"].pk
    check(world, {"officer", "county_officer", "admin"}, lambda c: c.get(f"/visas/applications/{pk}/"))


def test_the_county_review_is_for_that_countys_officer_and_the_province(world):
    url = f"/visas/applications/{world['waiting'].pk}/review/"
    check(world, {"officer", "county_officer"}, lambda c: c.post(url, {"decision": "refuse", "note": "x"}))


def test_filing_and_decisions_are_for_the_province(world):
    url = f"/visas/applications/{world['issued'].pk}/filing/"
    data = {"step": "file", "office": "목포출장소", "day": "2026-11-26"}
    check(world, PROVINCE, lambda c: c.post(url, data))


def test_the_letter_opens_for_its_county_and_the_province(world):
    url = f"/visas/applications/{world['issued'].pk}/letter.pdf"
    check(world, {"officer", "county_officer", "admin"}, lambda c: c.get(url))


def test_quota_tables_are_aggregates(world):
    check(world, AGGREGATES, lambda c: c.get("/visas/quotas/"))
    check(world, AGGREGATES, lambda c: c.get("/visas/quotas.xlsx"))
    check(world, AGGREGATES, lambda c: c.get("/api/v1/visas/quotas"))


def test_only_the_province_sets_quotas(world):
    municipality = world["a"].municipality_id
    data = {"program": "f2r", "year": 2026, "municipality": municipality, "amount": 5, "source": "2026 plan"}
    check(world, PROVINCE, lambda c: c.post("/visas/quotas/", data))


def test_parameters_are_read_by_program_staff_and_changed_by_the_province(world):
    check(world, PROGRAM_STAFF, lambda c: c.get("/visas/parameters/"))
    data = {"name": "f2r.repeat_years", "value": "5", "valid_from": "2027-01-01", "source": "test"}
    check(world, PROVINCE, lambda c: c.post("/visas/parameters/", data))


def test_tracks_are_read_by_program_staff_and_designed_by_the_province(world):
    check(world, PROGRAM_STAFF, lambda c: c.get("/visas/tracks/"))
    check(world, PROGRAM_STAFF, lambda c: c.get(f"/visas/tracks/{world['track'].pk}/"))
    check(world, PROVINCE, lambda c: c.post("/visas/tracks/", {"code": ""}))
    check(world, PROVINCE, lambda c: c.post(f"/visas/tracks/{world['track'].pk}/", {"year": ""}))


def test_indicators_are_for_officers_and_analysts(world):
    check(world, INDICATORS, lambda c: c.get("/visas/indicators/"))
    check(world, INDICATORS, lambda c: c.get("/visas/indicators.xlsx"))


def test_obligation_alerts_are_for_program_staff(world):
    check(world, PROGRAM_STAFF, lambda c: c.get("/visas/obligations/"))
    check(world, PROGRAM_STAFF, lambda c: c.post("/visas/obligations/", {"alert": "0"}))


def test_residents_see_only_their_own_eligibility(world):
    check(world, RESIDENTS, lambda c: c.get("/visas/my/eligibility/"))
    check(world, RESIDENTS, lambda c: c.post("/visas/my/eligibility/", {"program": "f4r"}))
    from ieum.core.testing import client_for

    page = client_for(world["users"]["resident_other"]).get("/visas/my/eligibility/").content.decode()
    assert "Yeongam" not in page and "영암" not in page


def test_the_screening_api_follows_the_reach_of_the_record(world):
    check(world, REACH_A, lambda c: c.get(f"/api/v1/visas/residents/{world['a'].pk}/screening"))
