"""Reads for the resident portal: only ever the signed-in person's own rows, and the help data."""

from __future__ import annotations

import datetime as dt
import tomllib
from dataclasses import dataclass
from functools import lru_cache

from django.conf import settings
from django.db.models import QuerySet
from django.http import Http404
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from ieum.core.models import Municipality, Role, User
from ieum.core.regions import PACKS_DIR
from ieum.privacy.models import Consent, RightsRequest
from ieum.residents.models import Document, Resident

DAY_NAMES = {
    "mon": _("Monday"),
    "tue": _("Tuesday"),
    "wed": _("Wednesday"),
    "thu": _("Thursday"),
    "fri": _("Friday"),
    "sat": _("Saturday"),
    "sun": _("Sunday"),
}
LINE_NAMES = {
    "immigration": _("Immigration Contact Center (Ministry of Justice): visas, stay and work permits"),
    "danuri": _("Danuri Call Center for multicultural families: every day, 24 hours"),
}


@dataclass(frozen=True)
class Hours:
    days: tuple[str, ...]
    opens: str
    closes: str

    @property
    def day_names(self) -> list[str]:
        return [str(DAY_NAMES[d]) for d in self.days]


@dataclass(frozen=True)
class Line:
    kind: str
    phone: str

    @property
    def name(self) -> str:
        return str(LINE_NAMES.get(self.kind, self.kind))


@dataclass(frozen=True)
class HelpInfo:
    phone: str
    hours: tuple[Hours, ...]
    lines: tuple[Line, ...]


@lru_cache(maxsize=4)
def help_info(region: str | None = None) -> HelpInfo:
    """The center's phone, hours and the national lines from the region pack's help.toml."""
    path = PACKS_DIR / (region or settings.IEUM_REGION) / "help.toml"
    data = tomllib.loads(path.read_text(encoding="utf-8"))
    hours = tuple(
        Hours(days=tuple(h["days"]), opens=_hhmm(h["opens"]), closes=_hhmm(h["closes"]))
        for h in data["hours"]
    )
    lines = tuple(Line(kind=line["kind"], phone=line["phone"]) for line in data["line"])
    return HelpInfo(phone=data["center"]["phone"], hours=hours, lines=lines)


def _hhmm(value: str) -> str:
    return dt.time.fromisoformat(value).strftime("%H:%M")


def account_for(*, channel: str, address: str) -> User | None:
    """The resident account whose record has this phone number or e-mail address."""
    residents = Resident.objects.active().filter(
        user__isnull=False, user__is_active=True, user__role=Role.RESIDENT
    )
    if channel == "sms":
        resident = residents.filter(phone=address).select_related("user").first()
    else:
        resident = residents.filter(email__iexact=address).select_related("user").first()
    return resident.user if resident else None


def own_consents(resident: Resident) -> QuerySet[Consent]:
    return Consent.objects.filter(resident=resident).order_by("-given_at")


def own_consent(resident: Resident, consent_id: int) -> Consent:
    consent = Consent.objects.filter(resident=resident, pk=consent_id).first()
    if consent is None:
        raise Http404
    return consent


def own_documents(resident: Resident) -> QuerySet[Document]:
    return Document.objects.filter(resident=resident).order_by("-uploaded_at")


def own_document(resident: Resident, document_id: int) -> Document:
    document = Document.objects.filter(resident=resident, pk=document_id).first()
    if document is None:
        raise Http404
    return document


def own_requests(resident: Resident) -> QuerySet[RightsRequest]:
    return RightsRequest.objects.filter(resident=resident).order_by("-created_at")


def municipalities() -> QuerySet[Municipality]:
    return Municipality.objects.valid_on(timezone.localdate()).order_by("code")
