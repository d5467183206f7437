"""JSON API of surveys (mounted at /api/v1/surveys/)."""

from ninja import Router

router = Router(tags=["surveys"])
