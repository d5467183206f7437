"""Reads of the resident record."""

from __future__ import annotations

from dataclasses import dataclass

from django.db.models import Q, QuerySet

from ieum.lib.identifiers import looks_like_arn, looks_like_passport
from ieum.lib.names import query_tokens
from ieum.lib.phones import normalize_phone
from ieum.residents import identity
from ieum.residents.models import NameToken, Resident, TimelineEvent

SEARCH_LIMIT = 50
# The highest code point, so that [token, token + HIGH) is every string starting with token:
# a plain range scan on the (token, resident) index on both SQLite and PostgreSQL.
HIGH = "\U0010ffff"


@dataclass(frozen=True)
class SearchResult:
    kind: str  # "arn", "passport", "phone", "name", "empty"
    residents: list[Resident]
    # Ids among `residents` whose whole record the searching user may open (the others are found
    # for intake only); None when the search was not made for a user.
    reachable: frozenset[int] | None = None

    def opens(self, resident_id: int) -> bool:
        return self.reachable is None or resident_id in self.reachable


def _by_name(query: str, base: QuerySet[Resident]) -> QuerySet[Resident]:
    tokens = query_tokens(query)
    qs = base
    for token in tokens[:5]:
        token = token[:64]
        qs = qs.filter(
            pk__in=NameToken.objects.filter(token__gte=token, token__lt=token + HIGH).values("resident_id")
        )
    return qs


def search_residents(
    query: str, *, limit: int = SEARCH_LIMIT, within: QuerySet[Resident] | None = None
) -> SearchResult:
    """Find residents by ARN, passport number, phone, or any name form in any script, among
    `within` (the residents the searching user may reach; all active ones by default)."""
    base = within if within is not None else Resident.objects.active()
    query = (query or "").strip()
    if not query:
        return SearchResult("empty", [])
    related = ("nationality", "municipality")
    if looks_like_arn(query):
        index = identity.arn_index_for_query(query)
        qs = base.filter(arn_index=index) if index else base.none()
        return SearchResult("arn", list(qs.select_related(*related)[:limit]))
    digits = "".join(c for c in query if c.isdigit())
    if (query.startswith("+") or query[:1].isdigit()) and len(digits) >= 8:
        phone = normalize_phone(query)
        qs = base.filter(phone=phone) if phone else base.none()
        return SearchResult("phone", list(qs.select_related(*related)[:limit]))
    if looks_like_passport(query):
        index = identity.passport_index_for_query(query)
        matches = list(
            Resident.objects.active().filter(passport_index=index).select_related(*related)[:limit]
        )
        if matches:
            return SearchResult("passport", matches)
    if len(query) < 2 and query.isascii():
        return SearchResult("empty", [])
    return SearchResult("name", list(_by_name(query, base).select_related(*related).order_by("pk")[:limit]))


def resident_timeline(
    resident: Resident, *, classes: frozenset[str], limit: int = 200
) -> list[TimelineEvent]:
    """The newest events, leaving out those of a sensitive class the reader may not see."""
    qs = resident.timeline.select_related("actor").filter(Q(field_class="") | Q(field_class__in=classes))
    return list(qs[:limit])


def current_visa(resident: Resident):
    return resident.visas.select_related("status").filter(valid_to__isnull=True).first() or (
        resident.visas.select_related("status").first()
    )


@dataclass(frozen=True)
class ResidentProfile:
    visas: list
    household: list
    languages: list
    korean: list
    education: list
    incomes: list
    messengers: list


def resident_profile(resident: Resident) -> ResidentProfile:
    """The parts of the record shown on the resident page, each in one query."""
    return ResidentProfile(
        visas=list(resident.visas.select_related("status", "municipality")),
        household=list(resident.household.select_related("relative")),
        languages=list(resident.languages.all()),
        korean=list(resident.korean.all()),
        education=list(resident.education.all()),
        incomes=list(resident.incomes.all()),
        messengers=list(resident.messengers.all()),
    )
