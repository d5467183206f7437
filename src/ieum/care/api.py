"""JSON API of care (mounted at /api/v1/care/)."""

from ninja import Router

router = Router(tags=["care"])
