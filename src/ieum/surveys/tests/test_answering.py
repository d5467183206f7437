"""Answering in the respondent's language; the server judges every answer again."""

from __future__ import annotations

import pytest

from ieum.surveys import expressions as ex
from ieum.surveys import formdef
from ieum.surveys.models import Draft, Submission
from ieum.surveys.tests.conftest import GOOD_ANSWERS


def form_post(answers: dict, action: str = "submit") -> dict:
    data: dict = {"action": action}
    for name, value in answers.items():
        if isinstance(value, list):
            data[f"{name}.__count"] = str(len(value))
            for index, row in enumerate(value, start=1):
                data.update({f"{name}.{index}.{k}": v for k, v in row.items()})
        elif name == "needs":
            data[name] = value.split()
        else:
            data[name] = value
    return data


def test_the_form_shows_in_the_respondents_language(client, household):
    page = client.get(f"/surveys/answer/{household.token}/", HTTP_ACCEPT_LANGUAGE="vi")
    body = page.content.decode()
    assert "Bạn có đi làm không?" in body
    assert 'data-relevant="${age} &gt;= 18"' in body
    assert "surveys/form.js" in body
    english = client.get(f"/surveys/answer/{household.token}/?lang=English (en)").content.decode()
    assert "Do you work?" in english


def test_a_valid_answer_set_is_stored_with_xml_json_version_and_language(client, household):
    response = client.post(f"/surveys/answer/{household.token}/?lang=vi", form_post(GOOD_ANSWERS))
    assert response.status_code == 302
    stored = Submission.objects.get()
    assert stored.language == "vi"
    assert stored.data["adult"] == "yes"  # calculated on the server
    assert stored.data["needs"] == "korean health"
    assert len(stored.data["child"]) == 2
    assert "<child_name>Minh</child_name>" in stored.xml and "<instanceID>uuid:" in stored.xml


def test_the_server_refuses_what_the_browser_should_have_caught(client, household):
    bad = {**GOOD_ANSWERS, "age": "12", "county": "yeosu"}
    response = client.post(f"/surveys/answer/{household.token}/?lang=English (en)", form_post(bad))
    assert response.status_code == 400
    body = response.content.decode()
    assert "Between 15 and 99" in body  # the form's own constraint message
    assert Submission.objects.count() == 0


def test_a_choice_the_filter_hides_is_refused():
    definition = household_definition()
    _clean, problems = formdef.judge(definition, {**GOOD_ANSWERS, "county": "yeosu"})
    assert [(p.name, p.code) for p in problems] == [("county", "choice")]


def test_answers_to_questions_skipped_by_logic_are_dropped():
    clean, problems = formdef.judge(household_definition(), {**GOOD_ANSWERS, "age": "16", "child": []})
    assert problems == []
    assert "works" not in clean and "employer" not in clean
    assert clean["adult"] == "no"


def test_a_constraint_in_a_repeat_reads_the_parent_answer():
    bad = {**GOOD_ANSWERS, "child": [{"child_name": "Old", "child_age": "50"}]}
    _clean, problems = formdef.judge(household_definition(), bad)
    assert [(p.name, p.code, p.index) for p in problems] == [("child_age", "constraint", 1)]


def test_save_and_resume_keeps_the_answers_for_the_same_browser(client, household):
    client.post(f"/surveys/answer/{household.token}/", form_post({"age": "41"}, action="save"))
    assert Draft.objects.get().data["age"] == "41"
    again = client.get(f"/surveys/answer/{household.token}/")
    assert 'value="41"' in again.content.decode()
    stranger = client.__class__().get(f"/surveys/answer/{household.token}/")
    assert 'value="41"' not in stranger.content.decode()


def test_adding_a_repeat_instance_shows_one_more(client, household):
    response = client.post(f"/surveys/answer/{household.token}/", form_post(GOOD_ANSWERS, action="add:child"))
    assert 'name="child.3.child_name"' in response.content.decode()


def test_a_resident_survey_answered_by_a_signed_in_resident_is_theirs_only(client, household, resident_user):
    household.audience = household.Audience.RESIDENT
    household.save()
    assert client.get(f"/surveys/answer/{household.token}/").status_code == 404
    client.force_login(resident_user)
    client.post(f"/surveys/answer/{household.token}/", form_post(GOOD_ANSWERS))
    stored = Submission.objects.get()
    assert stored.respondent == resident_user
    assert client.get(f"/surveys/mine/{stored.pk}/").status_code == 200


@pytest.mark.parametrize(
    ("expression", "values", "current", "expected"),
    [
        ("${a} > 3 and ${b} = 'x'", {"a": "4", "b": "x"}, "", True),
        ("${a} > 3", {"a": ""}, "", False),  # empty is not a number
        ("selected(${m}, 'k') or not(${n} != 2)", {"m": "j k", "n": "5"}, "", True),
        (". >= 15 and . < 100", {}, "100", False),
        ("count-selected(${m}) <= 2", {"m": "a b c"}, "", False),
        ("if(${a} mod 2 = 0, 'even', 'odd') = 'even'", {"a": "6"}, "", True),
        ("string-length(.) = 11 and regex(., '01[0-9]+')", {}, "01012345678", True),
        ("${d} < today()", {"d": "2001-02-03"}, "", True),
        ("-${a} + 2 * 3 div 2 = -1", {"a": "4"}, "", True),
    ],
)
def test_the_expression_evaluator(expression, values, current, expected):
    assert ex.check(expression, values, current) is expected


def household_definition() -> dict:
    from ieum.surveys.tests.conftest import household_form
    from ieum.surveys.xlsform import load_xlsform

    return load_xlsform(household_form()).definition
