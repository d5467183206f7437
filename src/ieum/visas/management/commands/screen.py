"""`ieum screen --program f2r --as-of 2025-09-01 --format json|csv --purpose "..."`: the whole
registry screened on one day, over arrays. Lists resident ids (no names) with the outcome and the
one thing that would change it, for the officers' own program work; every run is logged as an
export with its purpose (no role or export gives immigration status to another authority)."""

from __future__ import annotations

import csv
import datetime as dt
import json
import sys
import time

from django.core.management.base import BaseCommand, CommandError

from ieum.core.access import log_access
from ieum.core.models import Role, User
from ieum.residents.models import Resident
from ieum.visas import selectors
from ieum.visas.engine import PROGRAMS, screen
from ieum.visas.engine.decide import STATE_NAMES


class Command(BaseCommand):
    help = "Screen every resident for a regional visa program on a date."

    def add_arguments(self, parser) -> None:
        parser.add_argument("--program", required=True, choices=sorted(PROGRAMS))
        parser.add_argument("--as-of", type=dt.date.fromisoformat, default=dt.date.today())
        parser.add_argument("--format", choices=["json", "csv"], default="json")
        parser.add_argument("--purpose", required=True, help="why the list is needed (logged)")
        parser.add_argument("--user", default="", help="the officer running the export (logged)")
        parser.add_argument("--only", choices=["eligible", "one_change", "not_eligible"], default=None)

    def handle(self, *args, **options) -> None:
        user = None
        if options["user"]:
            user = User.objects.filter(username=options["user"], role__in=[Role.OFFICER, Role.ADMIN]).first()
            if user is None:
                raise CommandError("no program officer or administrator with that user name")
        if not options["purpose"].strip():
            raise CommandError("state the purpose of the export")
        day = options["as_of"]
        started = time.perf_counter()
        pop = selectors.population_for(Resident.objects.active(), as_of=day)
        result = screen(
            options["program"],
            pop,
            as_of=day,
            params=selectors.params_in_force(),
            decline_periods=selectors.decline_periods(),
        )
        log_access(
            user=user,
            action="export",
            subject_type="resident",
            purpose=options["purpose"],
            channel="cli",
            detail={"program": options["program"], "as_of": day.isoformat(), "count": len(pop)},
        )
        rows = [i for i in range(len(pop)) if not options["only"] or result.outcome[i] == options["only"]]
        codes = result.codes
        if options["format"] == "json":
            out = [
                {
                    "resident": int(pop.ids[i]),
                    "outcome": str(result.outcome[i]),
                    "change": result.change(i),
                    "criteria": {c: STATE_NAMES[int(result.states[i, j])] for j, c in enumerate(codes)},
                }
                for i in rows
            ]
            json.dump(
                {
                    "program": options["program"],
                    "as_of": day.isoformat(),
                    "counts": result.counts(),
                    "residents": out,
                },
                self.stdout,
            )
            self.stdout.write("")
        else:
            writer = csv.writer(self.stdout)
            writer.writerow(["resident", "outcome", "change", *codes])
            for i in rows:
                writer.writerow(
                    [
                        int(pop.ids[i]),
                        result.outcome[i],
                        result.change(i) or "",
                        *(STATE_NAMES[int(s)] for s in result.states[i]),
                    ]
                )
        sys.stderr.write(f"screened {len(pop)} residents in {time.perf_counter() - started:.2f} s\n")
