"""Reads for referrals, and the one view of a resident a partner is given."""

from __future__ import annotations

from dataclasses import dataclass

from django.utils import timezone

from ieum.privacy.vocabulary import Item
from ieum.referrals.models import Referral
from ieum.referrals.services import TEXT_ITEMS


@dataclass(frozen=True)
class SharedItem:
    label: str
    value: str


def _value(referral: Referral, item: str) -> str:
    r = referral.resident
    today = timezone.localdate()
    if item == Item.NAME:
        return " / ".join(n for n in (r.name, r.name_native, r.name_hangul) if n)
    if item == Item.CONTACT:
        return r.phone
    if item == Item.BIRTH_DATE:
        return r.birth_date.isoformat() if r.birth_date else ""
    if item == Item.NATIONALITY:
        return r.nationality.name_en if r.nationality is not None else ""
    if item == Item.LANGUAGES:
        return ", ".join(r.languages.values_list("language", flat=True))
    if item == Item.ADDRESS:
        return r.address
    if item == Item.IMMIGRATION:
        visa = r.visas.filter(valid_from__lte=today).select_related("status").order_by("-valid_from").first()
        if visa is None:
            return ""
        until = visa.valid_to.isoformat() if visa.valid_to else ""
        return f"{visa.status.code} {visa.valid_from.isoformat()}–{until}"
    if item == Item.KOREAN_LEVEL:
        return ", ".join(f"{k.kind} {k.level}" for k in r.korean.all())
    return ""


def shared_view(referral: Referral) -> list[SharedItem]:
    """Only the items the consent covers, in the order the vocabulary lists them. Free-text items
    (summary, health, workplace problem) are carried by the referral's message."""
    labels = dict(Item.choices)
    out = []
    for item in Item.values:
        if item in referral.items and item not in TEXT_ITEMS:
            out.append(SharedItem(str(labels[item]), _value(referral, item)))
    return out


def message_shared(referral: Referral) -> bool:
    return bool(TEXT_ITEMS & set(referral.items))
