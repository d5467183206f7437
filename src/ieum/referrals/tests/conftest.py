from __future__ import annotations

import pytest

from ieum.core.models import Role, User
from ieum.privacy.services import consent_record
from ieum.referrals.models import Partner
from ieum.referrals.services import partner_member_add
from ieum.residents.services import ResidentData, resident_create


def make_partner(code: str, name: str, kind: str = Partner.Kind.SAFE_HOSPITAL) -> Partner:
    return Partner.objects.create(code=code, kind=kind, name_ko=name, name_en=code)


def make_partner_user(username: str, partner: Partner) -> User:
    user = User.objects.create_user(username=username, password="x" * 12, role=Role.PARTNER)
    partner_member_add(partner=partner, user=user, actor=None)
    return user


def give_consent(resident, partner, witness, *, purpose="medical", items=("name", "contact", "case_summary")):
    return consent_record(
        resident=resident,
        kind="provision",
        channel="phone",
        witness=witness,
        actor=witness,
        recipient_kind="partner",
        recipient_id=partner.recipient_id,
        recipient_name=partner.name_ko,
        purpose=purpose,
        items=list(items),
        retention="1 year",
    )


@pytest.fixture
def resident(db):
    return resident_create(
        data=ResidentData(
            name="NGUYEN THI LAN",
            preferred_language="vi",
            phone="+821012345678",
            address="전라남도 영암군 삼호읍 1",
        ),
        actor=None,
    )


@pytest.fixture
def hospital(db):
    return make_partner("naju-safe", "나주 안심병원")


@pytest.fixture
def other_partner(db):
    return make_partner("mokpo-law", "목포 노무법인", Partner.Kind.LABOR_ATTORNEY)


@pytest.fixture
def hospital_user(hospital):
    return make_partner_user("hospital-desk", hospital)


@pytest.fixture
def other_partner_user(other_partner):
    return make_partner_user("lawyer-desk", other_partner)
