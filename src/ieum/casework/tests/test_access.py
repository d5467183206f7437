"""Who may use each casework page and endpoint: counselors of the case's queue and
administrators work cases; a counselor of another queue does not reach them; officers,
interpreters, employers, partners, residents and analysts see no case (analysts read reports)."""

from __future__ import annotations

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from ieum.casework import phone, services
from ieum.casework.attachments import case_attachment_add
from ieum.casework.models import Queue, TelephonyAccount
from ieum.casework.tests.conftest import make_counselor
from ieum.casework.topics import ensure_seeded_topics
from ieum.core.models import ApiToken, Role, User
from ieum.core.testing import role_users, wrongly_treated

COVERED_PATTERNS = {
    "workspace/cases/",
    "workspace/cases/incoming/",
    "workspace/cases/next/",
    "workspace/cases/new/",
    "workspace/cases/search/",
    "workspace/cases/supervisor/",
    "workspace/cases/callbacks/",
    "workspace/cases/callbacks/<int:callback_id>/",
    "workspace/cases/reports/",
    "workspace/cases/reports/export.xlsx",
    "workspace/cases/<int:case_id>/",
    "workspace/cases/<int:case_id>/action/",
    "workspace/cases/<int:case_id>/notes/",
    "workspace/cases/<int:case_id>/tasks/",
    "workspace/cases/<int:case_id>/attachments/",
    "workspace/cases/<int:case_id>/attachments/<int:attachment_id>/",
    "api/v1/casework/cases",
    "api/v1/casework/cases/next",
    "api/v1/casework/cases/<case_id>",
    "api/v1/casework/cases/<case_id>/transition",
    "api/v1/casework/cases/<case_id>/notes",
    "api/v1/casework/cti/calls",
}
PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"
WORKERS = {"counselor", "admin"}
# Lists of one's own queues: a counselor of another queue opens the page but sees other cases.
WORKERS_ANY_QUEUE = WORKERS | {"counselor_other_queue"}
REPORT_READERS = WORKERS_ANY_QUEUE | {"analyst"}


@pytest.fixture
def world(db):
    ensure_seeded_topics()
    users = role_users()
    queue = Queue.objects.create(name="Vietnamese", language="vi")
    queue.members.add(users["counselor"])
    other_queue = Queue.objects.create(name="Nepali", language="ne")
    users["counselor_other_queue"] = make_counselor("counselor-ne", ["ne"], [other_queue])
    case = services.case_open(
        channel="walk_in", topic="wages", language="vi", actor=users["admin"], auto_route=False
    )
    attachment = case_attachment_add(case=case, upload=SimpleUploadedFile("a.pdf", PDF), actor=users["admin"])
    callback = phone.callback_request(caller_phone="010-2345-6789", language="vi", actor=None, case=case)
    return {"users": users, "case": case, "attachment": attachment, "callback": callback}


PAGES = [
    ("/workspace/cases/", WORKERS_ANY_QUEUE),
    ("/workspace/cases/incoming/", WORKERS_ANY_QUEUE),
    ("/workspace/cases/new/", WORKERS_ANY_QUEUE),
    ("/workspace/cases/search/?q=2026", WORKERS_ANY_QUEUE),
    ("/workspace/cases/supervisor/", WORKERS_ANY_QUEUE),
    ("/workspace/cases/callbacks/", WORKERS_ANY_QUEUE),
    ("/workspace/cases/reports/", REPORT_READERS),
    ("/workspace/cases/reports/export.xlsx", REPORT_READERS),
    ("/workspace/cases/{case}/", WORKERS),
    ("/workspace/cases/{case}/attachments/{attachment}/", WORKERS),
    ("/api/v1/casework/cases", WORKERS_ANY_QUEUE),
    ("/api/v1/casework/cases/{case}", WORKERS),
]


@pytest.mark.django_db
@pytest.mark.parametrize(("url", "allowed"), PAGES, ids=[p[0] for p in PAGES])
def test_each_page_lets_in_only_who_may_see_it(world, url, allowed):
    target = url.format(case=world["case"].pk, attachment=world["attachment"].pk)
    assert wrongly_treated(world["users"], allowed, lambda c: c.get(target)) == []


POSTS = [
    ("/workspace/cases/next/", {"channel": "walk_in"}, WORKERS_ANY_QUEUE, False),
    ("/workspace/cases/new/", {"channel": "walk_in"}, WORKERS_ANY_QUEUE, False),
    ("/workspace/cases/callbacks/{callback}/", {"reached": "0"}, WORKERS, False),
    ("/workspace/cases/{case}/action/", {"action": "start"}, WORKERS, False),
    ("/workspace/cases/{case}/notes/", {"text": "Checked"}, WORKERS, False),
    ("/workspace/cases/{case}/tasks/", {"title": "Call the labor office"}, WORKERS, False),
    ("/workspace/cases/{case}/attachments/", "upload", WORKERS, False),
    (
        "/api/v1/casework/cases",
        {"channel": "walk_in", "topic": "visa", "language": "ko"},
        WORKERS_ANY_QUEUE,
        True,
    ),
    ("/api/v1/casework/cases/next", {"channel": "walk_in"}, WORKERS_ANY_QUEUE, True),
    ("/api/v1/casework/cases/{case}/transition", {"action": "start"}, WORKERS, True),
    ("/api/v1/casework/cases/{case}/notes", {"text": "Checked"}, WORKERS, True),
    # The webhook takes the telephony system's token only: no person's session gets in.
    ("/api/v1/casework/cti/calls", {"event": "callback", "caller_phone": "01023456789"}, set(), True),
]


@pytest.mark.django_db
@pytest.mark.parametrize(("url", "data", "allowed", "as_json"), POSTS, ids=[p[0] for p in POSTS])
def test_each_action_lets_in_only_who_may_take_it(world, url, data, allowed, as_json):
    target = url.format(case=world["case"].pk, callback=world["callback"].pk)

    def call(client):
        if data == "upload":
            return client.post(target, {"file": SimpleUploadedFile("b.pdf", PDF)})
        if as_json:
            return client.post(target, data, content_type="application/json")
        return client.post(target, data)

    assert wrongly_treated(world["users"], allowed, call) == []


@pytest.mark.django_db
def test_the_cti_webhook_takes_a_telephony_token_and_refuses_any_other(world, client):
    system = User.objects.create_user(username="pbx", password="x" * 12, role=Role.COUNSELOR)
    TelephonyAccount.objects.create(user=system, name="PBX")
    _token, key = ApiToken.issue(user=system, name="pbx")
    _other, other_key = ApiToken.issue(user=world["users"]["counselor"], name="script")
    body = {"event": "callback", "caller_phone": "010-2345-6789", "ivr_language": "vi"}
    url = "/api/v1/casework/cti/calls"
    assert (
        client.post(
            url, body, content_type="application/json", HTTP_AUTHORIZATION=f"Bearer {key}"
        ).status_code
        == 201
    )
    refused = client.post(
        url, body, content_type="application/json", HTTP_AUTHORIZATION=f"Bearer {other_key}"
    )
    assert refused.status_code == 403


def test_a_search_with_a_nul_byte_is_answered_not_crashed(region):
    from ieum.core.testing import client_for

    users = role_users()
    response = client_for(users["counselor"]).get("/api/v1/casework/cases", {"q": "a\x00b", "status": "\x00"})
    assert response.status_code == 200
