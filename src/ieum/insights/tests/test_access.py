"""Analytics are for analysts and administrators only (de-identified data); officers,
counselors, interpreters, employers, partners and residents are refused."""

from __future__ import annotations

from typing import Any

import pytest

from ieum.core.testing import role_users, wrongly_treated
from ieum.insights.models import Scenario

pytestmark = pytest.mark.django_db

COVERED_PATTERNS = {
    "workspace/insights/",
    "workspace/insights/labor/",
    "workspace/insights/projection/",
    "workspace/insights/scenarios/",
    "workspace/insights/scenarios/compare/",
    "workspace/insights/scenarios/report.<str:fmt>",
}
ANALYTICS = {"analyst", "admin"}
ASSUMPTIONS = {"start_year": 2026, "years": 2, "quotas": [], "retention": {}}
FORM = {
    "name": "x",
    "start_year": "2026",
    "years": "2",
    "quotas": "E-7-4R C31 46830 10",
    "fill_rate": "1",
    "retention_e74r": "0.9",
    "retention_f2r": "0.9",
    "retention_province": "0.9",
    "grant_reach": "0",
    "grant_effect": "0",
    "korean_seats": "0",
    "korean_completion": "0",
    "gap": "C31 10",
}


def rules(scenario_id: int) -> list[tuple[str, Any, set[str]]]:
    base = "/workspace/insights"
    return [
        ("dashboard", lambda c: c.get(f"{base}/"), ANALYTICS),
        ("labour", lambda c: c.get(f"{base}/labor/"), ANALYTICS),
        ("projection", lambda c: c.get(f"{base}/projection/"), ANALYTICS),
        ("scenarios", lambda c: c.get(f"{base}/scenarios/"), ANALYTICS),
        ("new scenario", lambda c: c.post(f"{base}/scenarios/", FORM), ANALYTICS),
        ("compare", lambda c: c.get(f"{base}/scenarios/compare/?id={scenario_id}"), ANALYTICS),
        ("report", lambda c: c.get(f"{base}/scenarios/report.xlsx?id={scenario_id}"), ANALYTICS),
    ]


def test_each_analytics_page_lets_in_only_analysts_and_administrators():
    users = role_users()
    scenario = Scenario.objects.create(name="s", assumptions=ASSUMPTIONS)
    wrong = {
        name: found
        for name, call, allowed in rules(scenario.pk)
        if (found := wrongly_treated(users, allowed, call))
    }
    assert wrong == {}
