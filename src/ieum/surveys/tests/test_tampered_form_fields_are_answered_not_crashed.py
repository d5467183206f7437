"""Hidden fields and check boxes come back from the browser as the person sent them: a repeat
count or a submission id that is not a number is read safely (each crashed the request with a
500; found by the bad-input sweep)."""

from __future__ import annotations

from ieum.surveys.models import Submission
from ieum.surveys.services import submission_create
from ieum.surveys.tests.conftest import GOOD_ANSWERS
from ieum.surveys.tests.test_answering import form_post


def test_a_repeat_count_that_is_not_a_number_reads_as_one_row(client, household):
    data = {**form_post(GOOD_ANSWERS), "child.__count": "<script>"}
    response = client.post(f"/surveys/answer/{household.token}/?lang=English (en)", data)
    assert response.status_code == 302
    assert len(Submission.objects.get().data["child"]) == 1


def test_an_id_too_large_for_the_database_matches_no_submission(client, household, officer, login_staff):
    own, _problems = submission_create(version=household.current, answers=GOOD_ANSWERS, language="vi")
    login_staff(client, officer)
    response = client.post(
        f"/surveys/manage/{household.pk}/review/",
        {"ids": ["99999999999999999999", own.pk], "status": "approved"},
    )
    assert response.status_code == 302
    assert Submission.objects.get().status == "approved"
