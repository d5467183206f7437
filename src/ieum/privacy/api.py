"""Privacy endpoints: consents (staff), a person's own data and requests (resident),
de-identified tables (analyst)."""

from __future__ import annotations

import datetime as dt

from ninja import Field, Router, Schema, Status

from ieum.core.access import log_access
from ieum.core.http import AuthedRequest
from ieum.privacy import access, selectors, services
from ieum.privacy.models import Consent
from ieum.residents import access as resident_access

router = Router(tags=["privacy"])


class ConsentIn(Schema):
    # Lengths as the consent's columns hold them: a longer value is refused here (422) instead of
    # failing in the database (a 500 on PostgreSQL).
    kind: str = Field(max_length=20)
    channel: str = Field(max_length=20)
    language: str | None = Field(None, max_length=8)
    recipient_kind: str = Field("", max_length=10)
    recipient_id: str = Field("", max_length=40)
    recipient_name: str = Field("", max_length=200)
    purpose: str = Field("", max_length=30)
    items: list[str] = []
    retention: str = Field("", max_length=200)


class ConsentOut(Schema):
    id: int
    kind: str
    channel: str
    language: str
    recipient_name: str
    purpose: str
    items: list[str]
    retention: str
    text_version: str
    text: str
    given_at: dt.datetime
    withdrawn_at: dt.datetime | None


class CellOut(Schema):
    cell: list[str]
    count: int | None
    suppressed: bool


class RequestIn(Schema):
    kind: str
    detail: str


class RequestOut(Schema):
    id: int
    kind: str
    status: str


def _consent_out(c: Consent) -> ConsentOut:
    return ConsentOut(
        id=c.pk,
        kind=c.kind,
        channel=c.channel,
        language=c.language,
        recipient_name=c.recipient_name,
        purpose=c.purpose,
        items=c.items,
        retention=c.retention,
        text_version=c.text_version,
        text=c.text,
        given_at=c.given_at,
        withdrawn_at=c.withdrawn_at,
    )


@router.get("/residents/{resident_id}/consents", response=list[ConsentOut])
def consents_list(request: AuthedRequest, resident_id: int):
    resident = resident_access.get_resident_for_user(
        request.user, resident_id, request=request, purpose="consents"
    )
    return [_consent_out(c) for c in resident.consents.all()]


@router.post("/residents/{resident_id}/consents", response={201: ConsentOut})
def consent_create(request: AuthedRequest, resident_id: int, payload: ConsentIn):
    resident = resident_access.get_resident_for_user(
        request.user, resident_id, request=request, action="update", purpose="consent"
    )
    consent = services.consent_record(
        resident=resident,
        actor=request.user,
        witness=request.user if payload.channel == Consent.Channel.PHONE else None,
        **payload.dict(),
    )
    return Status(201, _consent_out(consent))


@router.post("/residents/{resident_id}/consents/{consent_id}/withdraw", response=ConsentOut)
def consent_withdraw(request: AuthedRequest, resident_id: int, consent_id: int):
    resident = resident_access.get_resident_for_user(
        request.user, resident_id, request=request, action="update", purpose="consent"
    )
    consent = resident.consents.filter(pk=consent_id).first()
    if consent is None:
        from django.http import Http404

        raise Http404
    return _consent_out(services.consent_withdraw(consent=consent, actor=request.user))


@router.get("/me/data")
def my_data(request: AuthedRequest):
    resident = access.get_own_resident_for_user(request.user)
    return selectors.my_data(resident)


@router.post("/me/requests", response={201: RequestOut})
def rights_request(request: AuthedRequest, payload: RequestIn):
    resident = access.get_own_resident_for_user(request.user)
    item = services.rights_request_create(
        resident=resident, kind=payload.kind, detail=payload.detail, actor=request.user
    )
    return Status(201, RequestOut(id=item.pk, kind=item.kind, status=item.status))


@router.get("/insights/residents-by-county", response=list[CellOut])
def residents_by_county(request: AuthedRequest):
    access.require_deidentified_reader(request.user)
    log_access(
        user=request.user,
        action="export",
        subject_type="deidentified",
        subject_id="residents-by-county",
        request=request,
        channel=getattr(request, "api_channel", "web"),
    )
    return selectors.residents_by_county_table()
