"""Grant eligibility as a pure function of the program's rules (data) and a person's facts.

No Django import: selectors feed it, tests and benchmarks call it alone. The default rule of the
Jeonnam settlement grant (facts.md §1.5, §8): a regional status (F-2-R, F-4-R, E-7-4R) granted in a
participating county within the program's dates, and the person still lives there.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field


@dataclass(frozen=True)
class VisaGrant:
    status: str
    valid_from: dt.date
    valid_to: dt.date | None
    municipality: str | None  # city/county code where the status was granted


@dataclass(frozen=True)
class Rules:
    statuses: tuple[str, ...]
    granted_from: dt.date | None
    granted_to: dt.date | None
    counties: tuple[str, ...]
    still_living: bool = True

    @classmethod
    def from_data(cls, data: dict, counties: list[str]) -> Rules:
        def day(value) -> dt.date | None:
            if value in (None, ""):
                return None
            return value if isinstance(value, dt.date) else dt.date.fromisoformat(str(value))

        return cls(
            statuses=tuple(data.get("statuses", ())),
            granted_from=day(data.get("granted_from")),
            granted_to=day(data.get("granted_to")),
            counties=tuple(counties),
            still_living=bool(data.get("still_living", True)),
        )


@dataclass(frozen=True)
class Reason:
    """A reason code and its parameters; texts.py renders it in the reader's language."""

    code: str
    params: dict = field(default_factory=dict)


@dataclass(frozen=True)
class Verdict:
    eligible: bool
    reasons: tuple[Reason, ...]


def _qualifying(rules: Rules, grant: VisaGrant, today: dt.date) -> bool:
    if grant.status not in rules.statuses:
        return False
    if grant.valid_from > today or (grant.valid_to is not None and grant.valid_to < today):
        return False  # not held today
    if rules.granted_from and grant.valid_from < rules.granted_from:
        return False
    if rules.granted_to and grant.valid_from > rules.granted_to:
        return False
    return grant.municipality in rules.counties


def check(rules: Rules, grants: list[VisaGrant], lives_in: str | None, today: dt.date) -> Verdict:
    reasons: list[Reason] = []
    held = [g for g in grants if g.status in rules.statuses and g.valid_from <= today]
    current = [g for g in held if g.valid_to is None or g.valid_to >= today]
    qualifying = [g for g in current if _qualifying(rules, g, today)]
    if not held:
        reasons.append(Reason("no_status", {"statuses": ", ".join(rules.statuses)}))
    elif not current:
        reasons.append(Reason("status_ended", {"status": held[0].status}))
    elif not qualifying:
        grant = current[0]
        if grant.municipality not in rules.counties:
            reasons.append(Reason("county_not_participating", {"status": grant.status}))
        else:
            reasons.append(
                Reason(
                    "granted_outside_dates",
                    {
                        "status": grant.status,
                        "granted_on": grant.valid_from.isoformat(),
                        "start": rules.granted_from.isoformat() if rules.granted_from else "",
                        "end": rules.granted_to.isoformat() if rules.granted_to else "",
                    },
                )
            )
    if qualifying and rules.still_living and lives_in != qualifying[0].municipality:
        reasons.append(Reason("moved_away", {"status": qualifying[0].status}))
    if qualifying and not reasons:
        reasons.append(
            Reason(
                "eligible",
                {"status": qualifying[0].status, "granted_on": qualifying[0].valid_from.isoformat()},
            )
        )
        return Verdict(True, tuple(reasons))
    return Verdict(False, tuple(reasons))
