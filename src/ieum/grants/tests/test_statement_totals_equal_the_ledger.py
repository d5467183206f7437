from __future__ import annotations

import io

from django.db.models import Sum
from openpyxl import load_workbook
from pypdf import PdfReader

from ieum.grants import services, statement
from ieum.grants.models import BudgetLine, LedgerEntry
from ieum.grants.tests.conftest import prepared_application


def test_the_budget_statement_xlsx_totals_equal_the_ledger(program, line, preparer, approver):
    services.application_approve(application=prepared_application(program, preparer), actor=approver)
    center = BudgetLine.objects.get(fiscal_year=2024, code="center")
    services.budget_commit(line=center, amount=120_000_000, decision="contract 2024-17", actor=approver)
    services.budget_spend(
        line=center, amount=80_000_000, decision="invoice 1", actor=approver, from_commitment=True
    )
    services.budget_amend(line=center, amount=50_000_000, decision="2nd supplementary", actor=approver)

    book = load_workbook(io.BytesIO(statement.statement_xlsx(2024)))
    sheet = book["2024"]
    rows = list(sheet.iter_rows(min_row=3, values_only=True))
    total = rows[-1]
    assert total[0] == "Total"
    ledger = LedgerEntry.objects.filter(line__fiscal_year=2024).aggregate(
        a=Sum("allocated_delta"), c=Sum("committed_delta"), s=Sum("spent_delta")
    )
    assert total[1:4] == (ledger["a"], ledger["c"], ledger["s"])
    assert total[1] == 989_000_000 + 50_000_000
    by_name = {r[0]: r for r in rows[:-1]}
    assert by_name[center.name_ko][1:6] == (
        550_000_000,
        40_000_000,
        80_000_000,
        430_000_000,
        round(80 / 550, 4),
    )
    assert by_name[line.name_ko][2] == 600_000
    assert [r[0] for r in book[book.sheetnames[1]].iter_rows(min_row=2, values_only=True)] == [
        program.name_ko
    ]
    assert [r[0] for r in book[book.sheetnames[2]].iter_rows(min_row=2, values_only=True)] == ["해남군"]


def test_the_budget_statement_pdf_reads_back(budget):
    text = PdfReader(io.BytesIO(statement.statement_pdf(2024))).pages[0].extract_text()
    flat = "".join(text.split())
    assert "2024" in text and "지역특화형비자정착지원금" in flat and "44,000,000" in text
    assert "989,000,000" in text  # the total


def test_the_ledger_export_neutralises_formulas(line, approver):
    services.budget_commit(line=line, amount=1000, decision='=HYPERLINK("http://x")', actor=approver)
    book = load_workbook(io.BytesIO(statement.ledger_xlsx(LedgerEntry.objects.all())))
    decisions = [r[9] for r in book.active.iter_rows(min_row=2, values_only=True)]
    assert '\'=HYPERLINK("http://x")' in decisions
