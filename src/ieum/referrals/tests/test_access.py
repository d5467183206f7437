"""Every referral page against every role: counselors and administrators refer and follow up; a
partner reaches only referrals sent to their own organisation; a partner of another organisation,
an employer, an interpreter, an analyst, an officer and residents are kept out."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from django.utils import timezone

from ieum.core.models import Role, User
from ieum.core.testing import open_case_for, role_users, wrongly_treated
from ieum.referrals.services import partner_member_add, referral_create
from ieum.referrals.tests.conftest import give_consent, make_partner_user

pytestmark = pytest.mark.django_db

COVERED_PATTERNS = {
    "referrals/new/<int:resident_id>/",
    "referrals/sent/",
    "referrals/<int:referral_id>/",
    "referrals/<int:referral_id>/close/",
    "referrals/inbox/",
    "referrals/inbox/<int:referral_id>/",
    "referrals/inbox/<int:referral_id>/accept/",
    "referrals/inbox/<int:referral_id>/decline/",
    "referrals/inbox/<int:referral_id>/appointment/",
    "referrals/inbox/<int:referral_id>/outcome/",
    "api/v1/referrals/inbox",
    "api/v1/referrals/inbox/<referral_id>",
}

# The counselor has a case of the resident; the other counselor has none (privacy issue §1), so
# works their own lists but cannot refer this person or open referrals about her.
DESK = {"counselor", "admin"}
LISTS = DESK | {"counselor_other"}
PARTNERS = {"partner", "partner_other"}


@pytest.fixture
def world(resident, hospital, other_partner):
    users = role_users()
    partner_member_add(partner=hospital, user=users["partner"], actor=None)
    users["partner_other"] = make_partner_user("partner_other", other_partner)
    give_consent(resident, hospital, users["counselor"])
    open_case_for(users["counselor"], resident)
    users["counselor_other"] = User.objects.create_user(
        "counselor-other", password="x" * 12, role=Role.COUNSELOR
    )

    def refer():
        return referral_create(
            resident=resident, partner=hospital, purpose="medical", items=["name"], actor=users["counselor"]
        ).pk

    ids = {name: refer() for name in ("main", "accept", "decline", "appointment", "outcome", "close")}
    ids["resident"] = resident.pk
    return users, ids


def _get(url: str):
    return lambda client: client.get(url)


def _post(url: str, data: dict | None = None):
    return lambda client: client.post(url, data or {})


def rules(ids: dict) -> list[tuple[str, Any, set[str]]]:
    soon = timezone.localtime(timezone.now() + dt.timedelta(days=2)).strftime("%Y-%m-%dT%H:%M")
    inbox = "/referrals/inbox"
    return [
        ("new", _get(f"/referrals/new/{ids['resident']}/"), DESK),
        ("sent", _get("/referrals/sent/"), LISTS),
        ("detail", _get(f"/referrals/{ids['main']}/"), DESK),
        ("close", _post(f"/referrals/{ids['close']}/close/"), DESK),
        ("inbox", _get(f"{inbox}/"), PARTNERS),
        ("inbox detail", _get(f"{inbox}/{ids['main']}/"), {"partner"}),
        ("accept", _post(f"{inbox}/{ids['accept']}/accept/"), {"partner"}),
        ("decline", _post(f"{inbox}/{ids['decline']}/decline/", {"decline_reason": "full"}), {"partner"}),
        (
            "appointment",
            _post(f"{inbox}/{ids['appointment']}/appointment/", {"appointment_at": soon}),
            {"partner"},
        ),
        ("outcome", _post(f"{inbox}/{ids['outcome']}/outcome/", {"outcome": "seen"}), {"partner"}),
        ("api inbox", _get("/api/v1/referrals/inbox"), PARTNERS),
        ("api inbox detail", _get(f"/api/v1/referrals/inbox/{ids['main']}"), {"partner"}),
    ]


NAMES = [
    r[0]
    for r in rules(
        dict.fromkeys(("main", "accept", "decline", "appointment", "outcome", "close", "resident"), 0)
    )
]


@pytest.mark.parametrize("name", NAMES)
def test_each_referral_page_lets_in_only_who_may_use_it(world, name):
    users, ids = world
    _name, call, allowed = next(r for r in rules(ids) if r[0] == name)
    assert wrongly_treated(users, allowed, call) == []


def test_a_partner_without_an_active_membership_is_refused(world, hospital):
    users, ids = world
    hospital.members.filter(user=users["partner"]).update(active=False)
    assert wrongly_treated(users, {"partner_other"}, _get("/referrals/inbox/")) == []
    assert wrongly_treated(users, set(), _get(f"/referrals/inbox/{ids['main']}/")) == []
