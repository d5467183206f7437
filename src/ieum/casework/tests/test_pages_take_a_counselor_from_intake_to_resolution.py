import pytest

from ieum.casework.models import Case
from ieum.core.testing import client_for
from ieum.residents.services import ResidentData, resident_create


@pytest.mark.django_db
def test_a_counselor_opens_a_walk_in_case_for_a_resident_found_by_search(center):
    resident = resident_create(data=ResidentData(name="NGUYEN THI LAN", preferred_language="vi"), actor=None)
    client = client_for(center.vi_counselor)
    found = client.get("/workspace/cases/new/", {"rq": "nguyen"})
    assert f"?resident={resident.pk}" in found.content.decode()
    answer = client.post(
        f"/workspace/cases/new/?resident={resident.pk}",
        {
            "channel": "walk_in",
            "topic": center.wages.pk,
            "language": "vi",
            "urgency": "normal",
            "summary": "Wages unpaid since August",
            "resident": resident.pk,
        },
    )
    case = Case.objects.get()
    assert answer.status_code == 302 and answer["Location"] == f"/workspace/cases/{case.pk}/"
    assert case.resident == resident and case.assignee is None and case.status == "new"
    for action in ("take", "start"):
        client.post(f"/workspace/cases/{case.pk}/action/", {"action": action})
    client.post(f"/workspace/cases/{case.pk}/notes/", {"text": "Employer called", "shareable": ""})
    client.post(f"/workspace/cases/{case.pk}/action/", {"action": "resolve", "resolution": "Paid"})
    case.refresh_from_db()
    assert (case.status, case.assignee, case.notes.count()) == ("resolved", center.vi_counselor, 1)
    detail = client.get(f"/workspace/cases/{case.pk}/").content.decode()
    assert "Employer called" in detail and f"Case {case.number} resolved." in detail


@pytest.mark.django_db
def test_an_intake_form_with_errors_says_so_and_opens_nothing(center):
    client = client_for(center.vi_counselor)
    answer = client.post("/workspace/cases/new/", {"channel": "walk_in", "language": "vi", "summary": ""})
    assert answer.status_code == 200 and 'role="alert"' in answer.content.decode()
    answer = client.post(
        "/workspace/cases/new/",
        {
            "channel": "phone",
            "topic": center.wages.pk,
            "language": "vi",
            "urgency": "normal",
            "summary": "x",
            "caller_phone": "12",
        },
    )
    assert "Enter a valid phone number." in answer.content.decode()
    assert not Case.objects.exists()


@pytest.mark.django_db
def test_the_next_case_button_takes_the_oldest_waiting_case_of_my_queues(center):
    client = client_for(center.vi_counselor)
    for summary in ("first", "second"):
        client.post(
            "/workspace/cases/new/",
            {
                "channel": "web_form",
                "topic": center.wages.pk,
                "language": "vi",
                "urgency": "normal",
                "summary": summary,
            },
        )
    first = Case.objects.get(summary="first")
    answer = client.post("/workspace/cases/next/", {"channel": "web_form"})
    assert answer["Location"] == f"/workspace/cases/{first.pk}/"
    queue_page = client.get("/workspace/cases/").content.decode()
    assert first.number in queue_page


@pytest.mark.django_db
def test_a_wrong_upload_is_refused_with_a_message(center):
    from django.core.files.uploadedfile import SimpleUploadedFile

    client = client_for(center.vi_counselor)
    client.post(
        "/workspace/cases/new/",
        {
            "channel": "walk_in",
            "topic": center.wages.pk,
            "language": "vi",
            "urgency": "normal",
            "summary": "x",
            "assign_to_me": "on",
        },
    )
    case = Case.objects.get()
    answer = client.post(
        f"/workspace/cases/{case.pk}/attachments/",
        {"file": SimpleUploadedFile("x.pdf", b"MZ\x90\x00 not a pdf")},
        follow=True,
    )
    assert "Only PDF, JPEG, PNG, WebP or HEIC files can be uploaded." in answer.content.decode()
    assert not case.attachments.exists()
