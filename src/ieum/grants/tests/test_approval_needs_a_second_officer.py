from __future__ import annotations

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction

from ieum.grants.models import Application, Entitlement, LedgerEntry, Payment
from ieum.grants.services import application_approve, application_prepare
from ieum.grants.tests.conftest import eligible_resident, file_application, prepared_application


def test_the_officer_who_prepared_cannot_approve(program, preparer):
    application = prepared_application(program, preparer)
    with pytest.raises(ValidationError) as exc:
        application_approve(application=application, actor=preparer)
    assert exc.value.code == "four_eyes"
    assert not Entitlement.objects.exists()


def test_the_database_refuses_an_approver_equal_to_the_preparer(program, preparer):
    application = prepared_application(program, preparer)
    with pytest.raises(IntegrityError), transaction.atomic():
        Application.objects.filter(pk=application.pk).update(approved_by=preparer, status="approved")


def test_a_second_officer_approves_commits_the_amount_and_creates_one_payment(
    program, preparer, approver, line
):
    application = prepared_application(program, preparer)
    entitlement = application_approve(application=application, actor=approver)
    line.refresh_from_db()
    assert entitlement.amount_krw == 600_000
    assert line.committed == 600_000 and line.spent == 0
    payment = Payment.objects.get(entitlement=entitlement)
    assert payment.attempt == 1 and payment.status == "pending" and len(payment.idempotency_key) == 32
    entry = LedgerEntry.objects.get(kind="commitment")
    assert entry.actor == approver and entry.decision == f"approval of application {application.pk}"
    assert entry.resident == application.resident
    events = list(application.resident.timeline.filter(service="grants").values_list("kind", flat=True))
    assert {"grants.applied", "grants.prepared", "grants.approved"} <= set(events)


def test_approving_twice_is_refused_and_changes_nothing(program, preparer, approver, line):
    application = prepared_application(program, preparer)
    application_approve(application=application, actor=approver)
    with pytest.raises(ValidationError):
        application_approve(application=application, actor=approver)
    line.refresh_from_db()
    assert line.committed == 600_000 and Entitlement.objects.count() == 1


def test_an_ineligible_application_cannot_be_prepared(program, preparer):
    application = file_application(program, eligible_resident("46820", moved_to="46830"), preparer)
    assert not application.eligible
    with pytest.raises(ValidationError):
        application_prepare(application=application, actor=preparer)


def test_a_second_open_application_for_the_same_program_is_refused(program, preparer):
    resident = eligible_resident("46820")
    file_application(program, resident, preparer)
    with pytest.raises(ValidationError):
        file_application(program, resident, preparer)


def test_the_bank_account_is_stored_encrypted_and_shown_masked(program, preparer):
    from ieum.core import keys

    application = file_application(program, eligible_resident("46820"), preparer)
    assert "567890" not in application.account_ciphertext
    assert keys.decrypt(application.account_ciphertext) == "110234567890"
    assert application.account_hint == "********7890"


def test_a_bad_account_number_is_refused_with_a_message(program, preparer):
    from ieum.grants.services import application_file

    with pytest.raises(ValidationError) as exc:
        application_file(
            program=program,
            resident=eligible_resident("46820"),
            actor=preparer,
            bank_code="034",
            account_number="12ab",
            account_holder="X",
        )
    assert "account_number" in exc.value.message_dict
    assert not Application.objects.exists()
