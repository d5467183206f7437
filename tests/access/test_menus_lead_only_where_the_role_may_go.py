"""The menus show each role the services it uses, and every link shown opens for that role."""

from __future__ import annotations

import pytest

from ieum.config.navigation import PORTAL_SERVICES, WORKSPACE_LINKS
from ieum.core.testing import client_for, is_denied, role_users
from ieum.interpreting.models import Interpreter
from ieum.referrals.models import Partner, PartnerMember
from ieum.residents.services import ResidentData, resident_create


@pytest.fixture
def users(region):
    users = role_users()
    resident = resident_create(data=ResidentData(name="NGUYEN VAN AN"), actor=None)
    resident.user = users["resident_self"]
    resident.save()
    # An interpreter account works once the coordinator has put it in the registry.
    Interpreter.objects.create(user=users["interpreter"], name="Interpreter")
    clinic = Partner.objects.create(code="clinic", kind="clinic", name_ko="의원")
    PartnerMember.objects.create(partner=clinic, user=users["partner"])
    return users


@pytest.mark.parametrize(
    "name",
    ["counselor", "interpreter", "officer", "employer", "partner", "analyst", "admin", "resident_self"],
)
def test_every_link_in_a_roles_menu_opens_for_that_role(users, name):
    client = client_for(users[name])
    landing = {"employer": "/jobs/employer/", "partner": "/referrals/inbox/", "resident_self": "/my/"}
    home = client.get(landing.get(name, "/workspace/"), follow=True)
    links = home.context["nav_links"] if home.context else []
    services = home.context.get("portal_services", []) if home.context else []
    responses = {item["url"]: client.get(item["url"]) for item in [*links, *services]}
    refused = [(url, response.status_code) for url, response in responses.items() if is_denied(response)]
    assert refused == []
    if name != "resident_self":
        assert links, "staff, employers and partners see a menu"


def test_a_resident_sees_every_service_and_no_staff_link(users):
    home = client_for(users["resident_self"]).get("/my/")
    assert len(home.context["portal_services"]) == len(PORTAL_SERVICES)
    assert home.context["nav_links"] == []


def test_an_analyst_is_not_shown_the_residents_or_cases(users):
    home = client_for(users["analyst"]).get("/workspace/")
    urls = {item["url"] for item in home.context["nav_links"]}
    assert "/residents/" not in urls and "/workspace/cases/" not in urls
    assert "/workspace/insights/" in urls


def test_every_menu_entry_names_a_real_page():
    from django.urls import reverse

    for link in WORKSPACE_LINKS:
        reverse(link.url_name)
    for tile in PORTAL_SERVICES:
        reverse(tile.url_name)
