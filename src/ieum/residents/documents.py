"""Documents: uploads checked for size and real type, stored outside the web root, served only
after a permission check (see views.document_download)."""

from __future__ import annotations

from pathlib import Path

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.utils.translation import gettext_lazy as _

from ieum.core.models import User
from ieum.lib.uploads import PAPER_TYPES, store_checked_upload
from ieum.residents.models import Document, Resident

# Types a resident's papers come in; the type is read from the bytes, not the file name.
ALLOWED_TYPES = PAPER_TYPES


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
    stored = store_checked_upload(
        upload, folder=storage_dir(), limit=settings.IEUM_UPLOAD_MAX_BYTES, default_name="document"
    )
    original = stored.original_name
    document = Document.objects.create(
        resident=resident,
        kind=kind,
        original_name=original,
        stored_name=stored.stored_name,
        content_type=stored.content_type,
        size=stored.size,
        sha256=stored.sha256,
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
