from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from django.core.management import call_command

from ieum.surveys.services import submission_create, survey_upload

INSTRUMENTS = Path(__file__).resolve().parents[2] / "surveys" / "instruments"


@pytest.fixture
def population(db):
    call_command("import_population", verbosity=0)


@pytest.fixture
def registry(region):
    """Six Vietnamese E-9 workers in Yeongam and two Nepali in Haenam (a small cell)."""
    from ieum.core.models import Municipality, Nationality, VisaStatus
    from ieum.residents.services import ResidentData, resident_create, visa_record_add

    yeongam, haenam = Municipality.objects.get(code="46830"), Municipality.objects.get(code="46820")
    vn, np_ = Nationality.objects.get(alpha2="VN"), Nationality.objects.get(alpha2="NP")
    e9 = VisaStatus.objects.get(code="E-9")
    people = [(f"Nguyen Van {i}", vn, yeongam) for i in range(6)] + [
        (f"Gurung {i}", np_, haenam) for i in range(2)
    ]
    for name, nationality, county in people:
        resident = resident_create(
            data=ResidentData(
                name=name, nationality=nationality, municipality=county, birth_date=dt.date(1995, 1, 1)
            ),
            actor=None,
        )
        visa_record_add(resident=resident, status=e9, valid_from=dt.date(2025, 1, 1), actor=None)


@pytest.fixture
def employer_answers(db, officer):
    version = survey_upload(content=(INSTRUMENTS / "employer_survey.xlsx").read_bytes(), actor=officer)
    firms = [
        ("46830", "C31", [("7", 40, 12, 5), ("8", 20, 3, 0)]),
        ("46830", "C31", [("7", 10, 5, 5)]),
        ("46890", "A", [("6", 8, 4, 2)]),
    ]
    for county, industry, rows in firms:
        answers = {
            "county": county,
            "industry": industry,
            "workers_total": "100",
            "workers_foreign": "0",
            "hiring_plan": "same",
            "occupation": [
                {"ksco": k, "employed": str(e), "vacancies": str(v), "hard_to_fill": str(h)}
                for k, e, v, h in rows
            ],
        }
        _submission, problems = submission_create(version=version, answers=answers, language="ko")
        assert problems == []
    return version.survey
