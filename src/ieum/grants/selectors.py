"""Reads of the grants app. Visa decisions are read here from the resident's visa records, so the
grant rules do not depend on the visas app (they only need granted statuses)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.db.models import Count, Q, QuerySet, Sum

from ieum.grants import eligibility
from ieum.grants.models import Application, BudgetLine, GrantProgram, LedgerEntry
from ieum.residents.models import Resident, VisaRecord


def regional_visa_grants(resident: Resident, statuses: tuple[str, ...]) -> list[eligibility.VisaGrant]:
    records = (
        VisaRecord.objects.filter(resident=resident, status__code__in=statuses)
        .select_related("status", "municipality")
        .order_by("-valid_from")
    )
    return [
        eligibility.VisaGrant(
            status=r.status.code,
            valid_from=r.valid_from,
            valid_to=r.valid_to,
            municipality=r.municipality.code if r.municipality else None,
        )
        for r in records
    ]


def program_rules(program: GrantProgram) -> eligibility.Rules:
    counties = list(program.counties.values_list("municipality__code", flat=True))
    return eligibility.Rules.from_data(program.eligibility, counties)


def eligibility_for(program: GrantProgram, resident: Resident, today: dt.date) -> eligibility.Verdict:
    rules = program_rules(program)
    grants = regional_visa_grants(resident, rules.statuses)
    lives_in = resident.municipality.code if resident.municipality is not None else None
    return eligibility.check(rules, grants, lives_in, today)


def open_programs(today: dt.date) -> QuerySet[GrantProgram]:
    return GrantProgram.objects.filter(window_opens__lte=today, window_closes__gte=today)


def budget_lines(year: int | None = None) -> QuerySet[BudgetLine]:
    qs = BudgetLine.objects.all()
    return qs.filter(fiscal_year=year) if year else qs


def fiscal_years() -> list[int]:
    return sorted(set(BudgetLine.objects.values_list("fiscal_year", flat=True)), reverse=True)


@dataclass(frozen=True)
class Balance:
    label: str
    allocated: int
    committed: int
    spent: int

    @property
    def available(self) -> int:
        return self.allocated - self.committed - self.spent


def _sums(qs: QuerySet[LedgerEntry], key: str) -> list[dict]:
    return list(
        qs.values(key)
        .annotate(a=Sum("allocated_delta"), c=Sum("committed_delta"), s=Sum("spent_delta"), n=Count("id"))
        .order_by(key)
    )


def balances_by_line(year: int) -> list[Balance]:
    """Balances computed from the entries themselves (the statement checks them against the
    running sums on the line)."""
    names = dict(BudgetLine.objects.filter(fiscal_year=year).values_list("pk", "name_ko"))
    rows = _sums(LedgerEntry.objects.filter(line__fiscal_year=year), "line")
    return [Balance(names[r["line"]], r["a"] or 0, r["c"] or 0, r["s"] or 0) for r in rows]


def balances_by_program(year: int) -> list[Balance]:
    names = dict(GrantProgram.objects.values_list("pk", "name_ko"))
    rows = _sums(LedgerEntry.objects.filter(line__fiscal_year=year, program__isnull=False), "program")
    return [Balance(names[r["program"]], 0, r["c"] or 0, r["s"] or 0) for r in rows]


def balances_by_county(year: int) -> list[Balance]:
    from ieum.core.models import Municipality

    names = dict(Municipality.objects.values_list("pk", "name_ko"))
    rows = _sums(
        LedgerEntry.objects.filter(line__fiscal_year=year, municipality__isnull=False), "municipality"
    )
    return [Balance(names[r["municipality"]], 0, r["c"] or 0, r["s"] or 0) for r in rows]


def application_counts(qs: QuerySet[Application]) -> dict[str, int]:
    return dict(qs.values_list("status").annotate(n=Count("id")).values_list("status", "n"))


def waiting_applications(qs: QuerySet[Application]) -> QuerySet[Application]:
    return qs.filter(Q(status=Application.Status.SUBMITTED) | Q(status=Application.Status.PREPARED))
