"""Review status per submission, bulk review, and edits that keep their history."""

from __future__ import annotations

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from ieum.core.testing import run_concurrently
from ieum.surveys.models import Answer, Submission
from ieum.surveys.services import submission_create, submission_receive, survey_upload
from ieum.surveys.tests.conftest import GOOD_ANSWERS, household_form
from ieum.surveys.tests.test_openrosa import XML


@pytest.fixture
def three(household):
    version = household.current
    return [submission_create(version=version, answers=GOOD_ANSWERS, language="vi")[0] for _ in range(3)]


def test_bulk_review_sets_the_status_of_the_chosen_submissions_only(
    client, household, three, officer, login_staff
):
    login_staff(client, officer)
    chosen = [three[0].pk, three[1].pk]
    response = client.post(f"/surveys/manage/{household.pk}/review/", {"ids": chosen, "status": "approved"})
    assert response.status_code == 302
    statuses = dict(Submission.objects.values_list("pk", "status"))
    assert statuses == {three[0].pk: "approved", three[1].pk: "approved", three[2].pk: "new"}
    page = client.get(f"/surveys/manage/{household.pk}/?status=approved").content.decode()
    assert page.count('name="ids"') == 2


def test_a_made_up_status_changes_nothing(client, household, three, officer, login_staff):
    login_staff(client, officer)
    client.post(f"/surveys/manage/{household.pk}/review/", {"ids": [three[0].pk], "status": "deleted"})
    assert set(Submission.objects.values_list("status", flat=True)) == {"new"}


def test_an_edit_keeps_the_earlier_answers_and_reindexes(client, household, three, officer, login_staff):
    login_staff(client, officer)
    target = three[0]
    url = f"/surveys/manage/{household.pk}/submissions/{target.pk}/"
    form = {"age": "34", "works": "yes", "employer": "Samho", "region": "west", "county": "yeongam",
            "needs": ["housing"], "child.__count": "1", "child.1.child_name": "Lan", "child.1.child_age": "5",
            "note": "phone call with the respondent"}  # fmt: skip
    assert client.post(url, form).status_code == 302
    target.refresh_from_db()
    assert target.data["county"] == "yeongam" and target.data["needs"] == "housing"
    assert "<county>yeongam</county>" in target.xml
    edit = target.edits.get()
    assert edit.before["county"] == "haenam" and edit.after["county"] == "yeongam" and edit.editor == officer
    assert set(
        Answer.objects.filter(submission=target, question="needs").values_list("value", flat=True)
    ) == {"housing"}
    assert "phone call with the respondent" in client.get(url).content.decode()


def test_an_edit_the_rules_refuse_changes_nothing(client, household, three, officer, login_staff):
    login_staff(client, officer)
    target = three[0]
    url = f"/surveys/manage/{household.pk}/submissions/{target.pk}/"
    response = client.post(url, {"age": "7", "note": "typo"})
    assert response.status_code == 400
    target.refresh_from_db()
    assert target.data["age"] == "34" and not target.edits.exists()


def test_a_new_version_must_be_the_same_form_and_a_new_number(client, household, officer, login_staff):
    login_staff(client, officer)
    same = SimpleUploadedFile("f.xlsx", household_form(version="1"))
    page = client.post(f"/surveys/manage/{household.pk}/", {"xlsform": same})
    assert page.status_code == 400 and "already loaded" in page.content.decode()
    newer = SimpleUploadedFile("f.xlsx", household_form(version="2"))
    assert client.post(f"/surveys/manage/{household.pk}/", {"xlsform": newer}).status_code == 302
    assert household.versions.count() == 2


def test_uploading_a_broken_form_lists_each_problem(client, officer, login_staff):
    from ieum.surveys.tests.conftest import EN, xlsform

    login_staff(client, officer)
    broken = xlsform([["type", "name", EN], ["integer", "age", "Age"], ["integer", "age", "Again"]])
    page = client.post("/surveys/manage/", {"xlsform": SimpleUploadedFile("b.xlsx", broken)})
    assert page.status_code == 400
    assert "Sheet survey, row 3, column B (name)" in page.content.decode()


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True)
def test_fifty_copies_of_one_submission_sent_at_once_are_stored_once(officer):
    survey_upload(content=household_form(), actor=officer)
    results = run_concurrently(lambda _n: submission_receive(xml=XML.encode())[1], list(range(50)))
    assert [r for r in results if isinstance(r, Exception)] == []
    assert results.count(True) == 1
    assert Submission.objects.count() == 1
    assert Answer.objects.filter(question="needs").count() == 2


def test_the_workspace_home_tells_an_officer_how_many_submissions_wait(household, three, officer, analyst):
    from ieum.core.workspace import tasks_for

    assert [t.count for t in tasks_for(officer) if "survey" in t.title] == [3]
    assert [t for t in tasks_for(analyst) if "survey" in t.title] == []
