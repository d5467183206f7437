"""Background tasks of the resident record (django-tasks; `ieum db_worker` runs them)."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django_tasks import task

from ieum.core.models import User
from ieum.residents.importing import import_commit, storage
from ieum.residents.models import ImportBatch


@task()
def import_commit_task(batch_id: int, user_id: int | None) -> str:
    """Write a previewed import all-or-nothing; the batch page shows the outcome when done."""
    batch = ImportBatch.objects.get(pk=batch_id)
    if batch.status == ImportBatch.Status.COMMITTED:
        return batch.status
    actor = User.objects.filter(pk=user_id).first() if user_id else None
    try:
        batch = import_commit(batch=batch, content=storage.load(batch), actor=actor)
    except (ValidationError, OSError):
        # The kept file changed or is gone: back to preview, where the page asks for a new upload.
        ImportBatch.objects.filter(pk=batch_id, status=ImportBatch.Status.QUEUED).update(
            status=ImportBatch.Status.PREVIEWED
        )
        return ImportBatch.Status.PREVIEWED
    return batch.status
