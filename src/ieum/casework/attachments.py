"""Files attached to a case: checked for size and real type like residents' documents, stored
outside the web root, served only after the case's access check."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from django.conf import settings
from django.core.files.uploadedfile import UploadedFile
from django.db import transaction

from ieum.casework.events import record
from ieum.casework.models import Case, CaseAttachment
from ieum.lib.uploads import store_checked_upload


def storage_dir() -> Path:
    path = Path(settings.PRIVATE_MEDIA_ROOT) / "case-attachments"
    path.mkdir(parents=True, exist_ok=True)
    return path


def stored_path(attachment: CaseAttachment) -> Path:
    return storage_dir() / attachment.stored_name


@transaction.atomic
def case_attachment_add(*, case: Case, upload: UploadedFile, actor: Any) -> CaseAttachment:
    stored = store_checked_upload(upload, folder=storage_dir(), limit=settings.IEUM_UPLOAD_MAX_BYTES)
    attachment = CaseAttachment.objects.create(
        case=case,
        original_name=stored.original_name,
        stored_name=stored.stored_name,
        content_type=stored.content_type,
        size=stored.size,
        sha256=stored.sha256,
        uploaded_by=actor,
    )
    record(case, "case.attachment_added", actor)
    return attachment
