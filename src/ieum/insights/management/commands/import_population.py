"""ieum import_population [population.csv] [--rates vital_rates.csv]: load the tables the
projection uses (defaults: the sample tables shipped in ieum/insights/data)."""

from __future__ import annotations

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from ieum.insights.services import population_import

DATA = Path(__file__).resolve().parents[2] / "data"


class Command(BaseCommand):
    help = "Import population and vital-rate tables (CSV) for projections."

    def add_arguments(self, parser) -> None:
        parser.add_argument("population", nargs="?", default=str(DATA / "population_sample.csv"))
        parser.add_argument("--rates", default=str(DATA / "vital_rates.csv"))

    def handle(self, *args, population: str, rates: str, **options) -> None:
        try:
            counts = population_import(population=Path(population), rates=Path(rates))
        except (OSError, ValueError) as exc:
            raise CommandError(str(exc)) from exc
        self.stdout.write(f"{counts[0]} population cells, {counts[1]} rates")
