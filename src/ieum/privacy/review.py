"""The privacy officer's monthly review of the access log, with unusual patterns flagged
(facts.md §5: review at least monthly; check the reason for downloads)."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass, field
from zoneinfo import ZoneInfo

from django.conf import settings
from django.db.models import Count
from django.db.models.functions import TruncDate

from ieum.core.models import AccessLog

BULK_SUBJECTS_PER_DAY = 50
NIGHT_HOURS = set(range(22, 24)) | set(range(0, 6))
EXPORT_ACTIONS = ("export", "download", "print", "reveal", "share")


@dataclass
class UserReview:
    username: str
    reads: int = 0
    subjects: int = 0
    night: int = 0
    exports: int = 0
    busiest_day_subjects: int = 0
    flags: list[str] = field(default_factory=list)


def month_bounds(month: dt.date) -> tuple[dt.datetime, dt.datetime]:
    tz = ZoneInfo(settings.TIME_ZONE)
    start = dt.datetime(month.year, month.month, 1, tzinfo=tz)
    end = dt.datetime(month.year + (month.month == 12), month.month % 12 + 1, 1, tzinfo=tz)
    return start, end


def access_review(month: dt.date) -> list[UserReview]:
    start, end = month_bounds(month)
    tz = ZoneInfo(settings.TIME_ZONE)
    rows = AccessLog.objects.filter(at__gte=start, at__lt=end).exclude(user__isnull=True)
    reviews: dict[str, UserReview] = {}
    subjects: dict[str, set[str]] = defaultdict(set)
    for username, action, subject_type, subject_id, at in rows.values_list(
        "username", "action", "subject_type", "subject_id", "at"
    ).iterator(chunk_size=5000):
        review = reviews.setdefault(username, UserReview(username))
        review.reads += 1
        if subject_id:
            subjects[username].add(f"{subject_type}:{subject_id}")
        if at.astimezone(tz).hour in NIGHT_HOURS:
            review.night += 1
        if action in EXPORT_ACTIONS:
            review.exports += 1
    daily = (
        rows.exclude(subject_id="")
        .annotate(day=TruncDate("at", tzinfo=tz))
        .values("username", "day")
        .annotate(n=Count("subject_id", distinct=True))
    )
    for row in daily:
        review = reviews[row["username"]]
        review.busiest_day_subjects = max(review.busiest_day_subjects, row["n"])
    for username, review in reviews.items():
        review.subjects = len(subjects[username])
        if review.busiest_day_subjects > BULK_SUBJECTS_PER_DAY:
            review.flags.append("bulk")
        if review.night:
            review.flags.append("night")
        if review.exports:
            review.flags.append("exports")
    return sorted(reviews.values(), key=lambda r: (-len(r.flags), r.username))
