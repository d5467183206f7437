"""Reads for the visa programs: the numpy columns the engine screens, parameters in force,
quotas and applications."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Iterable
from functools import lru_cache

import numpy as np
from django.db.models import Q, QuerySet

from ieum.core.models import DeclineDesignation
from ieum.residents.models import (
    Education,
    HouseholdLink,
    IncomeDeclaration,
    KoreanProficiency,
    Resident,
    VisaRecord,
)
from ieum.visas.engine import ParamSet, ParamValue, Population, load_rules
from ieum.visas.models import ParameterChange

REGIONAL_STATUSES = ("F-2-R", "F-3-1R")
E74R_FEEDERS = ("E-9", "E-10", "H-2")


@lru_cache(maxsize=1)
def _base_rules() -> ParamSet:
    return load_rules()


def params_in_force() -> ParamSet:
    """The rule files plus every officer change, in the order they were made."""
    changes = [
        ParamValue(c.name, c.value, c.valid_from, c.valid_to, c.source)
        for c in ParameterChange.objects.order_by("id")
    ]
    return _base_rules().with_values(changes)


def decline_periods() -> list[tuple[str, dt.date | None, dt.date | None]]:
    return list(DeclineDesignation.objects.values_list("municipality__code", "valid_from", "valid_to"))


def _overlap_days(start: dt.date, end: dt.date | None, lo: dt.date, hi: dt.date) -> int:
    end = min(end or hi, hi)
    start = max(start, lo)
    return max((end - start).days + 1, 0)


def population_for(residents: QuerySet[Resident] | Iterable[int], *, as_of: dt.date) -> Population:
    """The engine's columns for these residents on `as_of`, one query per table (not per person)."""
    ids = list(residents.values_list("pk", flat=True)) if isinstance(residents, QuerySet) else list(residents)
    pop = Population.empty(len(ids))
    pop.ids = np.array(ids, dtype="i8")
    row_of = {pk: i for i, pk in enumerate(ids)}
    base = Resident.objects.filter(pk__in=ids) if len(ids) < 5000 else Resident.objects.all()
    people = base.values_list(
        "pk", "nationality__alpha2", "municipality__code", "birth_date", "ethnic_korean"
    )
    for pk, alpha2, home, birth, ethnic in people.iterator(chunk_size=5000):
        i = row_of.get(pk)
        if i is None:
            continue
        pop.nationality[i] = alpha2 or ""
        pop.home[i] = home or ""
        if birth:
            pop.birth[i] = np.datetime64(birth, "D")
        pop.ethnic_korean[i] = ethnic
    _visa_columns(pop, row_of, as_of)
    _education_column(pop, row_of)
    _income_column(pop, row_of, as_of)
    _korean_columns(pop, row_of, as_of)
    _family_columns(pop, row_of, as_of)
    return pop


def _filtered(qs: QuerySet, row_of: dict[int, int], field: str = "resident_id") -> QuerySet:
    return qs.filter(**{f"{field}__in": list(row_of)}) if len(row_of) < 5000 else qs


def _visa_columns(pop: Population, row_of: dict[int, int], as_of: dt.date) -> None:
    ten_years = as_of - dt.timedelta(days=3652)
    visas = _filtered(VisaRecord.objects.filter(valid_from__lte=as_of), row_of).values_list(
        "resident_id", "status__code", "valid_from", "valid_to", "municipality__code"
    )
    current: dict[int, dt.date] = {}
    feeder: dict[int, int] = defaultdict(int)
    for pk, code, start, end, work in visas.order_by("valid_from").iterator(chunk_size=5000):
        i = row_of.get(pk)
        if i is None:
            continue
        if (end is None or end >= as_of) and (pk not in current or start >= current[pk]):
            current[pk] = start
            pop.status[i] = code
            pop.work[i] = work or ""
        if code in REGIONAL_STATUSES:
            last = np.datetime64(min(end or as_of, as_of), "D")
            if np.isnat(pop.regional_end[i]) or pop.regional_end[i] < last:
                pop.regional_end[i] = last
        if code in E74R_FEEDERS:
            feeder[i] += _overlap_days(start, end, ten_years, as_of)
    for i, days in feeder.items():
        pop.feeder_days[i] = days


def _education_column(pop: Population, row_of: dict[int, int]) -> None:
    rows = _filtered(Education.objects.all(), row_of).values_list(
        "resident_id", "level", "korean_institution"
    )
    for pk, level, korean in rows.iterator(chunk_size=5000):
        i = row_of.get(pk)
        if i is None:
            continue
        rank = Education.RANK.get(level, 0) if korean else 0
        pop.degree[i] = max(int(pop.degree[i]), rank)


def _income_column(pop: Population, row_of: dict[int, int], as_of: dt.date) -> None:
    # The income of the year before the screening date, else the latest earlier declared year.
    rows = _filtered(IncomeDeclaration.objects.filter(year__lt=as_of.year), row_of).values_list(
        "resident_id", "year", "amount_krw"
    )
    for pk, _year, amount in rows.order_by("year").iterator(chunk_size=5000):
        i = row_of.get(pk)
        if i is not None:
            pop.income[i] = amount


def _korean_columns(pop: Population, row_of: dict[int, int], as_of: dt.date) -> None:
    # Only certified results are evidence; a self-report leaves the criterion "unknown".
    rows = _filtered(
        KoreanProficiency.objects.filter(certified=True, kind__in=["topik", "kiip"]).filter(
            Q(achieved_on__isnull=True) | Q(achieved_on__lte=as_of)
        ),
        row_of,
    ).values_list("resident_id", "kind", "level")
    for pk, kind, level in rows.iterator(chunk_size=5000):
        i = row_of.get(pk)
        if i is None:
            continue
        column = pop.topik if kind == "topik" else pop.kiip
        column[i] = max(int(column[i]), level)


def _family_columns(pop: Population, row_of: dict[int, int], as_of: dt.date) -> None:
    """Spouse or child of a principal who is a resident too; the principal's status and home."""
    links = (
        HouseholdLink.objects.filter(relative__isnull=False).filter(
            Q(resident_id__in=list(row_of)) | Q(relative_id__in=list(row_of))
        )
        if len(row_of) < 5000
        else HouseholdLink.objects.filter(relative__isnull=False)
    )
    pairs: list[tuple[int, int, str]] = []  # (member, principal, relation of member)
    for owner, relative, relation in links.values_list("resident_id", "relative_id", "relation"):
        if relation in ("spouse", "child"):
            pairs.append((relative, owner, relation))  # the owner's spouse/child is the member
        if relation == "spouse":
            pairs.append((owner, relative, "spouse"))
        if relation == "parent":
            pairs.append((owner, relative, "child"))  # the owner's parent is the principal
    if not pairs:
        return
    principals = {p for _, p, _ in pairs}
    status = dict(
        VisaRecord.objects.filter(resident_id__in=principals, valid_from__lte=as_of)
        .filter(Q(valid_to__isnull=True) | Q(valid_to__gte=as_of))
        .order_by("valid_from")
        .values_list("resident_id", "status__code")
    )
    homes = dict(Resident.objects.filter(pk__in=principals).values_list("pk", "municipality__code"))
    for member, principal, relation in pairs:
        i = row_of.get(member)
        if i is None:
            continue
        # A principal holding a regional status wins over another household link.
        if pop.principal_status[i] in REGIONAL_STATUSES:
            continue
        pop.relation[i] = relation
        pop.principal_status[i] = status.get(principal, "")
        pop.principal_home[i] = homes.get(principal) or ""
