"""Bulk import pages: upload → preview with per-row errors → commit → result."""

from __future__ import annotations

from django import forms
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from ieum.core.access import log_access
from ieum.core.decorators import staff_required
from ieum.core.http import AuthedRequest
from ieum.core.models import AccessLog, Role, User
from ieum.residents import access, importing
from ieum.residents.importing import storage
from ieum.residents.models import ImportBatch
from ieum.residents.tasks import import_commit_task

# The preview lists at most this many errors; the counts above it are complete.
ERRORS_SHOWN = 500


class ImportForm(forms.Form):
    file = forms.FileField(
        label=gettext_lazy("CSV or XLSX file"),
        widget=forms.ClearableFileInput(attrs={"accept": ".csv,.xlsx,text/csv"}),
    )


def get_import_batch_for_user(user: User, batch_id: int) -> ImportBatch:
    """The batch, for the one who uploaded it or an administrator; 404 for anyone else."""
    access.require_resident_search(user)
    try:
        batch = ImportBatch.objects.get(pk=batch_id)
    except ImportBatch.DoesNotExist:
        raise Http404 from None
    if batch.created_by_id != user.pk and user.role != Role.ADMIN:
        raise Http404
    return batch


def _log(request: AuthedRequest, action: str, batch: ImportBatch) -> None:
    log_access(
        user=request.user,
        action=action,
        subject_type="import_batch",
        subject_id=batch.pk,
        request=request,
        detail={
            "status": batch.status,
            "rows": batch.total_rows,
            "created": batch.created_count,
            "unchanged": batch.unchanged_count,
        },
    )


@staff_required
def resident_import(request: AuthedRequest) -> HttpResponse:
    access.require_resident_search(request.user)
    form = ImportForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data["file"]
        try:
            importing.check_size(upload.size)  # before reading the whole upload into memory
            batch = importing.import_preview(
                file_name=upload.name or "", content=upload.read(), actor=request.user
            )
        except ValidationError as exc:
            for error in exc.messages:
                form.add_error("file", error)
        else:
            _log(request, AccessLog.Action.SEARCH, batch)  # its rows were matched against the records
            return redirect("resident-import-batch", batch_id=batch.pk)
    return render(request, "residents/import_upload.html", {"form": form, "aliases": importing.ALIASES})


@staff_required
def resident_import_batch(request: AuthedRequest, batch_id: int) -> HttpResponse:
    batch = get_import_batch_for_user(request.user, batch_id)
    errors = importing.batch_errors(batch)
    can_commit = batch.status == ImportBatch.Status.PREVIEWED and not errors and storage.is_kept(batch)
    return render(
        request,
        "residents/import_batch.html",
        {
            "batch": batch,
            "errors": errors[:ERRORS_SHOWN],
            "errors_hidden": max(0, len(errors) - ERRORS_SHOWN),
            "error_rows": importing.error_row_count(batch),
            "can_commit": can_commit,
        },
    )


@staff_required
@require_POST
def resident_import_commit(request: AuthedRequest, batch_id: int) -> HttpResponse:
    batch = get_import_batch_for_user(request.user, batch_id)
    # Only a previewed batch is queued, and only once: a second click finds it queued or done.
    queued = ImportBatch.objects.filter(pk=batch.pk, status=ImportBatch.Status.PREVIEWED).update(
        status=ImportBatch.Status.QUEUED
    )
    if not queued:
        return redirect("resident-import-batch", batch_id=batch.pk)
    _log(request, AccessLog.Action.CREATE, batch)
    import_commit_task.enqueue(batch.pk, request.user.pk)
    batch.refresh_from_db()
    if batch.status == ImportBatch.Status.QUEUED:
        return redirect("resident-import-batch", batch_id=batch.pk)  # a worker will write it
    if batch.status == ImportBatch.Status.COMMITTED:
        messages.success(request, _("The import was committed."))
    else:
        messages.error(
            request, _("Nothing was written: some rows have errors. Correct the file and upload it again.")
        )
    return redirect("resident-import-batch", batch_id=batch.pk)
