"""`ieum load-budget 2024`: budget lines and grant programs of a fiscal year from grants/data/."""

from __future__ import annotations

from django.core.management.base import BaseCommand, CommandError, CommandParser

from ieum.grants.loading import BudgetDataError, budget_load


class Command(BaseCommand):
    help = "Load a fiscal year's budget lines and grant programs (needs the region pack for counties)."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("year", type=int)

    def handle(self, *args, **options) -> None:
        try:
            counts = budget_load(year=options["year"])
        except BudgetDataError as exc:
            raise CommandError(str(exc)) from exc
        self.stdout.write(f"{counts['lines']} budget lines and {counts['programs']} programs loaded.")
