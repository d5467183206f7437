"""Writes of insights: import population tables, save scenarios."""

from __future__ import annotations

import csv
import datetime as dt
from pathlib import Path

from django.db import transaction

from ieum.core.models import User
from ieum.insights.models import PopulationRow, Scenario, VitalRate
from ieum.insights.policy import assumptions_from_dict


@transaction.atomic
def population_import(*, population: Path, rates: Path) -> tuple[int, int]:
    """All-or-nothing; re-importing the same file changes nothing (cells are keyed)."""
    cells = 0
    with population.open(encoding="utf-8-sig", newline="") as handle:
        for row in csv.DictReader(handle):
            PopulationRow.objects.update_or_create(
                county_code=row["county_code"],
                year=int(row["year"]),
                sex=row["sex"],
                age_group=row["age_group"],
                defaults={
                    "county_name": row["county_name"],
                    "population": int(row["population"]),
                    "source": population.name,
                },
            )
            cells += 1
    count = 0
    with rates.open(encoding="utf-8-sig", newline="") as handle:
        for row in csv.DictReader(handle):
            VitalRate.objects.update_or_create(
                age_group=row["age_group"],
                sex=row["sex"],
                valid_from=dt.date.fromisoformat(row["valid_from"]),
                defaults={
                    "survival": float(row["survival"]),
                    "fertility": float(row["fertility"] or 0),
                    "migration": float(row["migration"] or 0),
                    "valid_to": dt.date.fromisoformat(row["valid_to"]) if row.get("valid_to") else None,
                    "source": rates.name,
                },
            )
            count += 1
    return cells, count


@transaction.atomic
def scenario_create(*, name: str, assumptions: dict, actor: User) -> Scenario:
    assumptions_from_dict(assumptions)  # refuses what the model cannot run
    return Scenario.objects.create(name=name[:200], assumptions=assumptions, created_by=actor)
