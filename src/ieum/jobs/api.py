"""JSON API of jobs (mounted at /api/v1/jobs/)."""

from ninja import Router

router = Router(tags=["jobs"])
