"""JSON API of knowledge (mounted at /api/v1/knowledge/)."""

from ninja import Router

router = Router(tags=["knowledge"])
