from __future__ import annotations

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from ieum.portal.tests.conftest import sign_up
from ieum.residents.documents import document_upload
from ieum.residents.models import Document
from ieum.residents.services import ResidentData, resident_create

pytestmark = pytest.mark.django_db

PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


def test_a_resident_uploads_lists_and_downloads_their_document(client):
    sign_up(client)
    response = client.post(
        "/my/documents/", {"kind": "passport", "file": SimpleUploadedFile("passport.pdf", PDF)}
    )
    assert response.status_code == 302
    document = Document.objects.get()
    assert document.resident.user is not None and document.uploaded_by == document.resident.user
    assert b"passport.pdf" in client.get("/my/documents/").content
    download = client.get(f"/my/documents/{document.pk}/")
    assert download.status_code == 200
    assert b"".join(download.streaming_content) == PDF


def test_a_file_of_the_wrong_type_is_refused(client):
    sign_up(client)
    response = client.post(
        "/my/documents/", {"kind": "other", "file": SimpleUploadedFile("x.pdf", b"MZ\x90\x00 not a pdf")}
    )
    assert response.status_code == 400
    assert b"Only PDF, JPEG, PNG, WebP or HEIC files can be uploaded." in response.content
    assert not Document.objects.exists()


def test_a_file_too_large_is_refused(client, settings):
    settings.IEUM_UPLOAD_MAX_BYTES = 10
    sign_up(client)
    response = client.post("/my/documents/", {"kind": "other", "file": SimpleUploadedFile("x.pdf", PDF)})
    assert response.status_code == 400
    assert b"The file is too large" in response.content


def test_a_resident_cannot_download_another_persons_document(client):
    other = resident_create(data=ResidentData(name="OTHER PERSON"), actor=None)
    theirs = document_upload(
        resident=other, kind="passport", upload=SimpleUploadedFile("p.pdf", PDF), actor=None
    )
    sign_up(client)
    assert client.get(f"/my/documents/{theirs.pk}/").status_code == 404
