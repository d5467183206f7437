"""Documents: uploads checked for size and real type, stored outside the web root, served only
after a permission check (see views.document_download)."""

from __future__ import annotations

import hashlib
import secrets
from pathlib import Path

import filetype
from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.utils.translation import gettext_lazy as _

from ieum.core.models import User
from ieum.residents.models import Document, Resident

# Types a resident's papers come in; the type is read from the bytes, not the file name.
ALLOWED_TYPES = {"application/pdf", "image/jpeg", "image/png", "image/webp", "image/heic"}


def storage_dir() -> Path:
    path = Path(settings.PRIVATE_MEDIA_ROOT) / "documents"
    path.mkdir(parents=True, exist_ok=True)
    return path


def stored_path(document: Document) -> Path:
    return storage_dir() / document.stored_name


@transaction.atomic
def document_upload(*, resident: Resident, kind: str, upload: UploadedFile, actor: User | None) -> Document:
    from ieum.residents.services import timeline_add

    if kind not in Document.Kind.values:
        raise ValidationError({"kind": [_("Choose the kind of document.")]})
    limit = settings.IEUM_UPLOAD_MAX_BYTES
    if upload.size is None or upload.size == 0:
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
    kind_guess = filetype.guess(head)
    if kind_guess is None or kind_guess.mime not in ALLOWED_TYPES:
        raise ValidationError({"file": [_("Only PDF, JPEG, PNG, WebP or HEIC files can be uploaded.")]})
    stored_name = secrets.token_hex(16) + "." + kind_guess.extension
    digest = hashlib.sha256()
    target = storage_dir() / stored_name
    with target.open("wb") as out:
        for chunk in upload.chunks():
            digest.update(chunk)
            out.write(chunk)
    original = Path(upload.name or "document").name[:200]
    document = Document.objects.create(
        resident=resident,
        kind=kind,
        original_name=original,
        stored_name=stored_name,
        content_type=kind_guess.mime,
        size=upload.size,
        sha256=digest.hexdigest(),
        uploaded_by=actor,
    )
    timeline_add(
        resident=resident,
        service="residents",
        kind="document.uploaded",
        actor=actor,
        params={"name": original},
    )
    return document
