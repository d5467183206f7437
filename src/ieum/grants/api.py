"""JSON API of grants (mounted at /api/v1/grants/)."""

from ninja import Router

router = Router(tags=["grants"])
