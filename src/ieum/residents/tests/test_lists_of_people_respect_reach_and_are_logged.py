"""Lists of people (search results, possible duplicates) show only whom the user may reach, and
the access log names everyone a list showed."""

from __future__ import annotations

import pytest

from ieum.core.models import AccessLog, User
from ieum.core.testing import login_staff
from ieum.residents.services import ResidentData, resident_create
from ieum.residents.tests.factories import MunicipalityFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def pairs():
    yeongam = MunicipalityFactory(code="46830", name_ko="영암군", name_en="Yeongam-gun")
    haenam = MunicipalityFactory(code="46820", name_ko="해남군", name_en="Haenam-gun")
    here = [
        resident_create(
            data=ResidentData(name=f"HERE {i}", phone="010-1111-0001", municipality=yeongam), actor=None
        )
        for i in range(2)
    ]
    there = [
        resident_create(
            data=ResidentData(name=f"THERE {i}", phone="010-2222-0002", municipality=haenam), actor=None
        )
        for i in range(2)
    ]
    officer = User.objects.create_user(
        username="yeongam", password="x" * 12, role="officer", municipality=yeongam
    )
    return here, there, officer


def test_a_county_officer_sees_only_the_countys_duplicates_and_the_view_is_logged(client, pairs):
    here, there, officer = pairs
    login_staff(client, officer)
    page = client.get("/residents/duplicates/").content.decode()
    assert "HERE 0" in page and "THERE 0" not in page
    log = AccessLog.objects.get(user=officer, detail__list="duplicates")
    assert sorted(log.detail["ids"]) == sorted(r.pk for r in here)


def test_a_search_logs_whom_it_listed(client, counselor, pairs):
    here, there, _ = pairs
    login_staff(client, counselor)
    client.get("/residents/?q=here")
    log = AccessLog.objects.get(user=counselor, action="search")
    assert sorted(log.detail["ids"]) == sorted(r.pk for r in here)
