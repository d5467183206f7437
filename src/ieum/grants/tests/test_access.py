"""Every grants page against every role (ieum.core.testing): program officers decide (a county
officer only for that county's people), counselors help file but never decide or pay, residents
see their own applications, analysts the aggregate statement only; employers, partners and
interpreters nothing."""

from __future__ import annotations

import pytest

from ieum.core.models import Municipality, Role, User
from ieum.core.testing import client_for, login_staff, open_case_for, role_users, wrongly_treated
from ieum.grants.models import LedgerEntry
from ieum.grants.payments import payment_batch_create
from ieum.grants.services import application_approve, application_prepare
from ieum.grants.tests.conftest import eligible_resident, file_application, officer_user

COVERED_PATTERNS = {
    "grants/",
    "grants/budget/<int:line_id>/",
    "grants/budget/<int:line_id>/entries/",
    "grants/ledger/",
    "grants/ledger.xlsx",
    "grants/ledger/<int:entry_id>/reverse/",
    "grants/statement/<int:year>.xlsx",
    "grants/statement/<int:year>.pdf",
    "grants/programs/",
    "grants/programs/<int:program_id>/",
    "grants/applications/",
    "grants/applications/new/<int:resident_id>/",
    "grants/applications/<int:application_id>/",
    "grants/applications/<int:application_id>/prepare/",
    "grants/applications/<int:application_id>/approve/",
    "grants/applications/<int:application_id>/reject/",
    "grants/batches/",
    "grants/batches/<int:batch_id>/",
    "grants/batches/<int:batch_id>/bank-file/",
    "grants/payments/<int:payment_id>/retry/",
    "grants/payments/<int:payment_id>/hand-over/",
    "grants/entitlements/<int:entitlement_id>/clawback/",
    "grants/my/",
    "grants/my/apply/<int:program_id>/",
    "grants/my/<int:application_id>/",
    "api/v1/grants/statement/<year>",
    "api/v1/grants/applications/<application_id>",
}

DECIDERS = {"officer", "county_officer_other", "admin"}
PROVINCE = {"officer", "admin"}
RESIDENTS = {"resident_self", "resident_other"}


@pytest.fixture
def world(program):
    yeongam = Municipality.objects.get(code="46830")
    users = role_users(county_other=yeongam)
    # Person A lives in Haenam (paid by bank transfer); the Yeongam officer must not reach her.
    a = eligible_resident("46820", user=users["resident_self"])
    # The counselor has a case of A; the other counselor has none (privacy issue §1).
    open_case_for(users["counselor"], a)
    users["counselor_other"] = User.objects.create_user(
        "counselor-other", password="x" * 12, role=Role.COUNSELOR
    )
    eligible_resident("46820", user=users["resident_other"])
    application = file_application(program, a, users["counselor"])
    helper = officer_user("second-officer")
    application_prepare(application=application, actor=helper)
    entitlement = application_approve(application=application, actor=users["officer"])
    batch = payment_batch_create(program=program, method="bank", actor=helper)
    pending = file_application(program, eligible_resident("46820"), users["counselor"])
    return {
        "users": users,
        "a": a,
        "application": application,
        "pending": pending,
        "entitlement": entitlement,
        "payment": entitlement.payments.get(),
        "batch": batch,
        "program": program,
        "line": program.budget_line,
        "entry": LedgerEntry.objects.filter(kind="commitment").first(),
    }


def _check(world, allowed, method, url, data=None):
    def call(client):
        return client.post(url, data or {}) if method == "post" else client.get(url)

    wrong = wrongly_treated(world["users"], allowed, call)
    assert wrong == [], f"{method} {url}: {wrong}"


