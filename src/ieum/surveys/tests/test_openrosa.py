"""ODK Collect / Enketo talk to Ieum through OpenRosa 1.0."""

from __future__ import annotations

import base64

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from ieum.core.models import ApiToken
from ieum.surveys.models import Answer, Submission

XML = (
    '<data id="household" version="1"><age>40</age><works>yes</works><employer>Samho</employer>'
    "<region>west</region><county>yeongam</county><needs>korean housing</needs><adult>yes</adult>"
    "<child><child_name>Lan</child_name><child_age>7</child_age></child>"
    "<meta><instanceID>uuid:6f1c0a52-0000-4000-8000-000000000001</instanceID></meta></data>"
)


def basic(user, key: str) -> dict[str, str]:
    raw = base64.b64encode(f"{user.username}:{key}".encode()).decode()
    return {"HTTP_AUTHORIZATION": f"Basic {raw}"}


def post(client, xml: str, **extra):
    upload = SimpleUploadedFile("submission.xml", xml.encode(), content_type="text/xml")
    return client.post("/surveys/openrosa/submission", {"xml_submission_file": upload}, **extra)


@pytest.fixture
def odk(officer):
    _token, key = ApiToken.issue(user=officer, name="ODK Collect")
    return basic(officer, key)


def test_a_submission_with_a_known_instance_id_is_stored_once(client, household, odk):
    first = post(client, XML, **odk)
    again = post(client, XML, **odk)
    assert first.status_code == 201
    assert first["X-OpenRosa-Version"] == "1.0"
    assert again.status_code == 202
    assert Submission.objects.filter(instance_id="uuid:6f1c0a52-0000-4000-8000-000000000001").count() == 1
    stored = Submission.objects.get()
    assert stored.xml == XML
    assert stored.data["child"] == [{"child_name": "Lan", "child_age": "7"}]
    assert stored.version.version == "1"
    assert stored.channel == Submission.Channel.OPENROSA
    assert set(Answer.objects.filter(question="needs").values_list("value", flat=True)) == {
        "korean",
        "housing",
    }


def test_head_asks_where_to_submit_and_gets_204(client, household, odk):
    response = client.head("/surveys/openrosa/submission", **odk)
    assert response.status_code == 204
    assert response["X-OpenRosa-Version"] == "1.0"


def test_openrosa_refuses_without_credentials(client, household, officer):
    assert post(client, XML).status_code == 401
    assert client.get("/surveys/openrosa/formList").status_code == 401
    # The account's password is not accepted in place of an integration token.
    officer.set_password("a-long-password-1")
    officer.save()
    assert post(client, XML, **basic(officer, "a-long-password-1")).status_code == 401
    assert Submission.objects.count() == 0


def test_a_token_of_an_account_that_may_not_manage_surveys_is_refused(client, household, counselor):
    _token, key = ApiToken.issue(user=counselor, name="phone")
    assert post(client, XML, **basic(counselor, key)).status_code == 401


def test_the_anonymous_link_token_submits_to_its_own_survey_only(client, household):
    assert post(client, XML.replace("household", "other")).status_code == 401
    response = client.post(
        f"/surveys/openrosa/submission?token={household.token}",
        {"xml_submission_file": SimpleUploadedFile("s.xml", XML.encode(), content_type="text/xml")},
    )
    assert response.status_code == 201
    other = XML.replace('id="household"', 'id="other"')
    response = client.post(
        f"/surveys/openrosa/submission?token={household.token}",
        {"xml_submission_file": SimpleUploadedFile("s.xml", other.encode(), content_type="text/xml")},
    )
    assert response.status_code == 401


def test_the_form_list_names_each_open_form_with_its_version_and_download(client, household, odk):
    response = client.get("/surveys/openrosa/formList", **odk)
    body = response.content.decode()
    assert "<formID>household</formID>" in body and "<version>1</version>" in body
    url = body.split("<downloadUrl>")[1].split("</downloadUrl>")[0]
    form = client.get(url.replace("http://testserver", ""), **odk)
    assert form.status_code == 200 and b"<h:html" in form.content


def test_a_submission_without_an_instance_id_or_of_an_unknown_form_changes_nothing(client, household, odk):
    assert post(client, "<data id='household'><age>3</age></data>", **odk).status_code == 400
    assert post(client, XML.replace('id="household"', 'id="nope"'), **odk).status_code == 400
    assert post(client, "<not xml", **odk).status_code == 400
    assert Submission.objects.count() == 0


def test_answers_ieums_rules_refuse_are_kept_on_hold(client, household, odk):
    post(client, XML.replace("<age>40</age>", "<age>12</age>"), **odk)
    assert Submission.objects.get().status == Submission.Status.ON_HOLD
