"""One place that writes the access log; every app's `get_<thing>_for_user` helper calls it."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from django.conf import settings
from django.db import transaction
from django.http import HttpRequest
from django.utils import timezone

from ieum.core.models import AccessLog, AccessLogHead

GENESIS = "0" * 64


def client_ip(request: HttpRequest | None) -> str | None:
    if request is None:
        return None
    # REMOTE_ADDR is set by the ASGI/WSGI server; behind a proxy, the server sets it from the
    # proxy's header (README: uvicorn --proxy-headers with the proxy's address allowed).
    return request.META.get("REMOTE_ADDR") or None


def _locked_head() -> AccessLogHead:
    head = AccessLogHead.objects.select_for_update().filter(pk=1).first()
    if head is None:
        AccessLogHead.objects.get_or_create(pk=1)
        head = AccessLogHead.objects.select_for_update().get(pk=1)
    return head


@transaction.atomic
def log_access(
    *,
    user: Any,
    action: str,
    subject_type: str,
    subject_id: Any = "",
    purpose: str = "",
    request: HttpRequest | None = None,
    channel: str = "web",
    detail: dict | None = None,
) -> AccessLog:
    authenticated = user is not None and user.is_authenticated
    head = _locked_head()
    row = AccessLog(
        at=timezone.now(),
        user=user if authenticated else None,
        username=user.get_username() if authenticated else "anonymous",
        ip=client_ip(request),
        action=action,
        subject_type=subject_type,
        subject_id=str(subject_id) if subject_id is not None else "",
        purpose=(purpose or "")[:300],
        channel=channel,
        detail=detail or {},
        prev_hash=head.last_hash,
    )
    row.row_hash = row.compute_hash()
    row.save()
    head.last_hash = row.row_hash
    head.save(update_fields=["last_hash"])
    return row


@dataclass(frozen=True)
class ChainProblem:
    row_id: int
    problem: str  # "altered" (row changed) or "broken" (a row before it was removed or inserted)


def access_log_verify() -> list[ChainProblem]:
    """Walk the chain from the prune anchor; every row must hash to its stored hash and point at
    the row before it."""
    head = AccessLogHead.objects.filter(pk=1).first()
    expected_prev = head.anchor_hash if head else GENESIS
    problems: list[ChainProblem] = []
    for row in AccessLog.objects.order_by("id").iterator(chunk_size=2000):
        if row.prev_hash != expected_prev:
            problems.append(ChainProblem(row.pk, "broken"))
        if row.compute_hash() != row.row_hash:
            problems.append(ChainProblem(row.pk, "altered"))
        expected_prev = row.row_hash
    if head and problems == [] and expected_prev != head.last_hash and AccessLog.objects.exists():
        problems.append(ChainProblem(0, "broken"))  # the newest rows were removed
    return problems


class RetentionError(ValueError):
    pass


def retention_floor(today: dt.date | None = None) -> dt.date:
    today = today or timezone.localdate()
    return today - dt.timedelta(days=settings.IEUM_ACCESS_LOG_RETENTION_DAYS)


@transaction.atomic
def access_log_prune(*, before: dt.date) -> int:
    """Delete rows older than `before`, which must itself be past the retention period."""
    if before > retention_floor():
        raise RetentionError(
            f"access-log rows must be kept {settings.IEUM_ACCESS_LOG_RETENTION_DAYS} days; "
            f"the earliest allowed cut-off is {retention_floor().isoformat()}"
        )
    head = _locked_head()
    cutoff = timezone.make_aware(dt.datetime.combine(before, dt.time.min))
    doomed = AccessLog.objects.filter(at__lt=cutoff).order_by("-id")
    last = doomed.first()
    if last is None:
        return 0
    # Keep the chain verifiable: the pruned prefix is replaced by its last hash.
    count = AccessLog.objects.filter(id__lte=last.pk)._prune()
    head.anchor_hash = last.row_hash
    head.pruned_through_id = last.pk
    head.save(update_fields=["anchor_hash", "pruned_through_id"])
    return count
