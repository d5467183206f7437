from __future__ import annotations

import pytest
from django.core.management import call_command

from ieum.grants.models import BudgetLine, GrantProgram, LedgerEntry

# facts.md §0 and issue 7: the 2024 items of the center's budget.
EXPECTED_2024 = {
    "center": 500_000_000,
    "research": 300_000_000,
    "settlement-grants": 44_000_000,
    "medical-center": 45_000_000,
    "legal": 20_000_000,
    "campaign": 50_000_000,
    "online-korean": 30_000_000,
}


def test_the_2024_budget_loads_from_its_data_file_with_its_source(region):
    call_command("load_budget", "2024")
    lines = {line.code: line for line in BudgetLine.objects.filter(fiscal_year=2024)}
    assert {code: line.allocated for code, line in lines.items()} == EXPECTED_2024
    assert "asiae.co.kr" in lines["settlement-grants"].source
    assert LedgerEntry.objects.filter(kind="allocation").count() == 7
    program = GrantProgram.objects.get(code="settlement-2024")
    assert program.budget_line == lines["settlement-grants"]
    assert program.amount_on(program.window_opens) == 600_000
    assert program.counties.get(municipality__code="46830").payment_method == "gift"


def test_loading_twice_changes_nothing(region):
    call_command("load_budget", "2024")
    call_command("load_budget", "2024")
    assert LedgerEntry.objects.count() == 7
    assert sum(BudgetLine.objects.values_list("allocated", flat=True)) == sum(EXPECTED_2024.values())


def test_a_year_without_data_is_refused(region):
    from django.core.management.base import CommandError

    with pytest.raises(CommandError):
        call_command("load_budget", "1999")
