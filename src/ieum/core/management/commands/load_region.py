"""`ieum load_region <name>` (alias `ieum load-region <name>`): load a region pack.

Safe to run on every deploy: loading the same pack again changes nothing, an edited pack updates
only what changed, and a bad pack is refused with the file and entry named and nothing written.
"""

from __future__ import annotations

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError, CommandParser

from ieum.core.regions import PACKS_DIR, RegionPackError, load_region


class Command(BaseCommand):
    help = f"Load a region pack (reference data as dated data) from {PACKS_DIR}/<name>/."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("name", help="the pack's folder name, e.g. jeonnam")
        parser.add_argument(
            "--packs-dir", type=Path, default=None, help=f"folder holding the packs (default {PACKS_DIR})"
        )

    def handle(self, *args, **options) -> None:
        name = options["name"]
        try:
            stdout = self.stdout if options["verbosity"] > 0 else None
            counts = load_region(name, stdout=stdout, base_dir=options["packs_dir"])
        except RegionPackError as error:
            raise CommandError(str(error)) from error
        summary = f"{counts['created']} created, {counts['updated']} updated, {counts['removed']} removed"
        self.stdout.write(self.style.SUCCESS(f"Region pack '{name}' loaded: {summary}."))
