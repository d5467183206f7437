"""The partner directory as data (design.md: data, not code), loaded by `ieum load_partners`."""

from __future__ import annotations

import csv
from pathlib import Path

from django.db import transaction

from ieum.core.models import Municipality
from ieum.referrals.models import Partner

DEFAULT_DIRECTORY = Path(__file__).parent / "data" / "partners_jeonnam.csv"


@transaction.atomic
def partners_load(*, path: Path = DEFAULT_DIRECTORY) -> int:
    """Create or update each partner by its code; partners not in the file are left alone."""
    count = 0
    with path.open(encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle):
            municipality = None
            if row["municipality_code"]:
                municipality = Municipality.objects.filter(code=row["municipality_code"]).first()
            if row["kind"] not in Partner.Kind.values:
                raise ValueError(f"unknown partner kind {row['kind']!r} for {row['code']}")
            Partner.objects.update_or_create(
                code=row["code"],
                defaults={
                    "kind": row["kind"],
                    "name_ko": row["name_ko"],
                    "name_en": row["name_en"],
                    "municipality": municipality,
                    "languages": row["languages"].split(),
                    "phone": row["phone"],
                    "discount_note": row["discount_note"],
                    "source": row["source"],
                },
            )
            count += 1
    return count
