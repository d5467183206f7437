"""The new-case form carries the chosen person in a hidden field; when that field comes back
unreadable the page says so, where it used to show the form again without a word (found by the
bad-input sweep)."""

from __future__ import annotations

from ieum.casework.models import Case, Topic


def test_an_unreadable_person_on_a_new_case_is_reported_and_nothing_is_opened(counselor_client):
    data = {
        "channel": "walk_in",
        "topic": Topic.objects.get(code="wages").pk,
        "language": "vi",
        "urgency": "normal",
        "summary": "Wages unpaid",
        "resident": "<script>",
    }
    response = counselor_client.post("/workspace/cases/new/", data, HTTP_ACCEPT_LANGUAGE="en")
    assert response.status_code == 200
    assert "The person chosen could not be read" in response.content.decode()
    assert not Case.objects.exists()
