"""Business-time arithmetic for SLAs: a pure module (no Django), fed by `service.toml`.

The center's clock runs only in opening hours (weekdays 09-18, Mon/Wed to 20, Saturday 09-18)
and stops on Korean public holidays (issue 5 item 7). A due time is "start + N business
seconds"; a pause (waiting on the resident, a partner or an interpreter) moves the due time on
by the business time the case spent waiting.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Container
from dataclasses import dataclass
from zoneinfo import ZoneInfo

DAYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
# A due time further than this is a configuration error (a calendar with no opening hours).
MAX_DAYS = 3660


@dataclass(frozen=True)
class BusinessCalendar:
    tz: ZoneInfo
    # weekday (0 = Monday) -> opening periods as (start, end) local times, sorted, not overlapping
    hours: dict[int, tuple[tuple[dt.time, dt.time], ...]]
    closed: Container[dt.date]

    def periods_on(self, day: dt.date) -> list[tuple[dt.datetime, dt.datetime]]:
        if day in self.closed:
            return []
        return [
            (dt.datetime.combine(day, start, self.tz), dt.datetime.combine(day, end, self.tz))
            for start, end in self.hours.get(day.weekday(), ())
        ]

    def is_open(self, at: dt.datetime) -> bool:
        local = at.astimezone(self.tz)
        return any(start <= local < end for start, end in self.periods_on(local.date()))

    def add(self, start: dt.datetime, seconds: float) -> dt.datetime:
        """The moment `seconds` of opening time after `start`."""
        remaining = dt.timedelta(seconds=max(0.0, seconds))
        local = start.astimezone(self.tz)
        day = local.date()
        for _ in range(MAX_DAYS):
            for period_start, period_end in self.periods_on(day):
                begin = max(local, period_start)
                if begin >= period_end:
                    continue
                available = period_end - begin
                if remaining <= available:
                    return (begin + remaining).astimezone(start.tzinfo or self.tz)
                remaining -= available
            day += dt.timedelta(days=1)
        raise ValueError("the business calendar has no opening hours within ten years")

    def seconds_between(self, earlier: dt.datetime, later: dt.datetime) -> float:
        """Opening time between two moments (0 if `later` is not after `earlier`)."""
        if later <= earlier:
            return 0.0
        a = earlier.astimezone(self.tz)
        b = later.astimezone(self.tz)
        total = dt.timedelta()
        day = a.date()
        while day <= b.date():
            for period_start, period_end in self.periods_on(day):
                begin = max(a, period_start)
                end = min(b, period_end)
                if end > begin:
                    total += end - begin
            day += dt.timedelta(days=1)
        return total.total_seconds()

    def resume(self, due: dt.datetime, paused_at: dt.datetime, resumed_at: dt.datetime) -> dt.datetime:
        """The due time after a pause from `paused_at` to `resumed_at`: the business time that
        was left at the pause, counted again from the resumption. A due time already passed when
        the pause began stays where it is (the breach happened)."""
        if due <= paused_at:
            return due
        return self.add(resumed_at, self.seconds_between(paused_at, due))


def _time(text: str) -> dt.time:
    hours, minutes = text.split(":")
    return dt.time(int(hours), int(minutes))


def calendar_from_config(config: dict, holidays: Container[dt.date]) -> BusinessCalendar:
    """Build the calendar from the `[calendar]` table of service.toml; contiguous periods
    (18:00 end, 18:00 start) are merged."""
    hours: dict[int, tuple[tuple[dt.time, dt.time], ...]] = {}
    for weekday, name in enumerate(DAYS):
        periods = sorted((_time(a), _time(b)) for a, b in config.get("hours", {}).get(name, []))
        merged: list[tuple[dt.time, dt.time]] = []
        for start, end in periods:
            if end <= start:
                raise ValueError(f"opening period {start}-{end} on {name} ends before it starts")
            if merged and start <= merged[-1][1]:
                merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
            else:
                merged.append((start, end))
        hours[weekday] = tuple(merged)
    extra = {dt.date.fromisoformat(str(d)) for d in config.get("closed", [])}
    return BusinessCalendar(
        tz=ZoneInfo(config.get("timezone", "Asia/Seoul")), hours=hours, closed=_Closed(holidays, extra)
    )


@dataclass(frozen=True)
class _Closed:
    holidays: Container[dt.date]
    extra: frozenset[dt.date] | set[dt.date]

    def __contains__(self, day: object) -> bool:
        return day in self.extra or day in self.holidays
