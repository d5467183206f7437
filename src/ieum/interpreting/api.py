"""JSON API of interpreting (mounted at /api/v1/interpreting/): an interpreter's offers on the
phone. Access goes through interpreting.access, like the pages; an interpreter gets the brief only."""

from __future__ import annotations

import datetime as dt

from ninja import Router, Schema

from ieum.core.http import AuthedRequest
from ieum.interpreting import access, selectors, services
from ieum.interpreting.models import InterpreterOffer

router = Router(tags=["interpreting"])


class BriefOut(Schema):
    id: int
    language: str
    modality: str
    mode: str
    urgent: bool
    topic: str
    caller_label: str
    scheduled_for: dt.datetime | None
    expected_minutes: int
    status: str


class OfferOut(Schema):
    id: int
    expires_at: dt.datetime
    request: BriefOut

    @staticmethod
    def of(offer: InterpreterOffer) -> OfferOut:
        return OfferOut(
            id=offer.pk,
            expires_at=offer.expires_at,
            request=BriefOut(**selectors.brief(offer.request).__dict__),
        )


@router.get("/offers", response=list[OfferOut])
def offers(request: AuthedRequest):
    """The offers waiting for the signed-in interpreter's answer."""
    interpreter = access.get_own_interpreter(request.user)
    services.offers_expire()
    return [OfferOut.of(o) for o in selectors.pending_offers_for(interpreter)]


@router.post("/offers/{offer_id}/accept", response=BriefOut)
def accept(request: AuthedRequest, offer_id: int):
    offer = access.get_offer_for_user(request.user, offer_id)
    item = services.interpreter_offer_accept(offer=offer, actor=request.user)
    return BriefOut(**selectors.brief(item).__dict__)


@router.post("/offers/{offer_id}/decline", response=BriefOut)
def decline(request: AuthedRequest, offer_id: int):
    offer = access.get_offer_for_user(request.user, offer_id)
    item = services.interpreter_offer_decline(offer=offer, actor=request.user)
    return BriefOut(**selectors.brief(item).__dict__)
