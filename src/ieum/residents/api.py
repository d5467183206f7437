"""Resident endpoints. Access goes through residents.access, like the pages."""

from __future__ import annotations

import datetime as dt

from django.db import transaction
from django.utils.translation import gettext as _
from ninja import Field, Router, Schema, Status
from ninja.errors import HttpError

from ieum.core.http import AuthedRequest
from ieum.core.models import Municipality, Nationality
from ieum.core.sensitivity import classes_for
from ieum.residents import access, selectors, services
from ieum.residents.models import Resident
from ieum.residents.timeline import render_event

router = Router(tags=["residents"])


class ResidentOut(Schema):
    id: int
    ref: str
    name: str
    name_native: str
    name_hangul: str
    birth_date: dt.date | None
    sex: str
    nationality: str | None
    preferred_language: str
    phone: str
    municipality: str | None
    arn_masked: str
    passport_masked: str
    # False for a person found at intake whose record the caller may not open: the answer is
    # then an intake card, without the phone number (see access.residents_findable_by).
    in_reach: bool = True

    @staticmethod
    def from_model(r: Resident, *, in_reach: bool = True) -> ResidentOut:
        return ResidentOut(
            id=r.pk,
            ref=str(r.ref),
            name=r.name,
            name_native=r.name_native,
            name_hangul=r.name_hangul,
            birth_date=r.birth_date,
            sex=r.sex,
            nationality=r.nationality.alpha2 if r.nationality else None,
            preferred_language=r.preferred_language,
            phone=r.phone if in_reach else "",
            municipality=r.municipality.code if r.municipality else None,
            arn_masked=r.arn_hint,
            passport_masked=r.passport_hint,
            in_reach=in_reach,
        )


class ResidentIn(Schema):
    # Lengths as the record's columns hold them: a longer value is refused here (422) instead of
    # failing in the database (a 500 on PostgreSQL).
    name: str = Field(max_length=200)
    name_native: str = Field("", max_length=200)
    name_hangul: str = Field("", max_length=200)
    birth_date: dt.date | None = None
    sex: str = Field("", max_length=1)
    nationality: str | None = Field(None, max_length=2)  # ISO 3166-1 alpha-2
    preferred_language: str = Field("ko", max_length=8)
    phone: str = Field("", max_length=30)
    email: str = Field("", max_length=254)
    address: str = Field("", max_length=300)
    municipality: str | None = Field(None, max_length=20)  # municipality code from the region pack
    arn: str = Field("", max_length=20)
    passport: str = Field("", max_length=20)
    passport_country: str = Field("", max_length=2)


class CreatedOut(Schema):
    resident: ResidentOut
    warnings: list[str]


class LookupIn(Schema):
    # Identifiers travel in the body, never in a URL that proxies and logs keep.
    arn: str = ""
    passport: str = ""
    purpose: str = ""


class RevealIn(Schema):
    kind: str
    purpose: str


class RevealOut(Schema):
    kind: str
    value: str


class TimelineOut(Schema):
    at: dt.datetime
    service: str
    kind: str
    text: str


def _channel(request: AuthedRequest) -> str:
    return getattr(request, "api_channel", "web")


def _data_from(payload: ResidentIn) -> services.ResidentData:
    nationality = None
    if payload.nationality:
        nationality = Nationality.objects.filter(alpha2=payload.nationality.upper()).first()
        if nationality is None:
            raise HttpError(422, _("This nationality is not in the region's reference data."))
    municipality = None
    if payload.municipality:
        municipality = Municipality.objects.filter(code=payload.municipality).first()
        if municipality is None:
            raise HttpError(422, _("This city or county is not in the region's reference data."))
    fields = payload.dict(exclude={"nationality", "municipality"})
    return services.ResidentData(nationality=nationality, municipality=municipality, **fields)


@router.get("/", response=list[ResidentOut])
def search(request: AuthedRequest, q: str = ""):
    result = access.search_residents_for_user(request.user, q, request=request, channel=_channel(request))
    return [ResidentOut.from_model(r, in_reach=result.opens(r.pk)) for r in result.residents]


@router.post("/", response={201: CreatedOut})
def create(request: AuthedRequest, payload: ResidentIn):
    access.require_resident_search(request.user)
    data = _data_from(payload)
    with transaction.atomic():
        resident = services.resident_create(data=data, actor=request.user)
    created = CreatedOut(resident=ResidentOut.from_model(resident), warnings=[str(w) for w in data.warnings])
    return Status(201, created)


@router.post("/lookup", response=list[ResidentOut])
def lookup(request: AuthedRequest, payload: LookupIn):
    result = access.search_residents_for_user(
        request.user,
        payload.arn or payload.passport,
        request=request,
        channel=_channel(request),
        purpose=payload.purpose,
        kinds=frozenset({"arn", "passport"}),
    )
    return [ResidentOut.from_model(r, in_reach=result.opens(r.pk)) for r in result.residents]


@router.get("/{resident_id}", response=ResidentOut)
def detail(request: AuthedRequest, resident_id: int, purpose: str = ""):
    resident = access.get_resident_for_user(
        request.user, resident_id, purpose=purpose, request=request, channel=_channel(request)
    )
    return ResidentOut.from_model(resident)


@router.get("/{resident_id}/timeline", response=list[TimelineOut])
def timeline(request: AuthedRequest, resident_id: int):
    resident = access.get_resident_for_user(
        request.user, resident_id, request=request, channel=_channel(request)
    )
    events = selectors.resident_timeline(resident, classes=classes_for(request.user))
    return [
        TimelineOut(at=e.at, service=e.service, kind=e.kind, text=render_event(e.kind, e.params))
        for e in events
    ]


@router.post("/{resident_id}/reveal", response=RevealOut)
def reveal(request: AuthedRequest, resident_id: int, payload: RevealIn):
    resident = access.get_resident_for_user(
        request.user, resident_id, purpose=payload.purpose, request=request, channel=_channel(request)
    )
    if payload.kind not in ("arn", "passport"):
        raise HttpError(422, _("Choose the alien registration number or the passport number."))
    value = access.reveal_identifier(
        request.user,
        resident,
        kind=payload.kind,
        purpose=payload.purpose,
        request=request,
        channel=_channel(request),
    )
    return RevealOut(kind=payload.kind, value=value)
