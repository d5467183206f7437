"""Decision tests as data: each row of tests/cases/<program>.csv is one person on one day, with
the expected answer of every criterion, the outcome and the one thing that would change it.
The decline areas come from the region pack itself (Muan and the five cities are not decline
areas), the rules from visas/rules/*.toml — nothing here restates a rule."""

from __future__ import annotations

import csv
import datetime as dt
import tomllib
from pathlib import Path

import pytest

from ieum.visas.engine import PROGRAMS, Population, load_rules, screen
from ieum.visas.engine.population import COLUMNS

CASES = Path(__file__).parent / "cases"
PACK = Path(__file__).resolve().parents[2] / "core" / "regions" / "jeonnam" / "decline_areas.toml"


def decline_periods() -> list[tuple[str, dt.date | None, dt.date | None]]:
    data = tomllib.loads(PACK.read_text(encoding="utf-8"))
    return [
        (code, row.get("valid_from"), row.get("valid_to"))
        for row in data["designation"]
        for code in row["municipalities"]
    ]


def _cases():
    for path in sorted(CASES.glob("*.csv")):
        with path.open(encoding="utf-8") as handle:
            for row in csv.DictReader(handle):
                yield pytest.param(path.stem, row, id=f"{path.stem}: {row['case']}")


def _facts(row: dict[str, str]) -> dict:
    facts = {k: v for k, v in row.items() if k in COLUMNS and v != ""}
    if "ethnic_korean" in facts:
        facts["ethnic_korean"] = facts["ethnic_korean"] == "1"
    return facts


def test_every_program_has_a_case_file():
    assert {p.stem for p in CASES.glob("*.csv")} == set(PROGRAMS)


@pytest.mark.parametrize(("program", "row"), list(_cases()))
def test_the_decision_matches_the_case(program, row):
    result = screen(
        program,
        Population.from_rows([_facts(row)]),
        as_of=dt.date.fromisoformat(row["as_of"]),
        params=load_rules(),
        decline_periods=decline_periods(),
    )
    got = {item["code"]: item["state"] for item in result.explain(0)}
    expected = {code: row[code] for code in got}
    assert got == expected
    assert result.outcome[0] == row["outcome"]
    assert (result.change(0) or "") == row["change"]


def test_each_case_file_names_every_criterion_of_its_program():
    for path in CASES.glob("*.csv"):
        header = path.read_text(encoding="utf-8").splitlines()[0].split(",")
        for criterion in PROGRAMS[path.stem].criteria:
            assert criterion.code in header, (path.name, criterion.code)


def test_screening_many_at_once_answers_like_one_at_a_time():
    rows = [(program, row) for program, row in (p.values for p in _cases()) if program == "f2r"]
    facts = [_facts(row) for _, row in rows]
    day = dt.date(2025, 9, 1)
    together = screen(
        "f2r", Population.from_rows(facts), as_of=day, params=load_rules(), decline_periods=decline_periods()
    )
    for i, one in enumerate(facts):
        alone = screen(
            "f2r",
            Population.from_rows([one]),
            as_of=day,
            params=load_rules(),
            decline_periods=decline_periods(),
        )
        assert together.outcome[i] == alone.outcome[0]
        assert (together.states[i] == alone.states[0]).all()
