from __future__ import annotations

import datetime as dt
import io

from openpyxl import load_workbook

from ieum.core.testing import client_for
from ieum.visas import services
from ieum.visas.models import Application, Track
from ieum.visas.reports import safe_cell
from ieum.visas.tests.people import make_applicant


def test_the_monthly_quota_table_downloads_as_a_workbook(
    db, yeongam, province_officer, analyst, counselor, yeongam_officer
):
    year = dt.date.today().year
    services.quota_set(program="f2r", year=year, municipality=yeongam, amount=5, actor=province_officer)
    person = make_applicant(municipality=yeongam, actor=counselor)
    application = services.application_create(
        resident=person, program="f2r", actor=counselor, documents={d.kind: d for d in person.documents.all()}
    )
    services.application_county_review(application=application, actor=yeongam_officer, recommend=True)
    services.application_approve(application=application, actor=province_officer)
    response = client_for(analyst).get(f"/visas/quotas.xlsx?year={year}")
    sheet = load_workbook(io.BytesIO(response.content)).active
    rows = list(sheet.iter_rows(values_only=True))
    assert rows[0][-2:] == ("used", "remaining")
    assert rows[1][2] == "영암군" and rows[1][-2:] == (1, 4)
    assert Application.objects.get().letter_issued_at.month in range(1, 13)


def test_spreadsheet_cells_cannot_start_a_formula():
    assert safe_cell("=HYPERLINK(1)") == "'=HYPERLINK(1)"
    assert safe_cell("+1") == "'+1" and safe_cell("plain") == "plain" and safe_cell(3) == 3


def test_a_track_is_simulated_against_todays_registry(db, yeongam, haenam, province_officer):
    make_applicant(municipality=yeongam, documents=False)
    make_applicant(name="SOK DARA", hangul="속다라", municipality=haenam, nationality="KH", documents=False)
    client = client_for(province_officer)
    response = client.post(
        "/visas/tracks/",
        {
            "code": "e7-shipbuilding",
            "name": "Shipbuilding welders",
            "base_status": "E-7",
            "feeder_statuses": "E-7, E-9",
            "ksco_codes": "74311",
            "korean_min": "3",
            "income_min": "0",
            "valid_from": "2026-01-01",
            "source": "Province plan 2026",
        },
    )
    track = Track.objects.get()
    assert response.status_code == 302 and track.feeder_statuses == ["E-7", "E-9"]
    client.post(
        f"/visas/tracks/{track.pk}/",
        {"year": "2026", "municipality": yeongam.pk, "industry": "31114", "amount": "30"},
    )
    page = client.get(f"/visas/tracks/{track.pk}/").content.decode()
    assert "2 residents would qualify." in page
    assert "31114" in page


def test_the_evaluation_indicators_download_as_a_workbook(db, yeongam, analyst):
    make_applicant(municipality=yeongam, documents=False)
    response = client_for(analyst).get("/visas/indicators.xlsx?year=2026")
    rows = list(load_workbook(io.BytesIO(response.content)).active.iter_rows(values_only=True))
    assert [r[0] for r in rows[1:]] == ["quota_fill", "kiip", "illegal_stay", "foreign_share"]
    assert rows[4][2] == 1 and rows[4][3] == 1804875
