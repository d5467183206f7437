"""Documents are checked for size and real type, stored outside the web root, and served only
after a permission check."""

from __future__ import annotations

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from ieum.core.models import AccessLog
from ieum.residents.models import Document
from ieum.residents.services import ResidentData, resident_create

PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


@pytest.fixture
def resident(db, counselor):
    # Registered by the counselor at the desk, so the counselor reaches the record.
    return resident_create(data=ResidentData(name="SOK DARA"), actor=counselor)


def _upload(client, resident, name, content, kind="passport"):
    return client.post(
        reverse("resident-document-upload", args=[resident.pk]),
        {"kind": kind, "file": SimpleUploadedFile(name, content)},
    )


def test_a_pdf_is_stored_outside_the_web_root_and_downloaded_with_a_log(
    counselor_client, resident, counselor, settings
):
    _upload(counselor_client, resident, "passport.pdf", PDF)
    document = Document.objects.get(resident=resident)
    from ieum.residents.documents import stored_path

    assert str(stored_path(document)).startswith(str(settings.PRIVATE_MEDIA_ROOT))
    assert not str(stored_path(document)).startswith(str(settings.STATIC_ROOT))
    response = counselor_client.get(reverse("resident-document", args=[resident.pk, document.pk]))
    assert response.status_code == 200
    assert b"".join(response.streaming_content) == PDF
    assert AccessLog.objects.filter(user=counselor, action="download", subject_type="document").exists()


def test_a_file_pretending_to_be_a_pdf_is_refused(counselor_client, resident):
    response = _upload(counselor_client, resident, "passport.pdf", b"MZ\x90\x00 this is an executable")
    assert response.status_code == 302
    assert Document.objects.count() == 0


def test_an_oversized_file_is_refused(counselor_client, resident, settings):
    settings.IEUM_UPLOAD_MAX_BYTES = 1024
    _upload(counselor_client, resident, "big.pdf", PDF + b"0" * 2048)
    assert Document.objects.count() == 0


def test_another_role_cannot_download_the_document(counselor_client, client, resident, employer_user):
    _upload(counselor_client, resident, "passport.pdf", PDF)
    document = Document.objects.get()
    client.force_login(employer_user)
    response = client.get(reverse("resident-document", args=[resident.pk, document.pk]))
    assert response.status_code in (403, 404)


def test_a_document_of_another_resident_is_not_served_under_this_residents_url(
    counselor_client, resident, counselor
):
    other = resident_create(data=ResidentData(name="OTHER"), actor=counselor)
    _upload(counselor_client, other, "passport.pdf", PDF)
    document = Document.objects.get()
    response = counselor_client.get(reverse("resident-document", args=[resident.pk, document.pk]))
    assert response.status_code == 404
