"""Background exports (django-tasks; `ieum db_worker` runs them): the page polls the progress."""

from __future__ import annotations

from pathlib import Path

from django.conf import settings
from django_tasks import task

from ieum.surveys import exports
from ieum.surveys.models import Export, Submission


def export_dir() -> Path:
    path = Path(settings.VAR_DIR) / "survey-exports"
    path.mkdir(parents=True, exist_ok=True)
    return path


def export_run(export: Export) -> Export:
    Export.objects.filter(pk=export.pk).update(
        status=Export.Status.RUNNING, total=Submission.objects.filter(survey_id=export.survey_id).count()
    )
    target = export_dir() / f"export-{export.pk}.{'xlsx' if export.format == Export.Format.XLSX else 'zip'}"

    def progress(done: int) -> None:
        Export.objects.filter(pk=export.pk).update(done=done)

    try:
        writer = exports.write_xlsx if export.format == Export.Format.XLSX else exports.write_csv_zip
        count = writer(export.survey, target, language=export.language, on_chunk=progress)
    except Exception:
        Export.objects.filter(pk=export.pk).update(status=Export.Status.FAILED)
        raise
    Export.objects.filter(pk=export.pk).update(status=Export.Status.DONE, done=count, path=str(target))
    export.refresh_from_db()
    return export


@task()
def export_task(export_id: int) -> str:
    export = Export.objects.select_related("survey").get(pk=export_id)
    return export_run(export).status
