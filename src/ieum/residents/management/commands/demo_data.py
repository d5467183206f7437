"""`ieum demo-data --residents N --seed S [--if-empty]`: fill the database with a synthetic region.

Needs the region's reference data first (`ieum load-region jeonnam`). Deterministic per seed and
reference date; see ieum.residents.demo.
"""

from __future__ import annotations

import datetime as dt
import time

from django.core.management.base import BaseCommand, CommandError, CommandParser
from tqdm import tqdm

from ieum.residents.demo.generator import DEMO_AS_OF, generate
from ieum.residents.demo.loader import DemoDataError, load_people
from ieum.residents.models import Resident


class Command(BaseCommand):
    help = "Generate synthetic residents of the demo region (names, visas, households, incomes)."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--residents", type=int, default=3000, help="how many people (default 3000)")
        parser.add_argument(
            "--seed", type=int, default=1, help="random seed; the same seed gives the same people"
        )
        parser.add_argument("--if-empty", action="store_true", help="do nothing when residents already exist")
        parser.add_argument(
            "--as-of",
            type=dt.date.fromisoformat,
            default=DEMO_AS_OF,
            help=f"the demo's reference date (default {DEMO_AS_OF.isoformat()})",
        )
        parser.add_argument("--batch-size", type=int, default=2000)

    def handle(self, *args, **options) -> None:
        n = options["residents"]
        if n < 0:
            raise CommandError("--residents must be zero or more.")
        if options["if_empty"] and Resident.objects.exists():
            self.stdout.write("Residents already exist; nothing to do (--if-empty).")
            return
        started = time.perf_counter()
        bar = tqdm(total=n, unit="resident", desc="demo-data", disable=options["verbosity"] < 1)
        try:
            counts = load_people(
                generate(n, options["seed"], options["as_of"]),
                batch_size=options["batch_size"],
                progress=bar.update,
            )
        except DemoDataError as exc:
            raise CommandError(str(exc)) from None
        finally:
            bar.close()
        elapsed = time.perf_counter() - started
        self.stdout.write(
            f"Created {counts['resident']} residents in {elapsed:.1f} s (seed {options['seed']})."
        )
        if options["verbosity"] >= 2:
            for name, count in sorted(counts.items()):
                self.stdout.write(f"  {name}: {count}")
