"""May this person, with this status of stay, take this job in this place on this day?

Rules are data (`ieum/jobs/rules/lawfulness.toml`, dated, each with its source); this module only
applies them. Every refusal names its rule and a reason code; `ieum.jobs.reasons` turns the code
into a sentence in the reader's language. No Django import: tested and benchmarked alone.
"""

from __future__ import annotations

import datetime as dt
import tomllib
from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

RULES_DIR = Path(__file__).resolve().parent.parent / "rules"


@dataclass(frozen=True)
class Person:
    status: str
    status_since: dt.date | None = None
    # The city/county a regional status binds the holder to (its 5-digit code), or "".
    bound_municipality: str = ""
    korean_level: int = 0


@dataclass(frozen=True)
class Job:
    ksic: str
    ksco: str
    municipality: str
    hours_per_week: int = 40
    wage_hourly: int = 0


@dataclass(frozen=True)
class Place:
    province: str
    decline: bool


@dataclass(frozen=True)
class Decision:
    allowed: bool
    rule: str = ""
    reason: str = ""
    params: Mapping[str, Any] = field(default_factory=dict)

    @property
    def eps_path(self) -> bool:
        return self.reason in ("eps_path", "h2_job_center")


ALLOWED = Decision(True)


@dataclass(frozen=True)
class Rule:
    id: str
    statuses: frozenset[str]
    kind: str
    valid_from: dt.date | None
    valid_to: dt.date | None
    options: Mapping[str, Any]
    source: str

    def valid_on(self, day: dt.date) -> bool:
        return (self.valid_from is None or self.valid_from <= day) and (
            self.valid_to is None or day <= self.valid_to
        )


@dataclass(frozen=True)
class MinimumWage:
    valid_from: dt.date
    valid_to: dt.date | None
    hourly_krw: int
    source: str


KINDS = frozenset({"allow", "deny", "eps_path", "area", "hours_cap", "ksco_excluded", "ksic_allowed"})


def _rule(raw: dict[str, Any]) -> Rule:
    if raw["kind"] not in KINDS:
        raise ValueError(f"rule {raw['id']}: unknown kind {raw['kind']}")
    known = {"id", "statuses", "kind", "valid_from", "valid_to", "source"}
    return Rule(
        id=raw["id"],
        statuses=frozenset(raw["statuses"]),
        kind=raw["kind"],
        valid_from=raw.get("valid_from"),
        valid_to=raw.get("valid_to"),
        options={k: v for k, v in raw.items() if k not in known},
        source=raw.get("source", ""),
    )


@lru_cache(maxsize=4)
def load_rules(path: Path = RULES_DIR / "lawfulness.toml") -> tuple[Rule, ...]:
    with path.open("rb") as handle:
        return tuple(_rule(raw) for raw in tomllib.load(handle)["rule"])


@lru_cache(maxsize=4)
def load_minimum_wages(path: Path = RULES_DIR / "minimum_wage.toml") -> tuple[MinimumWage, ...]:
    with path.open("rb") as handle:
        rows = tomllib.load(handle)["minimum_wage"]
    return tuple(
        MinimumWage(r["valid_from"], r.get("valid_to"), int(r["hourly_krw"]), r["source"]) for r in rows
    )


def minimum_wage_on(day: dt.date, wages: tuple[MinimumWage, ...] | None = None) -> MinimumWage | None:
    for wage in wages if wages is not None else load_minimum_wages():
        if wage.valid_from <= day and (wage.valid_to is None or day <= wage.valid_to):
            return wage
    return None


def wage_decision(wage_hourly: int, day: dt.date) -> Decision:
    minimum = minimum_wage_on(day)
    if minimum is None:
        return Decision(False, "minimum-wage", "minimum_wage_unknown", {"date": day.isoformat()})
    if wage_hourly < minimum.hourly_krw:
        return Decision(False, "minimum-wage", "below_minimum_wage", {"minimum": minimum.hourly_krw})
    return ALLOWED


def _years_between(start: dt.date, day: dt.date) -> float:
    return (day - start).days / 365.25


