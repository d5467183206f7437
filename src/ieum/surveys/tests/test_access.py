"""Every survey page against every role: officers and administrators manage surveys; analysts
read them and export (answers only); a respondent sees only their own submission; OpenRosa
refuses a browser session without its credentials; employers, partners, interpreters and
counselors are kept out of the staff pages."""

from __future__ import annotations

from typing import Any

import pytest

from ieum.core.testing import client_for, role_users, wrongly_treated
from ieum.surveys.models import Export, Survey
from ieum.surveys.services import submission_create, survey_upload
from ieum.surveys.tests.conftest import GOOD_ANSWERS, household_form

pytestmark = pytest.mark.django_db

COVERED_PATTERNS = {
    "surveys/manage/",
    "surveys/manage/<int:survey_id>/",
    "surveys/manage/<int:survey_id>/review/",
    "surveys/manage/<int:survey_id>/submissions/<int:submission_id>/",
    "surveys/manage/<int:survey_id>/export/",
    "surveys/manage/exports/<int:export_id>/",
    "surveys/answer/<str:token>/",
    "surveys/answer/<str:token>/thanks/",
    "surveys/mine/<int:submission_id>/",
    "surveys/openrosa/formList",
    "surveys/openrosa/forms/<int:version_id>/form.xml",
    "surveys/openrosa/submission",
}
MANAGERS = {"officer", "county_officer_other", "admin"}
READERS = MANAGERS | {"analyst"}
EVERYONE = {
    "anonymous",
    "resident_self",
    "resident_other",
    "counselor",
    "interpreter",
    "officer",
    "county_officer_other",
    "employer",
    "partner",
    "analyst",
    "admin",
}


@pytest.fixture
def world():
    users = role_users()
    version = survey_upload(content=household_form(), actor=users["officer"])
    survey = version.survey
    own, _p = submission_create(
        version=version, answers=GOOD_ANSWERS, language="vi", respondent=users["resident_self"]
    )
    closed = Survey.objects.create(
        id_string="residents_only", title="Residents only", audience=Survey.Audience.RESIDENT
    )
    closed.versions.create(version="1", xlsform=b"", definition=version.definition, xform=version.xform)
    export = Export.objects.create(survey=survey, requested_by=users["analyst"], status=Export.Status.QUEUED)
    return users, {"survey": survey, "own": own, "closed": closed, "export": export, "version": version}


def rules(o: dict[str, Any]) -> list[tuple[str, Any, set[str]]]:
    s = o["survey"].pk
    manage = f"/surveys/manage/{s}"
    upload = "/surveys/openrosa/submission"
    return [
        ("list", lambda c: c.get("/surveys/manage/"), READERS),
        ("detail", lambda c: c.get(f"{manage}/"), READERS),
        (
            "review",
            lambda c: c.post(f"{manage}/review/", {"ids": [o["own"].pk], "status": "approved"}),
            MANAGERS,
        ),
        ("submission", lambda c: c.get(f"{manage}/submissions/{o['own'].pk}/"), MANAGERS),
        ("export", lambda c: c.post(f"{manage}/export/", {"format": "csv", "language": ""}), READERS),
        ("export page", lambda c: c.get(f"/surveys/manage/exports/{o['export'].pk}/"), {"analyst"}),
        ("answer, anyone", lambda c: c.get(f"/surveys/answer/{o['survey'].token}/"), EVERYONE),
        (
            "answer, residents",
            lambda c: c.get(f"/surveys/answer/{o['closed'].token}/"),
            {"resident_self", "resident_other"},
        ),
        ("thanks", lambda c: c.get(f"/surveys/answer/{o['survey'].token}/thanks/"), EVERYONE),
        ("own submission", lambda c: c.get(f"/surveys/mine/{o['own'].pk}/"), {"resident_self"}),
        ("form list", lambda c: c.get("/surveys/openrosa/formList"), set()),
        ("form xml", lambda c: c.get(f"/surveys/openrosa/forms/{o['version'].pk}/form.xml"), set()),
        ("submission", lambda c: c.post(upload, {}), set()),
    ]


def test_each_survey_page_lets_in_exactly_its_roles(world):
    # One world for all rules (users are slow to make: argon2); each rule reported by name.
    users, objects = world
    wrong = {
        name: found
        for name, call, allowed in rules(objects)
        if (found := wrongly_treated(users, allowed, call))
    }
    assert wrong == {}


def test_an_analysts_export_carries_no_respondent(world):
    users, objects = world
    client = client_for(users["analyst"])
    client.post(f"/surveys/manage/{objects['survey'].pk}/export/", {"format": "xlsx", "language": ""})
    export = Export.objects.filter(requested_by=users["analyst"]).latest("pk")
    from openpyxl import load_workbook

    header = [c.value for c in next(load_workbook(export.path)["data"].iter_rows(max_row=1))]
    assert not any(h in header for h in ("respondent", "resident", "_respondent", "user"))
