"""Only roles that work on the resident record may import; a batch is seen only by its uploader."""

from __future__ import annotations

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from ieum.core.models import Role, User
from ieum.residents import importing
from ieum.residents.models import ImportBatch, Resident
from ieum.residents.tests.import_files import ROWS, csv_bytes, reference


@pytest.mark.django_db
@pytest.mark.parametrize("who", ["resident_user", "employer_user"])
def test_a_resident_or_an_employer_cannot_open_or_use_the_import(client, request, who):
    reference()
    client.force_login(request.getfixturevalue(who))

    assert client.get(reverse("resident-import")).status_code == 403
    upload = client.post(reverse("resident-import"), {"file": SimpleUploadedFile("a.csv", csv_bytes(ROWS))})
    assert upload.status_code == 403
    assert not ImportBatch.objects.exists()

    content = csv_bytes(ROWS)
    batch = importing.import_preview(file_name="a.csv", content=content, actor=None)
    assert client.get(reverse("resident-import-batch", args=[batch.pk])).status_code == 403
    assert client.post(reverse("resident-import-commit", args=[batch.pk])).status_code == 403
    assert not Resident.objects.exists()


@pytest.mark.django_db
def test_someone_signed_out_is_sent_to_sign_in(client):
    response = client.get(reverse("resident-import"))
    assert response.status_code == 302
    assert reverse("login") in response["Location"]


@pytest.mark.django_db
def test_a_counselor_cannot_see_or_commit_another_counselors_batch(counselor_client):
    reference()
    other = User.objects.create_user(
        username="other-counselor", password="x-Long-enough-9", role=Role.COUNSELOR
    )
    batch = importing.import_preview(file_name="a.csv", content=csv_bytes(ROWS), actor=other)

    assert counselor_client.get(reverse("resident-import-batch", args=[batch.pk])).status_code == 404
    assert counselor_client.post(reverse("resident-import-commit", args=[batch.pk])).status_code == 404
    assert not Resident.objects.exists()
