"""Loads a fiscal year's budget lines and grant programs from `grants/data/` (TOML).

Loading twice changes nothing: a line is allocated once, by an "allocation" ledger entry whose
decision is the budget act named in the file; later changes are supplementary entries.
"""

from __future__ import annotations

import datetime as dt
import tomllib
from pathlib import Path
from typing import Any

from django.db import transaction

from ieum.core.models import Municipality
from ieum.grants.ledger import post_entry
from ieum.grants.models import BudgetLine, GrantProgram, LedgerEntry, ProgramAmount, ProgramCounty

DATA = Path(__file__).resolve().parent / "data"


class BudgetDataError(ValueError):
    pass


@transaction.atomic
def budget_load(*, year: int, actor: Any = None, data_dir: Path = DATA) -> dict[str, int]:
    path = data_dir / f"budget_{year}.toml"
    if not path.exists():
        raise BudgetDataError(f"no budget data for {year}: {path}")
    data = tomllib.loads(path.read_text(encoding="utf-8"))
    created = 0
    for item in data["line"]:
        line, new = BudgetLine.objects.get_or_create(
            fiscal_year=year,
            code=item["code"],
            defaults={
                "name_ko": item["name_ko"],
                "name_en": item["name_en"],
                "source": item.get("source", data["source"]),
            },
        )
        if new:
            post_entry(
                line=line,
                kind=LedgerEntry.Kind.ALLOCATION,
                allocated=int(item["amount"]),
                decision=data["decision"],
                actor=actor,
            )
            created += 1
    programs = 0
    programs_path = data_dir / f"programs_{year}.toml"
    if programs_path.exists():
        for item in tomllib.loads(programs_path.read_text(encoding="utf-8")).get("program", []):
            program_load(item, year=year)
            programs += 1
    return {"lines": created, "programs": programs}


@transaction.atomic
def program_load(item: dict[str, Any], *, year: int) -> GrantProgram:
    try:
        line = BudgetLine.objects.get(fiscal_year=year, code=item["budget_line"])
    except BudgetLine.DoesNotExist:
        raise BudgetDataError(
            f"program {item['code']}: no budget line {item['budget_line']} in {year}"
        ) from None
    eligibility = {
        k: (v.isoformat() if isinstance(v, dt.date) else v) for k, v in item.get("eligibility", {}).items()
    }
    program, _ = GrantProgram.objects.update_or_create(
        code=item["code"],
        defaults={
            "name_ko": item["name_ko"],
            "name_en": item["name_en"],
            "budget_line": line,
            "window_opens": item["window_opens"],
            "window_closes": item["window_closes"],
            "obligation_until": item["obligation_until"],
            "headcount_cap": item["headcount_cap"],
            "eligibility": eligibility,
            "source": item.get("source", ""),
        },
    )
    for amount in item.get("amount", []):
        ProgramAmount.objects.update_or_create(
            program=program,
            valid_from=amount["valid_from"],
            defaults={
                "amount_krw": amount["amount"],
                "valid_to": amount.get("valid_to"),
                "source": amount.get("source", ""),
            },
        )
    for county in item.get("county", []):
        try:
            municipality = Municipality.objects.get(code=county["code"])
        except Municipality.DoesNotExist:
            raise BudgetDataError(
                f"unknown city/county code {county['code']}: load the region first"
            ) from None
        ProgramCounty.objects.update_or_create(
            program=program,
            municipality=municipality,
            defaults={"payment_method": county.get("payment", "bank")},
        )
    return program
