"""Every interpreting page against every role: coordinators keep the registry and see all
requests; a counselor sees the requests they raised; an interpreter only what was offered or
dispatched to them — never another interpreter's offers, sessions or statement."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import pytest
from django.contrib.auth.models import Group

from ieum.core.models import Role, User
from ieum.core.testing import role_users, wrongly_treated
from ieum.interpreting.access import COORDINATOR_GROUP
from ieum.interpreting.services import interpreter_offer_accept, interpreter_request_create
from ieum.interpreting.tests.conftest import make_interpreter

pytestmark = pytest.mark.django_db

COVERED_PATTERNS = {
    "workspace/interpreting/mine/",
    "workspace/interpreting/offers/<int:offer_id>/accept/",
    "workspace/interpreting/offers/<int:offer_id>/decline/",
    "workspace/interpreting/requests/",
    "workspace/interpreting/requests/new/",
    "workspace/interpreting/requests/<int:request_id>/",
    "workspace/interpreting/requests/<int:request_id>/offer/",
    "workspace/interpreting/requests/<int:request_id>/cancel/",
    "workspace/interpreting/requests/<int:request_id>/session/",
    "workspace/interpreting/registry/",
    "workspace/interpreting/registry/new/",
    "workspace/interpreting/registry/<int:interpreter_id>/",
    "workspace/interpreting/statements/<int:interpreter_id>/<int:year>/<int:month>/",
    "workspace/interpreting/statements/<int:interpreter_id>/<int:year>/<int:month>/<str:fmt>/",
    "api/v1/interpreting/offers",
    "api/v1/interpreting/offers/<offer_id>/accept",
    "api/v1/interpreting/offers/<offer_id>/decline",
}

COORDINATORS = {"admin", "coordinator"}


@dataclass
class World:
    users: dict[str, User]
    ids: dict[str, Any]


@pytest.fixture
def world() -> World:
    users = role_users()
    users["coordinator"] = User.objects.create_user(
        username="coordinator", password="x" * 12, role=Role.COUNSELOR
    )
    Group.objects.get_or_create(name=COORDINATOR_GROUP)[0].user_set.add(users["coordinator"])
    users["counselor_other"] = User.objects.create_user(
        username="counselor_other", password="x" * 12, role=Role.COUNSELOR
    )
    users["interpreter_other"] = User.objects.create_user(
        username="interpreter_other", password="x" * 12, role=Role.INTERPRETER
    )
    mine = make_interpreter("Mine", languages=[("vi", 4)], with_account=False)
    mine.user = users["interpreter"]
    mine.save()
    theirs = make_interpreter("Theirs", languages=[("vi", 1)], with_account=False)
    theirs.user = users["interpreter_other"]
    theirs.save()

    def raise_one():
        return interpreter_request_create(
            language="vi", modality="phone", requested_by=users["counselor"], topic="wages"
        )

    dispatched = raise_one()
    interpreter_offer_accept(offer=dispatched.offers.get(interpreter=mine), actor=users["interpreter"])
    to_accept, to_decline, to_cancel = raise_one(), raise_one(), raise_one()
    api_accept, api_decline = raise_one(), raise_one()
    ids = {
        "request": dispatched.pk,
        "cancel": to_cancel.pk,
        "accept_offer": to_accept.offers.get(interpreter=mine).pk,
        "decline_offer": to_decline.offers.get(interpreter=mine).pk,
        "api_accept_offer": api_accept.offers.get(interpreter=mine).pk,
        "api_decline_offer": api_decline.offers.get(interpreter=mine).pk,
        "mine": mine.pk,
        "theirs": theirs.pk,
    }
    return World(users, ids)


def _get(url: str):
    return lambda client: client.get(url)


def _post(url: str, data: dict | None = None):
    return lambda client: client.post(url, data or {})


W = "/workspace/interpreting"


def rules(ids: dict) -> list[tuple[str, Any, set[str]]]:
    req, mine = ids["request"], ids["mine"]
    return [
        ("mine", _get(f"{W}/mine/"), {"interpreter", "interpreter_other"}),
        ("accept", _post(f"{W}/offers/{ids['accept_offer']}/accept/"), {"interpreter"}),
        ("decline", _post(f"{W}/offers/{ids['decline_offer']}/decline/"), {"interpreter"}),
        ("requests", _get(f"{W}/requests/"), {"counselor", "counselor_other", *COORDINATORS}),
        ("new request", _get(f"{W}/requests/new/"), {"counselor", "counselor_other", *COORDINATORS}),
        ("request", _get(f"{W}/requests/{req}/"), {"counselor", "interpreter", *COORDINATORS}),
        ("offer", _post(f"{W}/requests/{req}/offer/", {"interpreter": ids["theirs"]}), COORDINATORS),
        ("cancel", _post(f"{W}/requests/{ids['cancel']}/cancel/"), {"counselor", *COORDINATORS}),
        ("session", _get(f"{W}/requests/{req}/session/"), {"interpreter"}),
        ("registry", _get(f"{W}/registry/"), COORDINATORS),
        ("registry new", _get(f"{W}/registry/new/"), COORDINATORS),
        ("registry edit", _get(f"{W}/registry/{mine}/"), COORDINATORS),
        ("statement", _get(f"{W}/statements/{mine}/2026/11/"), {"interpreter", *COORDINATORS}),
        ("statement xlsx", _get(f"{W}/statements/{mine}/2026/11/xlsx/"), {"interpreter", *COORDINATORS}),
        (
            "their statement",
            _get(f"{W}/statements/{ids['theirs']}/2026/11/"),
            {"interpreter_other", *COORDINATORS},
        ),
        ("api offers", _get("/api/v1/interpreting/offers"), {"interpreter", "interpreter_other"}),
        (
            "api accept",
            _post(f"/api/v1/interpreting/offers/{ids['api_accept_offer']}/accept"),
            {"interpreter"},
        ),
        (
            "api decline",
            _post(f"/api/v1/interpreting/offers/{ids['api_decline_offer']}/decline"),
            {"interpreter"},
        ),
    ]


IDS = (
    "request",
    "cancel",
    "accept_offer",
    "decline_offer",
    "api_accept_offer",
    "api_decline_offer",
    "mine",
    "theirs",
)


@pytest.mark.parametrize("name", [r[0] for r in rules(dict.fromkeys(IDS, 0))])
def test_each_interpreting_page_lets_in_only_who_may_use_it(world, name):
    _name, call, allowed = next(r for r in rules(world.ids) if r[0] == name)
    assert wrongly_treated(world.users, allowed, call) == []
