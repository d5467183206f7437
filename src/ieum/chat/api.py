"""JSON API of chat (mounted at /api/v1/chat/)."""

from ninja import Router

router = Router(tags=["chat"])
