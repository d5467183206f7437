from __future__ import annotations

from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import translation

from ieum.core.workspace import tasks_for
from ieum.grants.services import application_approve, application_file
from ieum.grants.tests.conftest import eligible_resident, prepared_application
from ieum.residents.timeline import render_event

PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


def test_grant_events_read_as_sentences_on_the_timeline(program, preparer, approver):
    application = prepared_application(program, preparer)
    application_approve(application=application, actor=approver)
    event = application.resident.timeline.get(kind="grants.approved")
    with translation.override("en"):
        text = render_event(event.kind, event.params)
    assert text == f"Grant {program.name_ko} approved: 600000 KRW."


def test_officers_see_what_waits_for_them_on_the_workspace_home(program, preparer, approver, counselor):
    prepared_application(program, preparer)
    titles = [t.title for t in tasks_for(approver)]
    assert "1 grant application to approve" in titles
    # The one who prepared it is not asked to approve it; counselors decide nothing.
    assert not any("approve" in t.title for t in tasks_for(preparer))
    assert not any("grant" in t.title for t in tasks_for(counselor))


def test_documents_filed_with_an_application_are_kept_with_the_resident(program, preparer):
    resident = eligible_resident("46830")  # Yeongam pays in gift certificates: no bank account asked
    application = application_file(
        program=program,
        resident=resident,
        actor=preparer,
        documents=[SimpleUploadedFile("arc.pdf", PDF, content_type="application/pdf")],
    )
    document = application.documents.get().document
    assert document.resident == resident and document.original_name == "arc.pdf"
    assert application.payment_method == "gift" and application.account_hint == ""
