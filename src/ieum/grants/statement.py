"""The budget statement (execution per line, program and county) as XLSX and PDF, and the ledger
export. Figures come from the ledger entries themselves, so the statement equals the ledger."""

from __future__ import annotations

import io
from typing import Any

from django.utils.translation import gettext as _
from openpyxl import Workbook

from ieum.grants import selectors
from ieum.grants.bankfiles import safe_cell
from ieum.grants.models import LedgerEntry
from ieum.lib.pdf import PdfDocument


def _headers() -> list[str]:
    return [_("Budget line"), _("Allocated"), _("Committed"), _("Spent"), _("Available"), _("Execution rate")]


def _row(b: selectors.Balance) -> list[Any]:
    rate = round(b.spent / b.allocated, 4) if b.allocated else 0
    return [b.label, b.allocated, b.committed, b.spent, b.available, rate]


def _total(balances: list[selectors.Balance]) -> selectors.Balance:
    return selectors.Balance(
        _("Total"),
        sum(b.allocated for b in balances),
        sum(b.committed for b in balances),
        sum(b.spent for b in balances),
    )


def statement_xlsx(year: int) -> bytes:
    wb = Workbook()
    ws = wb.active
    ws.title = str(year)
    ws.append([_("Budget statement %(year)s") % {"year": year}])
    ws.append(_headers())
    lines = selectors.balances_by_line(year)
    for b in [*lines, _total(lines)]:
        row = _row(b)
        ws.append([safe_cell(row[0]), *row[1:]])
    for title, balances in (
        (_("By program"), selectors.balances_by_program(year)),
        (_("By city or county"), selectors.balances_by_county(year)),
    ):
        sheet = wb.create_sheet(title[:31])
        sheet.append([_("Name"), _("Committed"), _("Spent")])
        for b in balances:
            sheet.append([safe_cell(b.label), b.committed, b.spent])
    out = io.BytesIO()
    wb.save(out)
    return out.getvalue()


def _won(value: int) -> str:
    return f"{value:,}"


def statement_pdf(year: int) -> bytes:
    doc = PdfDocument(title=_("Budget statement %(year)s") % {"year": year})
    doc.heading(_("Budget statement %(year)s") % {"year": year})
    lines = selectors.balances_by_line(year)
    rows = [_headers()]
    for b in [*lines, _total(lines)]:
        label, allocated, committed, spent, available, rate = _row(b)
        rows.append([label, _won(allocated), _won(committed), _won(spent), _won(available), f"{rate:.1%}"])
    doc.table(rows, col_widths=(3.4, 2, 2, 2, 2, 1.4))
    return doc.output()


def ledger_xlsx(entries: Any) -> bytes:
    """Entries as rows; names and decisions are neutralised against formula injection."""
    wb = Workbook()
    ws = wb.active
    ws.title = _("Ledger")[:31]
    ws.append(
        [
            _("Date"),
            _("Budget line"),
            _("Kind"),
            _("Allocated"),
            _("Committed"),
            _("Spent"),
            _("Program"),
            _("City or county"),
            _("Person"),
            _("Decision"),
            _("Made by"),
            _("Corrects entry"),
        ]
    )
    kinds = dict(LedgerEntry.Kind.choices)
    for e in entries:
        ws.append(
            [
                e.at.strftime("%Y-%m-%d %H:%M"),
                safe_cell(e.line.name_ko),
                str(kinds.get(e.kind, e.kind)),
                e.allocated_delta,
                e.committed_delta,
                e.spent_delta,
                safe_cell(e.program.name_ko if e.program else ""),
                safe_cell(e.municipality.name_ko if e.municipality else ""),
                safe_cell(e.resident.name if e.resident else ""),
                safe_cell(e.decision),
                safe_cell(e.actor.get_username() if e.actor else ""),
                e.reverses_id or "",
            ]
        )
    out = io.BytesIO()
    wb.save(out)
    return out.getvalue()
