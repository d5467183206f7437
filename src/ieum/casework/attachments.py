"""Files attached to a case: checked for size and real type like residents' documents, stored
outside the web root, served only after the case's access check."""

from __future__ import annotations

import hashlib
import secrets
from pathlib import Path
from typing import Any

import filetype
from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.utils.translation import gettext_lazy as _

from ieum.casework.events import record
from ieum.casework.models import Case, CaseAttachment
from ieum.residents.documents import ALLOWED_TYPES


def storage_dir() -> Path:
    path = Path(settings.PRIVATE_MEDIA_ROOT) / "case-attachments"
    path.mkdir(parents=True, exist_ok=True)
    return path


def stored_path(attachment: CaseAttachment) -> Path:
    return storage_dir() / attachment.stored_name


@transaction.atomic
def case_attachment_add(*, case: Case, upload: UploadedFile, actor: Any) -> CaseAttachment:
    limit = settings.IEUM_UPLOAD_MAX_BYTES
    if not upload.size:
        raise ValidationError({"file": [_("The file is empty.")]})
    if upload.size > limit:
        raise ValidationError(
            {
                "file": [
                    _("The file is too large: the limit is %(limit)s MB.") % {"limit": limit // (1024 * 1024)}
                ]
            }
        )
    head = upload.read(8192)
    upload.seek(0)
    guess = filetype.guess(head)
    if guess is None or guess.mime not in ALLOWED_TYPES:
        raise ValidationError({"file": [_("Only PDF, JPEG, PNG, WebP or HEIC files can be uploaded.")]})
    stored_name = secrets.token_hex(16) + "." + guess.extension
    digest = hashlib.sha256()
    with (storage_dir() / stored_name).open("wb") as out:
        for chunk in upload.chunks():
            digest.update(chunk)
            out.write(chunk)
    attachment = CaseAttachment.objects.create(
        case=case,
        original_name=Path(upload.name or "file").name[:200],
        stored_name=stored_name,
        content_type=guess.mime,
        size=upload.size,
        sha256=digest.hexdigest(),
        uploaded_by=actor,
    )
    record(case, "case.attachment_added", actor)
    return attachment
