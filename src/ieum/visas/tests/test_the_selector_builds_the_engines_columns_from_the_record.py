from __future__ import annotations

import datetime as dt

from ieum.core.models import VisaStatus
from ieum.residents.services import (
    education_add,
    household_link,
    income_declare,
    korean_level_record,
    visa_record_add,
)
from ieum.visas.selectors import population_for
from ieum.visas.tests.people import make_applicant

DAY = dt.date(2025, 9, 1)


def _status(code: str) -> VisaStatus:
    return VisaStatus.objects.get(code=code)


def test_status_history_degree_income_and_korean_become_columns(db, yeongam, haenam):
    person = make_applicant(municipality=yeongam, documents=False)  # E-7 from 2023-03-01, TOPIK 4
    visa_record_add(
        resident=person,
        status=_status("E-9"),
        valid_from=dt.date(2019, 3, 1),
        valid_to=dt.date(2023, 2, 28),
        actor=None,
    )
    korean_level_record(resident=person, kind="kiip", level=5, achieved_on=None, certified=False, actor=None)
    education_add(
        resident=person,
        level="bachelor",
        korean_institution=True,
        completed_on=dt.date(2018, 2, 1),
        actor=None,
    )
    education_add(
        resident=person,
        level="master",
        korean_institution=False,
        completed_on=dt.date(2020, 2, 1),
        actor=None,
    )
    income_declare(resident=person, year=2024, amount_krw=33_000_000, actor=None)
    pop = population_for([person.pk], as_of=DAY)
    assert pop.status[0] == "E-7" and pop.home[0] == "46830" and pop.work[0] == "46830"
    assert pop.nationality[0] == "VN"
    assert pop.feeder_days[0] == (dt.date(2023, 2, 28) - dt.date(2019, 3, 1)).days + 1
    assert pop.degree[0] == 4  # the foreign master's degree does not count as a Korean degree
    assert pop.income[0] == 33_000_000  # the year before the screening date
    assert pop.topik[0] == 4 and pop.kiip[0] == -1  # a self-reported KIIP stage is no evidence


def test_a_past_regional_status_and_a_principal_are_found(db, yeongam):
    principal = make_applicant(municipality=yeongam, documents=False)
    visa_record_add(resident=principal, status=_status("F-2-R"), valid_from=dt.date(2025, 5, 1), actor=None)
    spouse = make_applicant(name="TRAN THI BINH", hangul="쩐티빈", municipality=yeongam, documents=False)
    household_link(resident=principal, relation="spouse", relative=spouse, actor=None)
    pop = population_for([principal.pk, spouse.pk], as_of=DAY)
    assert str(pop.regional_end[0]) == "2025-09-01"  # holds it today
    assert (
        pop.relation[1] == "spouse"
        and pop.principal_status[1] == "F-2-R"
        and pop.principal_home[1] == "46830"
    )
