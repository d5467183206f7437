"""One place that writes the access log; every app's `get_<thing>_for_user` helper calls it."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest

from ieum.core.models import AccessLog, User


def client_ip(request: HttpRequest | None) -> str | None:
    if request is None:
        return None
    # REMOTE_ADDR is set by the ASGI/WSGI server; behind a proxy, the proxy sets it right
    # (README: run uvicorn with --proxy-headers behind the reverse proxy).
    return request.META.get("REMOTE_ADDR") or None


def log_access(
    *,
    user: User | None,
    action: str,
    subject_type: str,
    subject_id: Any = "",
    purpose: str = "",
    request: HttpRequest | None = None,
    channel: str = "web",
    detail: dict | None = None,
) -> AccessLog:
    return AccessLog.objects.create(
        user=user if user is not None and user.is_authenticated else None,
        username=(user.get_username() if user is not None and user.is_authenticated else "anonymous"),
        ip=client_ip(request),
        action=action,
        subject_type=subject_type,
        subject_id=str(subject_id) if subject_id is not None else "",
        purpose=purpose[:300],
        channel=channel,
        detail=detail or {},
    )
