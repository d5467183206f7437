"""XLSX export of the placement outcomes (aggregates, formula-injection safe)."""

from __future__ import annotations

import io
from typing import Any

from django.utils.translation import gettext as _
from openpyxl import Workbook

COLUMNS = (
    "key",
    "candidates",
    "hires",
    "hire_rate",
    "median_days_to_fill",
    "retention_3m",
    "retention_6m",
    "retention_12m",
    "workplace_changes",
)


def safe(value: Any) -> Any:
    """A text cell starting with = + - @ would run as a formula in a spreadsheet."""
    if isinstance(value, str) and value[:1] in ("=", "+", "-", "@"):
        return "'" + value
    return value


def report_xlsx(data: dict[str, list[dict]]) -> bytes:
    book = Workbook()
    book.remove(book.active)
    titles = {"industry": _("Industry"), "county": _("City or county"), "nationality": _("Nationality")}
    for dimension, rows in data.items():
        sheet = book.create_sheet(str(titles.get(dimension, dimension))[:31])
        sheet.append([str(titles.get(dimension, dimension)), *COLUMNS[1:]])
        for row in rows:
            if row["suppressed"]:
                sheet.append([safe(row["key"]), _("fewer than 5 people")])
                continue
            sheet.append([safe(row.get(c)) for c in COLUMNS])
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()
