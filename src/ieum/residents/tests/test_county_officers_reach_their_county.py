"""A county officer reaches the residents of that county only; a province officer all of them."""

from __future__ import annotations

import pytest

from ieum.core.models import User
from ieum.core.testing import login_staff
from ieum.residents.services import ResidentData, resident_create
from ieum.residents.tests.factories import MunicipalityFactory


@pytest.fixture
def two_counties(db):
    yeongam = MunicipalityFactory(code="46830", name_ko="영암군", name_en="Yeongam-gun")
    haenam = MunicipalityFactory(code="46820", name_ko="해남군", name_en="Haenam-gun")
    a = resident_create(data=ResidentData(name="NGUYEN VAN AN", municipality=yeongam), actor=None)
    b = resident_create(data=ResidentData(name="NGUYEN VAN BINH", municipality=haenam), actor=None)
    officer = User.objects.create_user(
        username="yeongam-officer", password="x" * 12, role="officer", municipality=yeongam
    )
    return a, b, officer


def test_a_county_officer_opens_a_resident_of_the_county_but_not_of_another(client, two_counties):
    a, b, officer = two_counties
    login_staff(client, officer)
    assert client.get(f"/api/v1/residents/{a.pk}").status_code == 200
    assert client.get(f"/api/v1/residents/{b.pk}").status_code == 404


def test_a_county_officer_finds_only_the_countys_residents(client, two_counties):
    a, b, officer = two_counties
    login_staff(client, officer)
    found = [r["id"] for r in client.get("/api/v1/residents/?q=nguyen").json()]
    assert found == [a.pk]


def test_a_province_officer_finds_both(client, two_counties, officer):
    a, b, _ = two_counties
    login_staff(client, officer)
    found = sorted(r["id"] for r in client.get("/api/v1/residents/?q=nguyen").json())
    assert found == sorted([a.pk, b.pk])
