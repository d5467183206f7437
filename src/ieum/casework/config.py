"""service.toml, read once: the business calendar, SLA targets and routing defaults."""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import holidays as holidays_package

from ieum.casework.sla_clock import BusinessCalendar, calendar_from_config

PATH = Path(__file__).parent / "data" / "service.toml"


@cache
def service_config() -> dict:
    with PATH.open("rb") as handle:
        return tomllib.load(handle)


@cache
def business_calendar() -> BusinessCalendar:
    config = service_config()["calendar"]
    # Years are filled in as they are asked for, so the calendar keeps working past 2026.
    closed_days = holidays_package.country_holidays(config.get("holidays", "KR"))
    return calendar_from_config(config, closed_days)


@dataclass(frozen=True)
class Targets:
    first_response_seconds: int
    resolution_seconds: int
    warn_at: float


def sla_targets(urgency: str) -> Targets:
    sla = service_config()["sla"]
    target = sla["targets"].get(urgency) or sla["targets"]["normal"]
    return Targets(
        first_response_seconds=int(target["first_response_minutes"]) * 60,
        resolution_seconds=int(target["resolution_minutes"]) * 60,
        warn_at=float(sla.get("warn_at", 0.8)),
    )


def default_capacity(channel: str) -> int:
    return int(service_config()["routing"]["capacity"].get(channel, 1))
