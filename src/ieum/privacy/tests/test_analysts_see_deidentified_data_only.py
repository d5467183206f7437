"""Analysts get pseudonymous, coarse tables with small cells suppressed; never names or numbers."""

from __future__ import annotations

import datetime as dt
import json

import pytest

from ieum.privacy.deidentify import age_band, pseudonym
from ieum.privacy.selectors import deidentified_residents, residents_by_county_table
from ieum.residents.services import ResidentData, resident_create
from ieum.residents.tests.factories import MunicipalityFactory, NationalityFactory


@pytest.fixture
def population(db):
    vn, yeongam = NationalityFactory(), MunicipalityFactory()
    people = []
    for i in range(6):
        people.append(
            resident_create(
                data=ResidentData(
                    name=f"NGUYEN VAN {chr(65 + i)}",
                    birth_date=dt.date(1996, 1, 1 + i),
                    sex="M",
                    nationality=vn,
                    municipality=yeongam,
                    arn=f"9601{i + 10:02d}-5123456",
                    phone=f"010-5555-00{i + 10}",
                ),
                actor=None,
            )
        )
    people.append(
        resident_create(
            data=ResidentData(
                name="RARE PERSON",
                birth_date=dt.date(1960, 5, 5),
                sex="F",
                nationality=vn,
                municipality=yeongam,
            ),
            actor=None,
        )
    )
    return people


def test_small_cells_are_suppressed_and_large_ones_counted(population):
    table = residents_by_county_table(on=dt.date(2026, 11, 26))
    by_cell = {tuple(row["cell"]): row for row in table}
    assert by_cell[("46830", "VN", "30-39", "M")]["count"] == 6
    rare = by_cell[("46830", "VN", "60+", "F")]
    assert rare["suppressed"] is True and rare["count"] is None


def test_deidentified_rows_carry_no_names_phones_or_identifiers(population):
    rows = deidentified_residents(on=dt.date(2026, 11, 26))
    dumped = json.dumps(rows, ensure_ascii=False)
    for person in population:
        assert person.name not in dumped
        assert person.phone not in dumped if person.phone else True
    assert "5123456" not in dumped and "960110" not in dumped
    assert {row["pid"] for row in rows} == {pseudonym(p.pk) for p in population}


def test_the_analyst_api_returns_the_suppressed_table(client, analyst, population, login_staff):
    login_staff(client, analyst)
    response = client.get("/api/v1/insights/residents-by-county")
    assert response.status_code == 200
    assert "NGUYEN" not in response.content.decode()


def test_a_counselor_cannot_use_the_analyst_table(counselor_client, population):
    assert counselor_client.get("/api/v1/insights/residents-by-county").status_code == 403


def test_age_bands_are_coarse():
    assert age_band(dt.date(1996, 6, 1), dt.date(2026, 5, 31)) == "20-29"
    assert age_band(dt.date(1996, 6, 1), dt.date(2026, 6, 1)) == "30-39"
    assert age_band(None, dt.date(2026, 1, 1)) == "unknown"
