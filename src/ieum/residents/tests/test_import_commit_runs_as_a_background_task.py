"""In production an import is written by a task worker (`ieum db_worker`), not in the request;
the batch page shows that it is waiting and refreshes until it is done."""

from __future__ import annotations

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.test import override_settings
from django.urls import reverse

from ieum.residents.models import ImportBatch, Resident
from ieum.residents.tests.import_files import ROWS, csv_bytes, reference

DATABASE_QUEUE = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}


@pytest.mark.django_db(transaction=True)
def test_a_committed_import_waits_for_the_worker_and_the_worker_writes_it(counselor_client):
    reference()
    with override_settings(TASKS=DATABASE_QUEUE):
        upload = counselor_client.post(
            reverse("resident-import"), {"file": SimpleUploadedFile("list.csv", csv_bytes(ROWS))}
        )
        batch = ImportBatch.objects.get()
        counselor_client.post(reverse("resident-import-commit", args=[batch.pk]))
        assert ImportBatch.objects.get().status == ImportBatch.Status.QUEUED
        assert not Resident.objects.exists()
        waiting = counselor_client.get(upload["Location"]).content.decode()
        assert 'http-equiv="refresh"' in waiting

        counselor_client.post(reverse("resident-import-commit", args=[batch.pk]))  # a second click

        call_command("db_worker", batch=True, no_startup_delay=True, verbosity=0)

    assert ImportBatch.objects.get().status == ImportBatch.Status.COMMITTED
    assert Resident.objects.count() == 2
    done = counselor_client.get(upload["Location"]).content.decode()
    assert 'http-equiv="refresh"' not in done
