import io

import pytest
from openpyxl import load_workbook

from ieum.casework import services
from ieum.casework.models import Case
from ieum.core.testing import client_for


@pytest.fixture
def cases(center):
    user = center.vi_counselor
    opened = [
        services.case_open(channel="walk_in", topic=center.wages, language="vi", actor=user, assignee=user)
        for _ in range(3)
    ]
    services.case_open(
        channel="phone", topic=center.visa, language="km", actor=user, caller_phone="01022223333"
    )
    services.case_resolve(case=opened[0], actor=user)
    # A group name that a spreadsheet would run as a formula.
    group = services.case_group_create(kind="employer", name='=HYPERLINK("http://x")', actor=user)
    services.case_set_group(case=opened[1], group=group, actor=user)
    return opened


@pytest.mark.django_db
def test_the_report_page_shows_volume_by_channel_topic_and_language(center, cases, analyst):
    page = client_for(analyst).get("/workspace/cases/reports/")
    assert page.status_code == 200
    text = page.content.decode()
    for heading in (
        "Cases by channel",
        "Cases by topic",
        "Unmet demand and waiting per language",
        "Busiest hours",
    ):
        assert heading in text
    assert "Wage arrears and severance" in text
    # Aggregates only: no case number reaches the analyst.
    assert Case.objects.first().number not in text


@pytest.mark.django_db
def test_the_xlsx_export_reads_back_with_the_same_counts(center, cases, analyst):
    response = client_for(analyst).get("/workspace/cases/reports/export.xlsx")
    assert response.status_code == 200
    book = load_workbook(io.BytesIO(response.content))
    channel = {row[0]: row[1] for row in book["channel"].iter_rows(min_row=3, values_only=True)}
    assert channel == {"walk-in": 3, "phone": 1}
    languages = {row[0]: row for row in book["languages"].iter_rows(min_row=3, values_only=True)}
    assert languages["km"][2] == 1  # the Khmer call needed an interpreter
    hours = list(book["hours"].iter_rows(min_row=3, values_only=True))
    assert sum(sum(row[1:]) for row in hours) == 4
    sla = {row[0]: row for row in book["sla"].iter_rows(min_row=3, values_only=True)}
    assert sla["Resolution"][1] == 1


def test_a_cell_that_would_run_as_a_formula_is_neutralised():
    from ieum.casework.reports import safe_cell

    assert safe_cell("=1+1") == "'=1+1"
    assert safe_cell("@SUM(A1)") == "'@SUM(A1)"
    assert safe_cell("-2") == "'-2"
    assert safe_cell(5) == 5
    assert safe_cell("Haenam") == "Haenam"
