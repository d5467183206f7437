"""Import batches: preview, then commit all-or-nothing. Re-importing the same file creates nothing:
a row that matches an active resident (same ARN, else same passport, else same name, date of
birth and nationality) is counted as unchanged and left alone."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from pathlib import Path

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from ieum.core.models import User
from ieum.lib.names import name_tokens
from ieum.residents import services
from ieum.residents.duplicates import duplicates_flag
from ieum.residents.importing import storage
from ieum.residents.importing.reading import read_table
from ieum.residents.importing.rows import Outcome, Progress, RowPlan, no_progress, plan_rows
from ieum.residents.models import ImportBatch, NameToken, Resident, ResidentLanguage

FILE_CHANGED = _("The file is not the one that was previewed: upload it again.")


def _actor(actor: User | None) -> User | None:
    return actor if actor is not None and actor.is_authenticated else None


def _record(batch: ImportBatch, outcome: Outcome) -> None:
    batch.total_rows = outcome.total
    # In a preview, created_count is how many rows the commit would create.
    batch.created_count = len(outcome.new)
    batch.unchanged_count = outcome.unchanged
    batch.errors = outcome.errors


def import_preview(
    *, file_name: str, content: bytes, actor: User | None, progress: Progress = no_progress
) -> ImportBatch:
    """Read and check every row, write nothing but the batch; keep the file when it can be committed.

    A problem of the whole file (size, type, no header) raises ValidationError; problems of rows
    are recorded on the batch.
    """
    outcome = plan_rows(read_table(file_name, content), progress=progress)
    with transaction.atomic():
        batch = ImportBatch(
            file_name=Path(file_name).name[:200],
            sha256=hashlib.sha256(content).hexdigest(),
            status=ImportBatch.Status.PREVIEWED,
            created_by=_actor(actor),
        )
        _record(batch, outcome)
        batch.save()
        if not batch.errors:
            storage.keep(batch, content)
    return batch


def import_commit(
    *, batch: ImportBatch, content: bytes, actor: User | None, progress: Progress = no_progress
) -> ImportBatch:
    """Check every row again and create the new residents in one transaction, or none of them.

    A batch already committed is left as it is, so a second click creates nothing.
    """
    if hashlib.sha256(content).hexdigest() != batch.sha256:
        raise ValidationError(FILE_CHANGED, code="file_changed")
    table = read_table(batch.file_name, content)
    with transaction.atomic():
        # Batches of the same file wait for each other, so two commits cannot both create a row.
        list(ImportBatch.objects.select_for_update().filter(sha256=batch.sha256).order_by("pk"))
        batch.refresh_from_db()
        if batch.status == ImportBatch.Status.COMMITTED:
            return batch
        outcome = plan_rows(table, progress=progress)
        _record(batch, outcome)
        if outcome.errors:
            batch.status = ImportBatch.Status.REJECTED
            batch.created_count = 0
        else:
            _create(outcome.new, batch=batch, actor=_actor(actor), progress=progress)
            batch.status = ImportBatch.Status.COMMITTED
        batch.save()
        transaction.on_commit(lambda: storage.discard(batch))
    return batch


def _create(plans: list[RowPlan], *, batch: ImportBatch, actor: User | None, progress: Progress) -> None:
    """What services.resident_create does per person, with the inserts batched."""
    residents = Resident.objects.bulk_create([Resident(**plan.values) for plan in plans], batch_size=500)
    NameToken.objects.bulk_create(
        [NameToken(resident=r, token=t) for r in residents for t in sorted(name_tokens(r.display_names))],
        batch_size=2000,
    )
    ResidentLanguage.objects.bulk_create(
        [ResidentLanguage(resident=r, language=r.preferred_language) for r in residents], batch_size=2000
    )
    for plan, resident in progress(zip(plans, residents, strict=True), len(plans), "write"):
        services.timeline_add(
            resident=resident,
            service="residents",
            kind="resident.imported",
            params={"file": batch.file_name},
            actor=actor,
        )
        if plan.visa is not None and plan.visa_from is not None:
            services.visa_record_add(
                resident=resident, status=plan.visa, valid_from=plan.visa_from, actor=actor
            )
        duplicates_flag(resident=resident, actor=actor)


@dataclass(frozen=True)
class RowError:
    row: int
    column: str
    letter: str
    message: str


def batch_errors(batch: ImportBatch) -> list[RowError]:
    """The batch's errors in the active language."""
    return [
        RowError(
            row=error["row"],
            column=error.get("column", ""),
            letter=error.get("letter", ""),
            message=_render(error["message"], error.get("params") or {}),
        )
        for error in batch.errors
    ]


def _render(message: str, params: dict) -> str:
    if not message:
        return ""
    translated = gettext(message)
    try:
        return translated % params if params else translated
    except (KeyError, TypeError, ValueError):
        return translated


def error_row_count(batch: ImportBatch) -> int:
    return len({error["row"] for error in batch.errors})
