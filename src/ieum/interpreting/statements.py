"""The monthly statement of an interpreter as XLSX and PDF (contact-center issue, item 4)."""

from __future__ import annotations

import io

from django.utils import timezone
from django.utils.translation import gettext as _
from openpyxl import Workbook

from ieum.interpreting.selectors import Statement
from ieum.lib.pdf import PdfDocument


def safe_cell(value: object) -> object:
    """Neutralise formula injection: text starting with = + - @ gets a leading apostrophe."""
    if isinstance(value, str) and value[:1] in ("=", "+", "-", "@"):
        return "'" + value
    return value


def _rows(statement: Statement) -> list[list[object]]:
    rows: list[list[object]] = []
    for session in statement.sessions:
        rows.append(
            [
                timezone.localtime(session.started_at).strftime("%Y-%m-%d %H:%M"),
                session.request.language,
                session.request.get_modality_display(),
                session.get_outcome_display(),
                session.duration_minutes,
                session.amount,
            ]
        )
    return rows


def _header() -> list[str]:
    return [_("Started at"), _("Language"), _("Modality"), _("Outcome"), _("Minutes"), _("Amount (KRW)")]


def _title(statement: Statement) -> str:
    return _("Statement of %(name)s for %(year)s-%(month)02d") % {
        "name": statement.interpreter.name,
        "year": statement.year,
        "month": statement.month,
    }


def statement_xlsx(statement: Statement) -> bytes:
    book = Workbook()
    sheet = book.active
    sheet.title = f"{statement.year}-{statement.month:02d}"
    sheet.append([safe_cell(_title(statement))])
    sheet.append(_header())
    for row in _rows(statement):
        sheet.append([safe_cell(v) for v in row])
    sheet.append([_("Total"), "", "", statement.count, statement.minutes, statement.amount])
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def statement_pdf(statement: Statement) -> bytes:
    doc = PdfDocument(title=_title(statement))
    doc.heading(_title(statement))
    body = [[str(v) for v in row] for row in _rows(statement)]
    total = [_("Total"), "", "", str(statement.count), str(statement.minutes), f"{statement.amount:,}"]
    doc.table([_header(), *body, total])
    return doc.output()
