"""Analytics pages in the workspace (analysts and administrators; de-identified data only)."""

from __future__ import annotations

import math

from django.contrib import messages
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from ieum.core.decorators import staff_required
from ieum.core.http import AuthedRequest
from ieum.insights import access, charts, projection, reports, selectors, services
from ieum.insights.forms import ScenarioForm
from ieum.insights.models import Scenario
from ieum.surveys import formdef
from ieum.surveys.models import Survey


@staff_required
def dashboard(request: AuthedRequest) -> HttpResponse:
    access.require_analytics(request.user)
    by_county = selectors.residents_by_county()
    surveys = list(Survey.objects.order_by("title"))
    survey = next(
        (s for s in surveys if str(s.pk) == request.GET.get("survey")), surveys[0] if surveys else None
    )
    questions, counts, question = [], [], ""
    if survey is not None and survey.current is not None:
        definition = survey.current.definition
        language = formdef.language_key(definition, request.LANGUAGE_CODE)
        questions = [
            (item.name, formdef.text(item.label, language) or item.name)
            for item, repeat in formdef.data_fields(definition)
            if repeat is None and item.type in (formdef.SELECT_ONE, formdef.SELECT_MULTIPLE)
        ]
        question = request.GET.get("question") or (questions[0][0] if questions else "")
        counts = selectors.answer_counts(survey_id=survey.pk, question=question)
    return render(
        request,
        "insights/dashboard.html",
        {
            "county_chart": charts.bar_chart(by_county, title=_("Registered residents by city or county")),
            "by_county": by_county,
            "cube": selectors.residents_cube()[:300],
            "surveys": surveys,
            "survey": survey,
            "questions": questions,
            "question": question,
            "counts": counts,
            "answer_chart": charts.bar_chart([(v, float(n)) for v, n in counts], title=_("Answers"))
            if counts
            else "",
        },
    )


@staff_required
def labor(request: AuthedRequest) -> HttpResponse:
    access.require_analytics(request.user)
    demand = selectors.labor_demand()
    supply = selectors.labor_supply()
    keys = sorted(set(demand) | set(supply))
    rows = [
        (
            industry,
            county,
            demand.get((industry, county), {}).get("vacancies", 0),
            demand.get((industry, county), {}).get("hard_to_fill", 0),
            supply.get((industry, county), 0),
        )
        for industry, county in keys
    ]
    counties, industries, matrix = selectors.employment_matrix()
    lq = projection.location_quotients(matrix) if matrix.size else matrix
    lq_rows = [
        (county, [None if math.isnan(v) else round(float(v), 2) for v in lq[n]])
        for n, county in enumerate(counties)
    ]
    vacancies_by_industry: dict[str, float] = {}
    for industry, _county, vacancies, _hard, _supply in rows:
        vacancies_by_industry[industry] = vacancies_by_industry.get(industry, 0) + vacancies
    return render(
        request,
        "insights/labor.html",
        {
            "rows": rows,
            "industries": industries,
            "lq_rows": lq_rows,
            "chart": charts.bar_chart(
                sorted(vacancies_by_industry.items()), title=_("Vacancies by industry")
            ),
        },
    )


@staff_required
def projection_page(request: AuthedRequest) -> HttpResponse:
    access.require_analytics(request.user)
    counties = selectors.population_counties()
    chosen = [c for c in request.GET.getlist("county") if c in dict(counties)] or [c for c, _n in counties]
    series: dict[str, list[float]] = {}
    years: list[int] = []
    for code, name in counties:
        if code in chosen:
            result = selectors.working_age_projection(code)
            if result:
                years, series[name] = result
    gap_years, industries, gap = selectors.labor_gap_by_industry(chosen)
    return render(
        request,
        "insights/projection.html",
        {
            "counties": counties,
            "chosen": chosen,
            "years": years,
            "series": series,
            "chart": charts.line_chart(
                years, series, title=_("Working-age population (15–64) by city or county")
            )
            if series
            else "",
            "industries": industries,
            "gap_rows": [(y, [round(float(v)) for v in gap[i]]) for i, y in enumerate(gap_years)]
            if industries
            else [],
        },
    )


@staff_required
@require_http_methods(["GET", "POST"])
def scenarios(request: AuthedRequest) -> HttpResponse:
    access.require_analytics(request.user)
    form = ScenarioForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        scenario = services.scenario_create(
            name=form.cleaned_data["name"], assumptions=form.assumptions(), actor=request.user
        )
        messages.success(request, _("Scenario “%(name)s” saved.") % {"name": scenario.name})
        return redirect("insights:scenarios")
    return render(
        request,
        "insights/scenarios.html",
        {"form": form, "scenarios": Scenario.objects.all()[:50]},
        status=400 if request.method == "POST" else 200,
    )


def _chosen(request: AuthedRequest) -> list[Scenario]:
    ids = [int(i) for i in request.GET.getlist("id") if i.isdigit()][:4]
    return [access.get_scenario_for_user(request.user, i) for i in ids]


@staff_required
def compare(request: AuthedRequest) -> HttpResponse:
    access.require_analytics(request.user)
    chosen = _chosen(request)
    items = reports.runs(chosen)
    years = sorted({y.year for run in items for y in run.years})
    return render(
        request,
        "insights/compare.html",
        {
            "items": items,
            "ids": [s.pk for s in chosen],
            "header": reports.result_header(),
            "tables": [(run, reports.result_rows(run)) for run in items],
            "chart": charts.line_chart(
                years,
                {run.name: [float(y.workforce) for y in run.years] for run in items},
                title=_("Projected foreign workforce by year"),
            )
            if items
            else "",
        },
    )


@staff_required
def report(request: AuthedRequest, fmt: str) -> HttpResponse:
    access.require_analytics(request.user)
    items = reports.runs(_chosen(request))
    if not items:
        return redirect("insights:scenarios")
    if fmt == "pdf":
        response = HttpResponse(reports.pdf_report(items), content_type="application/pdf")
    else:
        response = HttpResponse(
            reports.xlsx_report(items),
            content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        )
    response["Content-Disposition"] = f'attachment; filename="scenarios.{fmt}"'
    return response
