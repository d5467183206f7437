"""The lawfulness engine against its data cases (cases/lawfulness.csv); pure Python, no database."""

from __future__ import annotations

import csv
import datetime as dt
from pathlib import Path

import pytest

from ieum.jobs.engine.lawfulness import Job, Person, Place, decide, load_rules, minimum_wage_on

CASES = Path(__file__).parent / "cases" / "lawfulness.csv"
PLACES = {
    "46830": Place("46", True),
    "46820": Place("46", True),
    "46890": Place("46", True),
    "46110": Place("46", False),
    "46840": Place("46", False),
    "29110": Place("29", False),
}


def _cases() -> list[dict[str, str]]:
    with CASES.open(encoding="utf-8") as handle:
        return list(csv.DictReader(line for line in handle if not line.startswith("#")))


@pytest.mark.parametrize("case", _cases(), ids=lambda c: c["case"])
def test_each_case_gets_the_expected_answer(case):
    person = Person(
        status=case["status"],
        status_since=dt.date.fromisoformat(case["status_since"]),
        bound_municipality=case["bound"],
        korean_level=int(case["korean"]),
    )
    job = Job(
        ksic=case["ksic"],
        ksco=case["ksco"],
        municipality=case["municipality"],
        hours_per_week=int(case["hours"]),
        wage_hourly=int(case["wage"]),
    )
    decision = decide(person, job, dt.date.fromisoformat(case["date"]), PLACES)
    got = "allowed" if decision.allowed else f"{decision.rule}:{decision.reason}"
    assert got == case["expected"]


def test_every_rule_has_a_source_and_is_exercised_by_a_case():
    used = {c["expected"].split(":")[0] for c in _cases()}
    for rule in load_rules():
        assert rule.source, rule.id
    refusing = {r.id for r in load_rules() if r.kind != "allow"}
    assert refusing - used == set()


def test_the_minimum_wage_follows_its_dated_rows():
    assert minimum_wage_on(dt.date(2025, 12, 31)).hourly_krw == 10030
    assert minimum_wage_on(dt.date(2026, 1, 1)).hourly_krw == 10320
    assert minimum_wage_on(dt.date(2027, 1, 1)) is None
