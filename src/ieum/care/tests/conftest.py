from __future__ import annotations

import datetime as dt

import pytest
from django.utils import timezone

from ieum.care.models import Slot
from ieum.care.services import partner_care_set
from ieum.core.models import Role, User
from ieum.notify import sms
from ieum.referrals.models import Partner, PartnerMember
from ieum.residents.services import ResidentData, resident_create


@pytest.fixture(autouse=True)
def outbox():
    sms.outbox.clear()
    yield sms.outbox
    sms.outbox.clear()


def make_partner(code: str, kind: str = "safe_hospital", name: str = "하나로의원") -> Partner:
    partner = Partner.objects.create(
        code=code, kind=kind, name_ko=name, name_en="Hanaro Clinic", languages=["ko"]
    )
    partner_care_set(
        partner=partner,
        kind="clinic" if kind != "legal" else "legal",
        discount_percent=30,
        uninsured_support=True,
    )
    return partner


def make_slot(
    partner: Partner, *, days: int = 3, hour: int = 14, kind: str = "clinic", group: bool = False
) -> Slot:
    start = timezone.localtime().replace(hour=hour, minute=0, second=0, microsecond=0) + dt.timedelta(
        days=days
    )
    return Slot.objects.create(
        partner=partner, kind=kind, starts_at=start, ends_at=start + dt.timedelta(minutes=30), group=group
    )


def make_resident(name: str, language: str, phone: str, **extra):
    return resident_create(
        data=ResidentData(name=name, preferred_language=language, phone=phone, **extra), actor=None
    )


def partner_user(partner: Partner, username: str) -> User:
    user = User.objects.create_user(username=username, password="x" * 12, role=Role.PARTNER)
    PartnerMember.objects.create(partner=partner, user=user)
    return user


@pytest.fixture
def clinic(db) -> Partner:
    return make_partner("hanaro")


@pytest.fixture
def slot(clinic) -> Slot:
    return make_slot(clinic)


@pytest.fixture
def nepali(db):
    return make_resident(
        "SITA GURUNG", "ne", "010-2222-3333", name_native="सीता गुरुङ", name_hangul="시타 구룽"
    )
