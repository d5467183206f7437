"""JSON API of interpreting (mounted at /api/v1/interpreting/)."""

from ninja import Router

router = Router(tags=["interpreting"])
