"""Quiet hours: no message that is not urgent between 21:00 and 08:00 Korean time. No Django import."""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

KST = ZoneInfo("Asia/Seoul")


def quiet_until(now: dt.datetime, *, start_hour: int = 21, end_hour: int = 8) -> dt.datetime | None:
    """When quiet hours end, if `now` falls inside them; None otherwise."""
    local = now.astimezone(KST)
    hour = local.hour
    # The window usually crosses midnight (21 → 8).
    crosses = start_hour > end_hour
    inside = (hour >= start_hour or hour < end_hour) if crosses else (start_hour <= hour < end_hour)
    if not inside:
        return None
    end = local.replace(hour=end_hour, minute=0, second=0, microsecond=0)
    if end <= local:
        end += dt.timedelta(days=1)
    return end