def test_budget_statement_and_ledger_pages(world):
    line, entry = world["line"], world["entry"]
    _check(world, DECIDERS | {"analyst"}, "get", "/grants/")
    _check(world, DECIDERS | {"analyst"}, "get", "/grants/statement/2024.xlsx")
    _check(world, DECIDERS | {"analyst"}, "get", "/grants/statement/2024.pdf")
    _check(world, DECIDERS, "get", f"/grants/budget/{line.pk}/")
    _check(world, DECIDERS, "get", "/grants/ledger/")
    _check(world, DECIDERS, "get", "/grants/ledger.xlsx")
    _check(
        world,
        PROVINCE,
        "post",
        f"/grants/budget/{line.pk}/entries/",
        {"kind": "commitment", "amount": "1000", "decision": "contract"},
    )
    _check(world, PROVINCE, "post", f"/grants/ledger/{entry.pk}/reverse/", {"reason": "wrong"})


def test_programs_and_application_queue(world):
    program = world["program"]
    desk = DECIDERS | {"counselor", "counselor_other"}
    _check(world, desk, "get", "/grants/programs/")
    _check(world, desk, "get", f"/grants/programs/{program.pk}/")
    _check(world, DECIDERS, "get", "/grants/applications/")


def test_filing_and_deciding_an_application(world):
    a, application, pending = world["a"], world["application"], world["pending"]
    _check(world, PROVINCE | {"counselor"}, "get", f"/grants/applications/new/{a.pk}/")
    # The counselor who filed it follows it; the Yeongam officer does not reach a Haenam person.
    _check(world, PROVINCE | {"counselor"}, "get", f"/grants/applications/{application.pk}/")
    for action in ("prepare", "approve", "reject"):
        _check(world, PROVINCE, "post", f"/grants/applications/{pending.pk}/{action}/", {"note": "ok"})


def test_batches_bank_files_and_payments(world):
    batch, payment, entitlement = world["batch"], world["payment"], world["entitlement"]
    _check(world, PROVINCE, "get", "/grants/batches/")
    _check(world, PROVINCE, "post", "/grants/batches/", {"program": world["program"].pk, "method": "bank"})
    _check(world, PROVINCE, "get", f"/grants/batches/{batch.pk}/")
    _check(world, PROVINCE, "post", f"/grants/batches/{batch.pk}/")
    _check(world, PROVINCE, "get", f"/grants/batches/{batch.pk}/bank-file/")
    _check(world, PROVINCE, "post", f"/grants/payments/{payment.pk}/retry/")
    _check(
        world,
        PROVINCE,
        "post",
        f"/grants/payments/{payment.pk}/hand-over/",
        {"serials": "A", "face_value": 1},
    )
    _check(
        world,
        PROVINCE,
        "post",
        f"/grants/entitlements/{entitlement.pk}/clawback/",
        {"broken_on": "2026-11-26", "reason": "moved"},
    )


def test_residents_see_only_their_own_application(world):
    _check(world, RESIDENTS, "get", "/grants/my/")
    _check(world, RESIDENTS, "get", f"/grants/my/apply/{world['program'].pk}/")
    _check(world, {"resident_self"}, "get", f"/grants/my/{world['application'].pk}/")


def test_a_county_officer_reaches_the_applications_of_their_own_county(world, client):
    haenam_officer = officer_user("haenam-officer", Municipality.objects.get(code="46820"))
    login_staff(client, haenam_officer)
    assert client.get(f"/grants/applications/{world['application'].pk}/").status_code == 200
    yeongam = client_for(world["users"]["county_officer_other"])
    page = yeongam.get("/grants/applications/").content.decode()
    assert world["a"].name not in page
    # County officers see the budget but post nothing on it, nor make batches.
    assert client.post(f"/grants/budget/{world['line'].pk}/entries/", {}).status_code == 403
    assert client.get("/grants/batches/").status_code == 403


def test_the_api_answers_like_the_pages(world):
    _check(world, DECIDERS | {"analyst"}, "get", "/api/v1/grants/statement/2024")
    _check(
        world,
        PROVINCE | {"counselor", "resident_self"},
        "get",
        f"/api/v1/grants/applications/{world['application'].pk}",
    )
    client = client_for(world["users"]["resident_self"])
    body = client.get(f"/api/v1/grants/applications/{world['application'].pk}").json()
    assert body["account_masked"] == "********7890" and body["payments"][0]["status"] == "pending"
    assert client.get("/api/v1/grants/statement/1999").status_code == 403
