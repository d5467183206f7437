"""Through the real pages: a resident applies on the portal, one officer prepares, another
approves, a batch is made, its bank file downloaded and the bank's result file read back."""

from __future__ import annotations

import csv
import io

from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client

from ieum.core.models import Role, User
from ieum.core.testing import login_staff
from ieum.grants.models import Application, Payment
from ieum.grants.tests.conftest import eligible_resident


def test_an_application_goes_from_the_portal_to_the_bank_and_back(program, preparer, approver, line):
    person = User.objects.create_user(username="tran", password="x" * 12, role=Role.RESIDENT)
    resident = eligible_resident("46820", user=person)
    portal = Client()
    portal.force_login(person)
    page = portal.get("/grants/my/").content.decode()
    assert program.name_ko in page and "Eligible" in page
    response = portal.post(
        f"/grants/my/apply/{program.pk}/",
        {"bank_code": "034", "account_number": "110-234-567890", "account_holder": "TRAN VAN"},
    )
    application = Application.objects.get(resident=resident)
    assert response.status_code == 302
    page = portal.get(f"/grants/my/{application.pk}/").content.decode()
    assert "********7890" in page and "110234567890" not in page

    first, second = Client(), Client()
    login_staff(first, preparer)
    login_staff(second, approver)
    first.post(f"/grants/applications/{application.pk}/prepare/", {"note": "papers checked"})
    refused = first.post(f"/grants/applications/{application.pk}/approve/", follow=True)
    assert "cannot approve" in refused.content.decode()
    second.post(f"/grants/applications/{application.pk}/approve/")
    application.refresh_from_db()
    assert application.status == "approved" and application.approved_by == approver

    response = second.post("/grants/batches/", {"program": program.pk, "method": "bank"})
    assert response.status_code == 302
    batch_url = response["Location"]
    bank_file = second.get(batch_url + "bank-file/")
    rows = list(csv.reader(io.StringIO(bank_file.content.decode())))
    assert rows[0][3:] == ["1", "600000"] and bank_file["Cache-Control"] == "no-store"
    key = rows[1][6]
    upload = SimpleUploadedFile("result.csv", f"R,{key},600000,OK,\r\nR,nope,1,OK,\r\n".encode())
    page = second.post(batch_url, {"file": upload}).content.decode()
    assert "matched" in page and "unknown" in page
    assert Payment.objects.get(idempotency_key=key).status == "paid"
    line.refresh_from_db()
    assert line.spent == 600_000
    assert "grants.paid" in set(resident.timeline.values_list("kind", flat=True))
    budget_page = second.get("/grants/?year=2024").content.decode()
    assert "By city or county" in budget_page and "해남군" in budget_page


def test_a_bad_portal_application_shows_a_message_and_files_nothing(program):
    person = User.objects.create_user(username="tran", password="x" * 12, role=Role.RESIDENT)
    eligible_resident("46820", user=person)
    portal = Client()
    portal.force_login(person)
    response = portal.post(f"/grants/my/apply/{program.pk}/", {"bank_code": "034", "account_number": "12"})
    assert response.status_code == 400
    assert "8 to 16 digits" in response.content.decode()
    assert not Application.objects.exists()


def test_the_workspace_pages_render_for_an_officer(program, preparer, client):
    login_staff(client, preparer)
    for url in (
        "/grants/",
        "/grants/programs/",
        f"/grants/programs/{program.pk}/",
        "/grants/applications/",
        "/grants/batches/",
        "/grants/ledger/",
        f"/grants/budget/{program.budget_line_id}/",
    ):
        response = client.get(url)
        assert response.status_code == 200, url
    assert "지역특화형 비자 정착지원금" in client.get("/grants/").content.decode()
