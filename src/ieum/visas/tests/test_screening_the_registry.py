from __future__ import annotations

import csv
import io
import json

from django.core.management import call_command

from ieum.core.models import AccessLog
from ieum.core.testing import client_for, open_case_for
from ieum.residents.models import Resident
from ieum.visas.tests.people import make_applicant


def test_the_command_screens_everyone_and_logs_the_export_with_its_purpose(
    db, yeongam, haenam, counselor, officer
):
    eligible = make_applicant(municipality=yeongam, documents=False)
    mokpo = make_applicant(
        name="LI WEI",
        hangul="리웨이",
        municipality=yeongam.__class__.objects.get(code="46110"),
        nationality="CN",
        documents=False,
    )
    out = io.StringIO()
    args = [
        "--program=f2r",
        "--as-of=2026-09-01",
        "--format=json",
        "--purpose=2026 outreach",
        "--user=officer",
    ]
    call_command("screen", *args, stdout=out)
    data = json.loads(out.getvalue())
    by_id = {row["resident"]: row for row in data["residents"]}
    assert by_id[eligible.pk]["outcome"] == "eligible"
    assert by_id[mokpo.pk]["outcome"] == "one_change"
    assert by_id[mokpo.pk]["change"] == "home_in_decline_area"
    assert data["counts"]["eligible"] == 1
    log = AccessLog.objects.filter(action="export").get()
    assert log.purpose == "2026 outreach" and log.user == officer
    assert "LI WEI" not in out.getvalue()  # ids only, no names


def test_the_csv_has_one_column_per_criterion(db, yeongam, counselor):
    make_applicant(municipality=yeongam, documents=False)
    out = io.StringIO()
    call_command(
        "screen", "--program=f2r", "--as-of=2026-09-01", "--format=csv", "--purpose=check", stdout=out
    )
    rows = list(csv.reader(io.StringIO(out.getvalue())))
    assert rows[0][:3] == ["resident", "outcome", "change"] and "korean_level" in rows[0]
    assert len(rows) == 1 + Resident.objects.count()


def test_the_counselor_page_explains_each_criterion_and_what_would_change(db, counselor, yeongam):
    person = make_applicant(municipality=yeongam.__class__.objects.get(code="46840"), documents=False)  # Muan
    open_case_for(counselor, person)  # counselors screen the residents of their cases
    page = client_for(counselor).get(f"/visas/residents/{person.pk}/screen/").content.decode()
    assert "Eligible if one thing changes" in page
    assert "Live in a population-decline area." in page
    assert "TOPIK level 4 or KIIP stage 4 or higher." in page


def test_the_portal_answers_am_i_eligible_in_the_residents_own_words(db, yeongam, resident_user):
    person = make_applicant(municipality=yeongam, documents=False)
    person.user = resident_user
    person.save()
    client = client_for(resident_user)
    page = client.get("/visas/my/eligibility/").content.decode()
    assert "F-2-R: Eligible" in page
    response = client.post("/visas/my/eligibility/", {"program": "f2r"})
    assert response.status_code == 302
    assert person.visa_applications.get().program == "f2r"
    bad = client.post("/visas/my/eligibility/", {"program": "nonsense"}, follow=True)
    assert "Choose a program." in bad.content.decode()
