"""The service buttons on a resident's page lead only to pages the reader's role may open."""

from __future__ import annotations

import re

import pytest

from ieum.casework.services import case_open
from ieum.core.testing import client_for, is_denied, role_users
from ieum.residents.services import ResidentData, resident_create


@pytest.mark.parametrize("name", ["counselor", "officer", "admin"])
def test_every_service_button_on_a_resident_page_opens(region, name):
    users = role_users()
    resident = resident_create(data=ResidentData(name="NGUYEN VAN AN"), actor=None)
    # A counselor reaches a record through a case of it (privacy issue §1).
    case_open(channel="phone", topic="wages", language="vi", actor=users["counselor"], resident=resident)
    client = client_for(users[name])
    page = client.get(f"/residents/{resident.pk}/").content.decode()
    block = page.split('class="resident-services"', 1)[1].split("</nav>", 1)[0]
    links = re.findall(r'href="([^"]+)"', block)
    assert links, "the page offers the person's services"
    refused = [url for url in links if is_denied(client.get(url.replace("&amp;", "&")))]
    assert refused == []
