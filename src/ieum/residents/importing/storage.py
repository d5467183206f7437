"""The uploaded file, kept between preview and commit: encrypted (it holds identifiers in
plain text), outside the web root, and removed once committed or after a day."""

from __future__ import annotations

import datetime as dt
import os
import time
from pathlib import Path

from cryptography.fernet import InvalidToken
from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from ieum.core import keys
from ieum.residents.models import ImportBatch

KEEP_FOR = dt.timedelta(days=1)

FILE_GONE = _("The uploaded file is no longer kept: upload it again.")


def imports_dir() -> Path:
    path = Path(settings.PRIVATE_MEDIA_ROOT) / "imports"
    path.mkdir(mode=0o700, parents=True, exist_ok=True)
    return path


def path_of(batch: ImportBatch) -> Path:
    return imports_dir() / str(batch.pk)


def keep(batch: ImportBatch, content: bytes) -> None:
    target = path_of(batch)
    partial = target.with_suffix(".partial")
    fd = os.open(partial, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "wb") as out:
        out.write(keys.keyring().fernet.encrypt(content))
    partial.replace(target)
    purge_stale()


def is_kept(batch: ImportBatch) -> bool:
    return path_of(batch).exists()


def load(batch: ImportBatch) -> bytes:
    try:
        return keys.keyring().fernet.decrypt(path_of(batch).read_bytes())
    except (FileNotFoundError, InvalidToken):
        raise ValidationError(FILE_GONE, code="file_gone")


def discard(batch: ImportBatch) -> None:
    path_of(batch).unlink(missing_ok=True)


def purge_stale() -> None:
    cutoff = time.time() - KEEP_FOR.total_seconds()
    for path in imports_dir().iterdir():
        if path.stat().st_mtime < cutoff:
            path.unlink(missing_ok=True)