def _area(rule: Rule, person: Person, job: Job, day: dt.date, places: Mapping[str, Place]) -> Decision:
    bound = person.bound_municipality
    if not bound:
        return Decision(False, rule.id, "area_unknown")
    if job.municipality == bound:
        return ALLOWED
    since = person.status_since or day
    years = _years_between(since, day)
    total = int(rule.options.get("total_years", 0))
    if total and years >= total:
        return ALLOWED
    fixed = int(rule.options.get("fixed_years", 0))
    if years < fixed:
        until = (
            since.replace(year=since.year + fixed) if not (since.month == 2 and since.day == 29) else since
        )
        return Decision(False, rule.id, "area_fixed", {"municipality": bound, "until": until.isoformat()})
    home, place = places.get(bound), places.get(job.municipality)
    if home is None or place is None or place.province != home.province or not place.decline:
        return Decision(False, rule.id, "area_decline_province", {"municipality": bound})
    return ALLOWED


def _hours_cap(rule: Rule, person: Person) -> int:
    cap = int(rule.options["hours"])
    if "korean_min" in rule.options and person.korean_level >= int(rule.options["korean_min"]):
        cap = int(rule.options["hours_with_korean"])
    return cap


def _apply(rule: Rule, person: Person, job: Job, day: dt.date, places: Mapping[str, Place]) -> Decision:
    kind = rule.kind
    if kind == "allow":
        return ALLOWED
    if kind == "deny":
        return Decision(False, rule.id, rule.options["reason"], {"status": person.status})
    if kind == "eps_path":
        reason = "h2_job_center" if person.status == "H-2" else "eps_path"
        return Decision(False, rule.id, reason, {"status": person.status})
    if kind == "area":
        return _area(rule, person, job, day, places)
    if kind == "hours_cap":
        cap = _hours_cap(rule, person)
        if job.hours_per_week > cap:
            return Decision(False, rule.id, "hours_cap", {"hours": cap})
        return ALLOWED
    if kind == "ksco_excluded":
        if any(job.ksco.startswith(p) for p in rule.options["ksco_prefixes"]):
            return Decision(False, rule.id, "ksco_excluded", {"status": person.status})
        return ALLOWED
    if any(job.ksic.startswith(p) for p in rule.options["ksic_prefixes"]):  # ksic_allowed
        return ALLOWED
    return Decision(False, rule.id, "ksic_not_allowed", {"status": person.status})


def rules_for(status: str, day: dt.date, rules: tuple[Rule, ...] | None = None) -> list[Rule]:
    return [r for r in (rules or load_rules()) if status in r.statuses and r.valid_on(day)]


def decide(
    person: Person,
    job: Job,
    day: dt.date,
    places: Mapping[str, Place],
    *,
    rules: tuple[Rule, ...] | None = None,
    check_wage: bool = True,
) -> Decision:
    """Allowed, or the first refusal with its rule and reason."""
    applicable = rules_for(person.status, day, rules)
    if not applicable:
        return Decision(False, "", "status_not_covered", {"status": person.status})
    # The status itself first: an E-9 worker is told the EPS path whatever the job's wage.
    for rule in applicable:
        if rule.kind in ("deny", "eps_path"):
            return _apply(rule, person, job, day, places)
    if check_wage:
        wage = wage_decision(job.wage_hourly, day)
        if not wage.allowed:
            return wage
    for rule in applicable:
        decision = _apply(rule, person, job, day, places)
        if not decision.allowed:
            return decision
    return ALLOWED


def status_decision(status: str, day: dt.date, *, rules: tuple[Rule, ...] | None = None) -> Decision:
    """Whether the status can be offered jobs at all (before any job is looked at)."""
    applicable = rules_for(status, day, rules)
    if not applicable:
        return Decision(False, "", "status_not_covered", {"status": status})
    for rule in applicable:
        if rule.kind in ("deny", "eps_path"):
            return _apply(rule, Person(status), Job("", "", ""), day, {})
    return ALLOWED


def hours_cap(person: Person, day: dt.date, *, rules: tuple[Rule, ...] | None = None) -> int:
    """The most hours a week the person may work (999 when no rule caps it)."""
    caps = [_hours_cap(r, person) for r in rules_for(person.status, day, rules) if r.kind == "hours_cap"]
    return min(caps, default=999)


def area_rule(person: Person, day: dt.date, *, rules: tuple[Rule, ...] | None = None) -> int:
    """0: no area rule; 1: only the bound city/county now; 2: decline areas of the province too."""
    result = 0
    for rule in rules_for(person.status, day, rules):
        if rule.kind != "area":
            continue
        years = _years_between(person.status_since or day, day)
        total = int(rule.options.get("total_years", 0))
        if total and years >= total:
            continue
        result = max(result, 1 if years < int(rule.options.get("fixed_years", 0)) else 2)
    return result
