"""JSON API of insights (mounted at /api/v1/insights/)."""

from ninja import Router

router = Router(tags=["insights"])
