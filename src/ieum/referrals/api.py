"""JSON API of referrals (mounted at /api/v1/referrals/)."""

from ninja import Router

router = Router(tags=["referrals"])
