"""Placement outcomes by industry, county and nationality: small groups suppressed, no names, and
the XLSX export neutralises formula injection (read back with openpyxl)."""

from __future__ import annotations

import datetime as dt
import io

from openpyxl import load_workbook

from ieum.core.models import Municipality
from ieum.core.testing import client_for
from ieum.jobs import services
from ieum.jobs.exports import report_xlsx
from ieum.jobs.models import Placement, Vacancy
from ieum.jobs.report import outcomes
from ieum.jobs.tests.conftest import make_seeker


def _hire_many(world, n: int) -> None:
    Vacancy.objects.filter(pk=world.vacancy_a.pk).update(headcount=n)
    place = Municipality.objects.get(code="46830")
    for k in range(n):
        seeker = make_seeker(f"WORKER {k}", status="F-5", place=place)
        services.placement_advance(vacancy=world.vacancy_a, seeker=seeker, stage="hired", actor=None)
    Placement.objects.update(hired_on=dt.date(2025, 1, 6))
    first = Placement.objects.order_by("pk").first()
    Placement.objects.filter(pk=first.pk).update(
        left_on=dt.date(2025, 3, 1), workplace_change=True, stage="left"
    )


def test_outcomes_count_hires_retention_and_changes(jobs_world):
    _hire_many(jobs_world, 6)
    rows = {r["key"]: r for r in outcomes(dt.date(2026, 11, 26))["county"]}
    yeongam = rows["Yeongam"]
    assert yeongam["hires"] == 6 and yeongam["hire_rate"] == 1.0
    assert yeongam["retention_3m"] == round(5 / 6, 3)
    assert yeongam["workplace_changes"] == 1


def test_groups_under_five_people_are_suppressed(jobs_world):
    _hire_many(jobs_world, 2)
    rows = outcomes(dt.date(2026, 11, 26))["county"]
    assert all(r["suppressed"] for r in rows) and all(set(r) == {"key", "suppressed"} for r in rows)


def test_the_analyst_report_has_no_names(jobs_world, analyst):
    _hire_many(jobs_world, 6)
    html = client_for(analyst).get("/jobs/workspace/report/").content.decode()
    assert "Yeongam" in html and "WORKER" not in html
    api = client_for(analyst).get("/api/v1/jobs/report").json()
    assert "WORKER" not in str(api)


def test_the_export_reads_back_and_neutralises_formulas(jobs_world, officer):
    _hire_many(jobs_world, 6)
    response = client_for(officer).get("/jobs/workspace/report.xlsx")
    book = load_workbook(io.BytesIO(response.content))
    assert {"Industry", "City or county", "Nationality"} <= set(book.sheetnames)
    values = [c.value for row in book["City or county"].iter_rows() for c in row]
    assert "Yeongam" in values and 6 in values
    crafted = report_xlsx({"county": [{"key": '=HYPERLINK("x")', "suppressed": True}]})
    cell = load_workbook(io.BytesIO(crafted)).active["A2"].value
    assert cell.startswith("'=")
