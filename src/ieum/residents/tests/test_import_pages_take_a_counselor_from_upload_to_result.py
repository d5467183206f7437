"""Through the pages: upload → preview → commit → result, as a counselor."""

from __future__ import annotations

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from ieum.residents.importing import storage
from ieum.residents.models import ImportBatch, Resident
from ieum.residents.tests.import_files import ROWS, csv_bytes, reference, xlsx_bytes


def _upload(client, name: str, content: bytes):
    return client.post(reverse("resident-import"), {"file": SimpleUploadedFile(name, content)})


@pytest.mark.django_db
def test_a_counselor_uploads_previews_and_commits(counselor_client, django_capture_on_commit_callbacks):
    reference()
    assert counselor_client.get(reverse("resident-import")).status_code == 200

    response = _upload(counselor_client, "명단.xlsx", xlsx_bytes(ROWS))
    batch = ImportBatch.objects.get()
    assert response.status_code == 302
    assert response["Location"] == reverse("resident-import-batch", args=[batch.pk])
    kept = storage.path_of(batch)
    assert kept.exists() and b"950314" not in kept.read_bytes()  # kept encrypted

    page = counselor_client.get(response["Location"])
    assert page.status_code == 200
    assert reverse("resident-import-commit", args=[batch.pk]).encode() in page.content
    assert not Resident.objects.exists()

    with django_capture_on_commit_callbacks(execute=True):
        response = counselor_client.post(reverse("resident-import-commit", args=[batch.pk]))
    assert response.status_code == 302
    assert Resident.objects.count() == 2
    assert not kept.exists()
    assert ImportBatch.objects.get().status == ImportBatch.Status.COMMITTED
    result = counselor_client.get(response["Location"])
    assert reverse("resident-import-commit", args=[batch.pk]).encode() not in result.content

    counselor_client.post(reverse("resident-import-commit", args=[batch.pk]))  # a second click
    assert Resident.objects.count() == 2


@pytest.mark.django_db
def test_a_file_with_errors_shows_them_and_cannot_be_committed(counselor_client):
    reference()
    bad = ["KIM OLGA", "", "1988-02-30", "F", "VN", "", "", "", "", "", ""]
    response = _upload(counselor_client, "명단.csv", csv_bytes([ROWS[0], bad]))
    batch = ImportBatch.objects.get()

    page = counselor_client.get(response["Location"]).content.decode()
    assert "<td>3</td><td>C · 생년월일</td>" in page
    assert reverse("resident-import-commit", args=[batch.pk]) not in page
    assert not storage.is_kept(batch)

    counselor_client.post(reverse("resident-import-commit", args=[batch.pk]))
    assert not Resident.objects.exists()


@pytest.mark.django_db
@pytest.mark.parametrize("too_large", [False, True])
def test_a_wrong_or_oversized_file_is_refused_on_the_upload_form(counselor_client, settings, too_large):
    settings.IEUM_UPLOAD_MAX_BYTES = 10 if too_large else settings.IEUM_UPLOAD_MAX_BYTES
    content = csv_bytes(ROWS) if too_large else b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n"
    response = _upload(counselor_client, "명단.csv", content)

    assert response.status_code == 200
    assert response.context["form"].errors["file"]
    assert not ImportBatch.objects.exists()
