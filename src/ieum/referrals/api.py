"""JSON API of referrals (mounted at /api/v1/referrals/): a partner's inbox for partner systems.
Access goes through referrals.access, like the pages; only the consented items are given."""

from __future__ import annotations

import datetime as dt

from ninja import Router, Schema

from ieum.core.http import AuthedRequest
from ieum.referrals import access, selectors
from ieum.referrals.models import Referral

router = Router(tags=["referrals"])


class InboxItemOut(Schema):
    id: int
    partner: str
    purpose: str
    status: str
    created_at: dt.datetime
    appointment_at: dt.datetime | None


class SharedItemOut(Schema):
    label: str
    value: str


class InboxDetailOut(InboxItemOut):
    items: list[SharedItemOut]
    message: str


def _item(r: Referral) -> dict:
    return {
        "id": r.pk,
        "partner": r.partner.name_ko,
        "purpose": r.purpose,
        "status": r.status,
        "created_at": r.created_at,
        "appointment_at": r.appointment_at,
    }


@router.get("/inbox", response=list[InboxItemOut])
def inbox(request: AuthedRequest):
    access.require_partner(request.user)
    return [InboxItemOut(**_item(r)) for r in access.inbox_for(request.user).order_by("-created_at")[:200]]


@router.get("/inbox/{referral_id}", response=InboxDetailOut)
def inbox_detail(request: AuthedRequest, referral_id: int):
    referral = access.get_referral_for_partner(request.user, referral_id, request=request)
    return InboxDetailOut(
        **_item(referral),
        items=[SharedItemOut(label=s.label, value=s.value) for s in selectors.shared_view(referral)],
        message=referral.message if selectors.message_shared(referral) else "",
    )
