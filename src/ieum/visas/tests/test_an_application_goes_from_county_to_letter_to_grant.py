from __future__ import annotations

import datetime as dt
import io

import pytest
from django.core.exceptions import ValidationError
from pypdf import PdfReader

from ieum.residents.models import VisaRecord
from ieum.visas import services
from ieum.visas.letters import letter_pdf
from ieum.visas.models import Application, Obligation
from ieum.visas.tests.people import make_applicant


def _submitted(applicant, counselor):
    return services.application_create(
        resident=applicant,
        program="f2r",
        actor=counselor,
        employer_name="대불조선(주)",
        employer_brn="1234567890",
        documents={d.kind: d for d in applicant.documents.all()},
    )


def test_the_application_keeps_the_screening_at_submission(db, applicant, counselor):
    application = _submitted(applicant, counselor)
    assert application.screening["outcome"] == "eligible"
    assert application.municipality == applicant.municipality
    assert services.missing_documents(application) == []


def test_a_second_open_application_for_the_same_program_is_refused(db, applicant, counselor):
    _submitted(applicant, counselor)
    with pytest.raises(ValidationError):
        _submitted(applicant, counselor)


def test_the_county_cannot_recommend_with_documents_missing(db, applicant, counselor, yeongam_officer):
    application = services.application_create(resident=applicant, program="f2r", actor=counselor)
    with pytest.raises(ValidationError):
        services.application_county_review(application=application, actor=yeongam_officer, recommend=True)
    application.refresh_from_db()
    assert application.status == Application.Status.SUBMITTED


def test_the_province_cannot_approve_before_the_county(db, applicant, counselor, province_officer, f2r_quota):
    application = _submitted(applicant, counselor)
    with pytest.raises(ValidationError):
        services.application_approve(application=application, actor=province_officer)


def test_the_letter_pdf_holds_the_number_the_hangul_name_and_the_program(
    db, applicant, counselor, yeongam_officer, province_officer, f2r_quota
):
    application = _submitted(applicant, counselor)
    services.application_county_review(application=application, actor=yeongam_officer, recommend=True)
    application = services.application_approve(application=application, actor=province_officer)
    assert application.status == Application.Status.APPROVED
    assert application.letter_number.endswith("-F-2-R-0001")
    text = "".join(page.extract_text() for page in PdfReader(io.BytesIO(letter_pdf(application))).pages)
    assert application.letter_number in text
    assert "응우옌반안" in text
    assert "F-2-R" in text
    f2r_quota.refresh_from_db()
    assert f2r_quota.used == 1


def test_a_grant_adds_the_status_to_the_visa_record_and_starts_the_obligations(
    db, applicant, counselor, yeongam_officer, province_officer, f2r_quota
):
    application = _submitted(applicant, counselor)
    services.application_county_review(application=application, actor=yeongam_officer, recommend=True)
    services.application_approve(application=application, actor=province_officer)
    services.application_file(
        application=application,
        actor=province_officer,
        office="광주출입국·외국인사무소 목포출장소",
        filed_on=dt.date(2026, 3, 2),
    )
    services.application_decide(
        application=application, actor=province_officer, granted=True, decided_on=dt.date(2026, 4, 1)
    )
    current = VisaRecord.objects.filter(resident=applicant, valid_to__isnull=True).get()
    assert current.status.code == "F-2-R"
    obligation = Obligation.objects.get(application=application)
    assert obligation.ends_on == dt.date(2031, 4, 1)  # five years (rules/f2r.toml)
    assert obligation.first_area_until == dt.date(2028, 4, 1)  # the first two in the county
    assert obligation.employer_locked_until == dt.date(2027, 4, 1)  # one-year employer lock
    kinds = list(applicant.timeline.filter(service="visas").values_list("kind", flat=True))
    for kind in (
        "visa.applied",
        "visa.county_recommended",
        "visa.letter_issued",
        "visa.filed",
        "visa.granted",
    ):
        assert kind in kinds


def test_family_members_are_linked_to_the_principal(db, applicant, counselor, yeongam):
    principal = _submitted(applicant, counselor)
    spouse = make_applicant(name="TRAN THI BINH", hangul="쩐티빈", municipality=yeongam, documents=False)
    member = services.application_create(
        resident=spouse, program="f31r", actor=counselor, principal=principal, relation="spouse"
    )
    assert services.family_of(principal) == [member]
