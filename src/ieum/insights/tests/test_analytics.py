"""The analyst's pages: de-identified tables with small cells suppressed, survey answer counts,
labour demand, projections and the scenario comparison with its reports."""

from __future__ import annotations

import io

import pytest
from openpyxl import load_workbook
from pypdf import PdfReader

from ieum.insights import selectors
from ieum.insights.models import PopulationRow, Scenario
from ieum.insights.projection import working_age

SCENARIO = {
    "name": "Quota as planned",
    "start_year": "2026",
    "years": "5",
    "quotas": "E-7-4R C31 46830 600\nF-2-R C31 46830 100",
    "fill_rate": "1",
    "retention_e74r": "0.85",
    "retention_f2r": "0.95",
    "retention_province": "0.8",
    "grant_reach": "0.3",
    "grant_effect": "0.05",
    "korean_seats": "500",
    "korean_completion": "0.6",
    "gap": "C31 1500",
}


@pytest.fixture
def analyst_client(client, analyst, login_staff):
    login_staff(client, analyst)
    return client


def test_the_residents_table_suppresses_small_cells_and_names_no_one(analyst_client, registry):
    page = analyst_client.get("/workspace/insights/").content.decode()
    assert "Nguyen" not in page and "Gurung" not in page
    cube = selectors.residents_cube()
    assert {"cell": ["영암군", "VN", "E-9"], "count": 6, "suppressed": False} in cube
    assert {"cell": ["해남군", "NP", "E-9"], "count": None, "suppressed": True} in cube
    assert "<svg" in page and "&lt;5" in page


def test_the_dashboard_counts_survey_answers(analyst_client, employer_answers):
    page = analyst_client.get(
        f"/workspace/insights/?survey={employer_answers.pk}&question=county"
    ).content.decode()
    assert selectors.answer_counts(survey_id=employer_answers.pk, question="county") == [
        ("46830", 2),
        ("46890", 1),
    ]
    assert "46830" in page


def test_labour_demand_sums_the_employer_surveys_occupations(analyst_client, employer_answers):
    demand = selectors.labor_demand()
    assert demand[("C31", "46830")] == {"firms": 2, "employed": 70, "vacancies": 20, "hard_to_fill": 10}
    page = analyst_client.get("/workspace/insights/labor/").content.decode()
    assert "Location quotients" in page or "LQ" in page or "46830" in page


def test_the_projection_imports_the_sample_table_and_shrinks_the_working_age(analyst_client, population):
    assert PopulationRow.objects.filter(county_code="46830").count() == 36
    year, pop, rates = selectors.population_inputs("46830")
    assert year == 2023 and pop.sum() > 50000
    years, series = selectors.working_age_projection("46830")
    assert years == [2023, 2028, 2033, 2038, 2043]
    assert series[0] == pytest.approx(float(working_age(pop[None])[0]))
    assert series[-1] < series[0]  # the decline county ages and loses its young adults
    page = analyst_client.get("/workspace/insights/projection/?county=46830").content.decode()
    assert "<polyline" in page and "2043" in page


def test_an_analyst_builds_two_scenarios_and_compares_them(analyst_client):
    assert analyst_client.post("/workspace/insights/scenarios/", SCENARIO).status_code == 302
    more = {**SCENARIO, "name": "Double quota", "quotas": "E-7-4R C31 46830 1200\nF-2-R C31 46830 100"}
    assert analyst_client.post("/workspace/insights/scenarios/", more).status_code == 302
    ids = list(Scenario.objects.order_by("pk").values_list("pk", flat=True))
    query = "&".join(f"id={i}" for i in ids)
    page = analyst_client.get(f"/workspace/insights/scenarios/compare/?{query}").content.decode()
    assert "Quota as planned" in page and "Double quota" in page and "<polyline" in page

    pdf = analyst_client.get(f"/workspace/insights/scenarios/report.pdf?{query}")
    text = "".join(p.extract_text() for p in PdfReader(io.BytesIO(pdf.content)).pages)
    assert "Double quota" in text and "Yearly retention, E-7-4R" in text and "2030" in text

    book = load_workbook(
        io.BytesIO(analyst_client.get(f"/workspace/insights/scenarios/report.xlsx?{query}").content)
    )
    results = book["results"]
    assert [c.value for c in results[1]] == ["Year", "Quota as planned", "Double quota"]
    assert results["A2"].value == 2026 and results["B2"].value == 700 and results["C2"].value == 1300
    assert len(results._charts) == 1
    assumptions = [[c.value for c in row[:2]] for row in book["2 Double quota"].iter_rows()]
    assert ["Quota per year, E-7-4R, industry C31, county 46830", "1200"] in assumptions


def test_a_scenario_with_a_broken_quota_line_is_refused_and_nothing_saved(analyst_client):
    response = analyst_client.post(
        "/workspace/insights/scenarios/", {**SCENARIO, "quotas": "E-9 C31 46830 many"}
    )
    assert response.status_code == 400
    assert "Line 1" in response.content.decode()
    assert Scenario.objects.count() == 0
