"""`ieum import-residents FILE [--commit]`: the same checks and errors as the import page."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from typing import Any

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError
from django.utils import translation
from django.utils.translation import gettext as _
from tqdm import tqdm

from ieum.residents import importing
from ieum.residents.models import ImportBatch


class Command(BaseCommand):
    help = "Import residents from a CSV or XLSX file: check every row, and with --commit write all or none."

    def add_arguments(self, parser) -> None:
        parser.add_argument("file", type=Path)
        parser.add_argument("--commit", action="store_true", help="write the new residents (all or none)")
        parser.add_argument("--language", default=settings.LANGUAGE_CODE, help="language of the messages")

    def handle(self, *args: Any, **options: Any) -> None:
        with translation.override(options["language"]):
            self._import(options["file"], commit=options["commit"], bars=options["verbosity"] > 0)

    def _progress(self, bars: bool):
        labels = {"check": _("Checking rows"), "write": _("Writing records")}

        def progress(rows: Iterable[Any], total: int, stage: str) -> Iterable[Any]:
            return tqdm(rows, total=total, desc=labels.get(stage, stage), unit="row", disable=not bars)

        return progress

    def _import(self, path: Path, *, commit: bool, bars: bool) -> None:
        try:
            content = path.read_bytes()
        except OSError as exc:
            raise CommandError(_("The file cannot be read: %(reason)s") % {"reason": exc.strerror})
        progress = self._progress(bars)
        try:
            importing.check_size(len(content))
            batch = importing.import_preview(
                file_name=path.name, content=content, actor=None, progress=progress
            )
            if commit and not batch.errors:
                batch = importing.import_commit(batch=batch, content=content, actor=None, progress=progress)
        except ValidationError as exc:
            raise CommandError(" ".join(exc.messages))
        for error in importing.batch_errors(batch):
            self.stderr.write(self._describe(error))
        self.stdout.write(
            _("Rows: %(total)s. New: %(new)s. Already recorded: %(unchanged)s. Rows with errors: %(errors)s.")
            % {
                "total": batch.total_rows,
                "new": batch.created_count,
                "unchanged": batch.unchanged_count,
                "errors": importing.error_row_count(batch),
            }
        )
        if batch.errors:
            raise CommandError(
                _("Nothing was written: some rows have errors. Correct the file and import it again.")
            )
        if batch.status == ImportBatch.Status.COMMITTED:
            self.stdout.write(self.style.SUCCESS(_("The import was committed.")))
        else:
            self.stdout.write(_("Nothing was written yet: run the command again with --commit to import."))

    @staticmethod
    def _describe(error: importing.RowError) -> str:
        if error.column:
            return _("Row %(row)s, column %(letter)s (%(column)s): %(message)s") % {
                "row": error.row,
                "letter": error.letter,
                "column": error.column,
                "message": error.message,
            }
        return _("Row %(row)s: %(message)s") % {"row": error.row, "message": error.message}
