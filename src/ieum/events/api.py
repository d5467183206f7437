"""JSON API of events (mounted at /api/v1/events/)."""

from ninja import Router

router = Router(tags=["events"])
