"""JSON API of visas (mounted at /api/v1/visas/)."""

from ninja import Router

router = Router(tags=["visas"])
