"""CSV formula injection across every CSV and XLSX export (issue 11, "Bad input").

For each export: a value a person typed is stored as a spreadsheet formula first, the export is
downloaded as a user who may take it, and the cell that carries the value must not start with
= + - @ (or a tab or carriage return before them), so a spreadsheet shows it as text. Each app
tests its own exports too; this one sweep makes sure none is left out
(`test_every_export_url_is_checked_or_said_why_not`).
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import re
import zipfile
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import pytest
from django.urls import get_resolver
from django.utils import timezone
from openpyxl import load_workbook

from ieum.core.testing import client_for

PAYLOAD = '=HYPERLINK("http://x","y")'
MARK = 'HYPERLINK("http://x","y")'
DANGEROUS_START = ("=", "+", "-", "@", "\t", "\r")
W = Any


@dataclass(frozen=True)
class Export:
    name: str
    pattern: str
    world: str
    role: str
    plant: Callable[[W], None]  # stores PAYLOAD where the export will show it
    url: Callable[[W], str]


def _casework(w: W) -> None:
    # The report counts cases by topic, named as an administrator wrote the topic's names (a
    # seeded topic's would come from the catalogue).
    from ieum.casework import services
    from ieum.casework.models import Topic

    Topic.objects.create(code="typed", name_ko=PAYLOAD, name_en=PAYLOAD, names={"en": PAYLOAD})
    services.case_open(
        channel="walk_in", topic="typed", language="vi", actor=w["users"]["admin"], auto_route=False
    )


def _ledger(w: W) -> None:
    from ieum.grants import services

    services.budget_commit(line=w["line"], amount=1000, decision=PAYLOAD, actor=w["users"]["officer"])


def _program_name(w: W) -> None:
    program = w["program"]
    program.name_ko = PAYLOAD
    program.save(update_fields=["name_ko"])


def _bank_file(w: W) -> None:
    from ieum.grants.payments import payment_batch_create
    from ieum.grants.services import application_approve, application_file, application_prepare
    from ieum.grants.tests.conftest import eligible_resident, officer_user

    application = application_file(
        program=w["program"],
        resident=eligible_resident("46820"),
        actor=w["users"]["counselor"],
        bank_code="034",
        account_number="110-234-567891",
        account_holder=PAYLOAD,
    )
    application_prepare(application=application, actor=officer_user("bank-preparer"))
    application_approve(application=application, actor=w["users"]["officer"])
    w["bank_batch"] = payment_batch_create(program=w["program"], method="bank", actor=w["users"]["officer"])


def _jobs_county(w: W) -> None:
    from ieum.core.models import Municipality
    from ieum.jobs.models import Placement, Vacancy
    from ieum.jobs.services import placement_advance
    from ieum.jobs.tests.conftest import make_seeker

    world = w["jobs"]
    Vacancy.objects.filter(pk=world.vacancy_a.pk).update(headcount=6)
    place = Municipality.objects.get(code="46830")
    for k in range(6):  # groups under five are suppressed
        seeker = make_seeker(f"WORKER {k}", status="F-5", place=place)
        placement_advance(vacancy=world.vacancy_a, seeker=seeker, stage="hired", actor=None)
    Placement.objects.update(hired_on=dt.date(2025, 1, 6))
    # A county's name is reference data an administrator edits.
    Municipality.objects.filter(pk=place.pk).update(name_en=PAYLOAD, name_ko=PAYLOAD)


def _track_quota(w: W) -> None:
    from ieum.visas import services

    track = w["track"]
    track.name = PAYLOAD
    track.save(update_fields=["name"])
    services.quota_set(
        program="track",
        track=track,
        year=timezone.localdate().year,
        municipality=w["a"].municipality,
        amount=5,
        industry="31",
        actor=w["users"]["officer"],
        source="plan",
    )


def _interpreter_name(w: W) -> None:
    from ieum.interpreting.models import Interpreter

    Interpreter.objects.filter(pk=w["ids"]["mine"]).update(name=PAYLOAD)


def _scenario(w: W) -> None:
    from ieum.insights.models import Scenario

    w["scenario"] = Scenario.objects.create(
        name=PAYLOAD, assumptions={"start_year": 2026, "years": 2, "quotas": [], "retention": {}}
    )


def _survey_answer(fmt: str):
    def plant(w: W) -> None:
        from ieum.surveys.services import submission_create
        from ieum.surveys.tests.conftest import GOOD_ANSWERS

        submission_create(version=w["version"], answers={**GOOD_ANSWERS, "employer": PAYLOAD}, language="vi")
        # The export is made by a POST; the download is the file it wrote.
        response = client_for(w["users"]["analyst"]).post(
            f"/surveys/manage/{w['survey'].pk}/export/", {"format": fmt, "language": ""}
        )
        w["export_url"] = response["Location"] + "?download=1"

    return plant


def _grants(users_key: str = "officer") -> dict[str, Any]:
    return {"world": "grants_access_world", "role": users_key}


YEAR = timezone.localdate().year
EXPORTS = [
    Export(
        "casework report",
        "workspace/cases/reports/export.xlsx",
        "casework_access_world",
        "analyst",
        _casework,
        lambda w: "/workspace/cases/reports/export.xlsx",
    ),
    Export(
        "grants ledger", "grants/ledger.xlsx", **_grants(), plant=_ledger, url=lambda w: "/grants/ledger.xlsx"
    ),
    Export(
        "grants statement",
        "grants/statement/<int:year>.xlsx",
        **_grants(),
        plant=lambda w: (_ledger(w), _program_name(w)),
        url=lambda w: f"/grants/statement/{w['line'].fiscal_year}.xlsx",
    ),
    Export(
        "grants bank file",
        "grants/batches/<int:batch_id>/bank-file/",
        **_grants(),
        plant=_bank_file,
        url=lambda w: f"/grants/batches/{w['bank_batch'].pk}/bank-file/",
    ),
    Export(
        "jobs placements report",
        "jobs/workspace/report.xlsx",
        "jobs_w",
        "officer",
        _jobs_county,
        lambda w: "/jobs/workspace/report.xlsx",
    ),
    Export(
        "visa quotas",
        "visas/quotas.xlsx",
        "visas_access_world",
        "officer",
        _track_quota,
        lambda w: f"/visas/quotas.xlsx?year={YEAR}",
    ),
    Export(
        "interpreter statement",
        "workspace/interpreting/statements/<int:interpreter_id>/<int:year>/<int:month>/<str:fmt>/",
        "interpreting_w",
        "coordinator",
        _interpreter_name,
        lambda w: (
            f"/workspace/interpreting/statements/{w['ids']['mine']}/{YEAR}/{timezone.localdate().month}/xlsx/"
        ),
    ),
    Export(
        "policy scenarios report",
        "workspace/insights/scenarios/report.<str:fmt>",
        "insights_w",
        "analyst",
        _scenario,
        lambda w: f"/workspace/insights/scenarios/report.xlsx?id={w['scenario'].pk}",
    ),
    Export(
        "survey export (CSV)",
        "surveys/manage/exports/<int:export_id>/",
        "surveys_w",
        "analyst",
        _survey_answer("csv"),
        lambda w: w["export_url"],
    ),
    Export(
        "survey export (XLSX)",
        "surveys/manage/exports/<int:export_id>/",
        "surveys_w",
        "analyst",
        _survey_answer("xlsx"),
        lambda w: w["export_url"],
    ),
]
NOT_CHECKED = {
    "visas/indicators.xlsx": "only the fixed names of the indicators and numbers: nothing typed",
    "grants/statement/<int:year>.pdf": "a PDF, which no spreadsheet runs",
    "surveys/manage/<int:survey_id>/export/": "makes the export (a POST); the download is checked",
    "my/requests/my-data.json": "JSON for the person themselves, not a spreadsheet",
}
EXPORT_LIKE = re.compile(r"\.(xlsx|csv|json)$|<str:fmt>|export|bank-file")


def _cells(response) -> list[str]:
    """Every text cell of the download: a workbook, a CSV, or a zip of CSVs."""
    body = b"".join(response.streaming_content) if response.streaming else response.content
    if body.startswith(b"PK"):
        with zipfile.ZipFile(io.BytesIO(body)) as archive:
            names = archive.namelist()
            if not any(n.endswith(".csv") for n in names):
                book = load_workbook(io.BytesIO(body), read_only=True)
                return [
                    c for sheet in book.worksheets for row in sheet.iter_rows(values_only=True) for c in row
                ]
            texts = [archive.read(n).decode("utf-8-sig") for n in names if n.endswith(".csv")]
    else:
        texts = [body.decode("utf-8-sig")]
    return [cell for text in texts for row in csv.reader(io.StringIO(text)) for cell in row]


@pytest.mark.django_db
@pytest.mark.parametrize("export", EXPORTS, ids=[e.name for e in EXPORTS])
def test_an_export_shows_a_typed_formula_as_text(export, request):
    world = request.getfixturevalue(export.world)
    export.plant(world)
    response = client_for(world["users"][export.role]).get(export.url(world))
    assert response.status_code == 200, export.url(world)
    carrying = [c for c in _cells(response) if isinstance(c, str) and MARK in c]
    assert carrying, f"{export.name}: the stored value is not in the export"
    assert [c for c in carrying if c.startswith(DANGEROUS_START)] == []


def test_every_export_url_is_checked_or_said_why_not():
    def patterns(items=None, prefix=""):
        for p in items if items is not None else get_resolver().url_patterns:
            if hasattr(p, "url_patterns"):
                yield from patterns(p.url_patterns, prefix + str(p.pattern))
            else:
                yield prefix + str(p.pattern)

    exports = {p for p in patterns() if not p.startswith(("admin/", "api/")) and EXPORT_LIKE.search(p)}
    checked = {e.pattern for e in EXPORTS} | set(NOT_CHECKED)
    assert sorted(exports - checked) == [], "check these exports for formula injection"
