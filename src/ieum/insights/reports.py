"""Scenario reports: PDF (ieum.lib.pdf, a bar chart drawn with fpdf2 rectangles) and XLSX (an
openpyxl line chart), both with every assumption written out."""

from __future__ import annotations

import re
from dataclasses import dataclass
from io import BytesIO

from django.utils.translation import gettext as _
from openpyxl import Workbook
from openpyxl.chart import LineChart, Reference

from ieum.insights.policy import Assumptions, YearResult, simulate
from ieum.lib.pdf import PdfDocument
from ieum.surveys.exports import safe

SHEET_UNSAFE = re.compile(r"[\][:*?/\\']")  # characters Excel refuses in a sheet name
COLOURS = [(37, 110, 244), (224, 96, 58), (31, 157, 85), (138, 75, 175)]


@dataclass
class Run:
    name: str
    assumptions: Assumptions
    years: list[YearResult]

    @property
    def assumption_rows(self) -> list[tuple[str, str]]:
        return assumption_rows(self.assumptions)


def runs(scenarios) -> list[Run]:
    from ieum.insights.policy import assumptions_from_dict

    out = []
    for scenario in scenarios:
        a = assumptions_from_dict(scenario.assumptions)
        out.append(Run(scenario.name, a, simulate(a)))
    return out


def assumption_rows(a: Assumptions) -> list[tuple[str, str]]:
    """The assumptions written out in the reader's language (the form's own labels)."""
    from ieum.insights.forms import ScenarioForm

    fields = ScenarioForm.base_fields
    named = {
        "start_year": fields["start_year"].label,
        "years": fields["years"].label,
        "fill_rate": fields["fill_rate"].label,
        "grant_reach": fields["grant_reach"].label,
        "grant_effect": fields["grant_effect"].label,
        "korean_seats": fields["korean_seats"].label,
        "korean_completion": fields["korean_completion"].label,
        "retention E-7-4R": fields["retention_e74r"].label,
        "retention F-2-R": fields["retention_f2r"].label,
        "retention province": fields["retention_province"].label,
    }
    rows = []
    for key, value in a.as_rows():
        kind, _sep, rest = key.partition(" ")
        if key in named:
            rows.append((str(named[key]), value))
        elif kind == "gap":
            rows.append((_("Labour gap, industry %(industry)s") % {"industry": rest}, value))
        elif kind == "quota":
            track, industry, county = rest.split(" ", 2)
            rows.append(
                (
                    _("Quota per year, %(track)s, industry %(industry)s, county %(county)s")
                    % {"track": track, "industry": industry, "county": county},
                    value,
                )
            )
        else:
            rows.append((key, value))
    return rows


def result_header() -> list[str]:
    return [
        _("Year"),
        _("Foreign workforce"),
        _("Labour gap closed (%)"),
        _("Settled"),
        _("Reached by the grant"),
    ]


def result_rows(run: Run) -> list[list[object]]:
    return [
        [y.year, y.workforce, round(100 * y.gap_closed, 1), y.settled, y.grant_recipients] for y in run.years
    ]


def pdf_report(items: list[Run]) -> bytes:
    doc = PdfDocument(title=_("Policy scenarios"))
    doc.heading(_("Policy scenarios"))
    doc.paragraph(_("Projected foreign workforce by year"), bold=True)
    _draw_bars(doc, items)
    for run in items:
        doc.heading(run.name, level=2)
        doc.table([result_header(), *result_rows(run)])
        doc.paragraph(_("Assumptions"), bold=True)
        doc.table([[_("Assumption"), _("Value")], *assumption_rows(run.assumptions)], size=8.5)
    return doc.output()


def _draw_bars(doc: PdfDocument, items: list[Run]) -> None:
    pdf = doc.fpdf
    years = sorted({y.year for run in items for y in run.years})
    top = max((y.workforce for run in items for y in run.years), default=0) or 1
    x0, y0, chart_w, chart_h = pdf.l_margin, pdf.get_y() + 2, pdf.epw, 55
    group_w = chart_w / max(len(years), 1)
    bar_w = group_w * 0.8 / max(len(items), 1)
    pdf.set_draw_color(150, 150, 150)
    pdf.line(x0, y0 + chart_h, x0 + chart_w, y0 + chart_h)
    pdf.set_font_size(7)
    for g, year in enumerate(years):
        for n, run in enumerate(items):
            value = next((y.workforce for y in run.years if y.year == year), 0)
            h = chart_h * value / top
            pdf.set_fill_color(*COLOURS[n % len(COLOURS)])
            pdf.rect(x0 + g * group_w + n * bar_w + group_w * 0.1, y0 + chart_h - h, bar_w, h, style="F")
        pdf.text(x0 + g * group_w + group_w * 0.35, y0 + chart_h + 4, str(year))
    for n, run in enumerate(items):
        pdf.set_fill_color(*COLOURS[n % len(COLOURS)])
        pdf.rect(x0 + n * 50, y0 + chart_h + 7, 3, 3, style="F")
        pdf.text(x0 + n * 50 + 5, y0 + chart_h + 9.5, run.name[:30])
    pdf.set_y(y0 + chart_h + 14)
    pdf.set_font_size(11)


def xlsx_report(items: list[Run]) -> bytes:
    book = Workbook()
    results = book.active
    results.title = "results"
    years = sorted({y.year for run in items for y in run.years})
    results.append([_("Year"), *(safe(run.name) for run in items)])
    for year in years:
        results.append(
            [year, *(next((y.workforce for y in run.years if y.year == year), None) for run in items)]
        )
    chart = LineChart()
    chart.title = _("Projected foreign workforce by year")
    chart.y_axis.title = _("Foreign workforce")
    chart.x_axis.title = _("Year")
    chart.add_data(
        Reference(results, min_col=2, max_col=1 + len(items), min_row=1, max_row=1 + len(years)),
        titles_from_data=True,
    )
    chart.set_categories(Reference(results, min_col=1, min_row=2, max_row=1 + len(years)))
    results.add_chart(chart, f"{chr(ord('B') + len(items) + 1)}2")
    for number, run in enumerate(items, start=1):
        sheet = book.create_sheet(f"{number} {SHEET_UNSAFE.sub('', run.name)}"[:31])
        sheet.append(result_header())
        for row in result_rows(run):
            sheet.append(row)
        sheet.append([])
        sheet.append([_("Assumption"), _("Value")])
        for key, value in assumption_rows(run.assumptions):
            sheet.append([safe(key), safe(value)])
    out = BytesIO()
    book.save(out)
    return out.getvalue()
