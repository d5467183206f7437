"""Uploaded papers (resident documents, case attachments): checked for size and for their real
type read from the bytes, never the file name, and stored under a random name outside the web
root. Callers keep the returned facts on their own model and serve the file only after their
access check."""

from __future__ import annotations

import hashlib
import secrets
import zipfile
from dataclasses import dataclass
from pathlib import Path

import filetype
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.utils.translation import gettext_lazy as _

# Types papers come in.
PAPER_TYPES = frozenset({"application/pdf", "image/jpeg", "image/png", "image/webp", "image/heic"})


@dataclass(frozen=True)
class StoredFile:
    original_name: str
    stored_name: str
    content_type: str
    size: int
    sha256: str


def store_checked_upload(
    upload: UploadedFile, *, folder: Path, limit: int, default_name: str = "file"
) -> StoredFile:
    """Refuses an empty, too large or wrongly typed file (ValidationError on "file", in the
    reader's language) before anything is written; otherwise writes it into `folder`."""
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
    if guess is None or guess.mime not in PAPER_TYPES:
        raise ValidationError({"file": [_("Only PDF, JPEG, PNG, WebP or HEIC files can be uploaded.")]})
    stored_name = secrets.token_hex(16) + "." + guess.extension
    digest = hashlib.sha256()
    folder.mkdir(parents=True, exist_ok=True)
    with (folder / stored_name).open("wb") as out:
        for chunk in upload.chunks():
            digest.update(chunk)
            out.write(chunk)
    return StoredFile(
        original_name=Path(upload.name or default_name).name[:200],
        stored_name=stored_name,
        content_type=guess.mime,
        size=upload.size,
        sha256=digest.hexdigest(),
    )


def unpacks_beyond(archive: zipfile.ZipFile, *, max_members: int, max_bytes: int) -> bool:
    """Whether a zip archive (an XLSX workbook) holds more members or declares more unpacked bytes
    than allowed: the zip-bomb check to make before openpyxl unpacks anything. zipfile stops each
    member at its declared size (and fails its CRC check if the data is longer), so the declared
    sizes bound what unpacking can produce."""
    members = archive.infolist()
    return len(members) > max_members or sum(m.file_size for m in members) > max_bytes
