"""Load or refresh the partner directory from a CSV (default: the Jeonnam demo directory)."""

from __future__ import annotations

from pathlib import Path

from django.core.management.base import BaseCommand

from ieum.referrals.directory import DEFAULT_DIRECTORY, partners_load


class Command(BaseCommand):
    help = "Load the partner directory (medical center, safe hospitals, legal partners, 1345, Danuri …)."

    def add_arguments(self, parser) -> None:
        parser.add_argument("--file", type=Path, default=DEFAULT_DIRECTORY)

    def handle(self, *args, file: Path, **options) -> None:
        count = partners_load(path=file)
        self.stdout.write(f"{count} partner(s) loaded")
