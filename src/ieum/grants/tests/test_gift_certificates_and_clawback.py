"""Yeongam pays in local gift certificates (facts.md §8); a broken obligation claws back."""

from __future__ import annotations

import datetime as dt

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from ieum.grants.models import GiftCertificate, LedgerEntry
from ieum.grants.payments import gift_certificates_hand_over, grant_clawback
from ieum.grants.services import application_approve
from ieum.grants.tests.conftest import prepared_application


@pytest.fixture
def yeongam_grant(program, preparer, approver):
    application = prepared_application(program, preparer, county="46830")
    assert application.payment_method == "gift" and application.account_ciphertext == ""
    return application_approve(application=application, actor=approver)


def test_a_hand_over_records_the_serials_and_pays_the_grant(yeongam_grant, approver, line):
    payment = yeongam_grant.payments.get()
    serials = [f"YA-2026-{n:05d}" for n in range(60)]
    gift_certificates_hand_over(payment=payment, serials=serials, face_value=10_000, actor=approver)
    payment.refresh_from_db()
    assert payment.status == "paid" and payment.handed_over_by == approver
    assert GiftCertificate.objects.filter(payment=payment).count() == 60
    line.refresh_from_db()
    assert (line.committed, line.spent) == (0, 600_000)


def test_certificates_that_do_not_make_up_the_amount_are_refused(yeongam_grant, approver):
    payment = yeongam_grant.payments.get()
    with pytest.raises(ValidationError):
        gift_certificates_hand_over(payment=payment, serials=["A1", "A2"], face_value=10_000, actor=approver)
    with pytest.raises(ValidationError):
        gift_certificates_hand_over(payment=payment, serials=["A1"] * 60, face_value=10_000, actor=approver)
    payment.refresh_from_db()
    assert payment.status == "pending" and not GiftCertificate.objects.exists()


def test_a_paid_grant_is_clawed_back_when_the_obligation_breaks_inside_the_window(
    yeongam_grant, approver, line
):
    payment = yeongam_grant.payments.get()
    gift_certificates_hand_over(
        payment=payment, serials=[f"S{n}" for n in range(6)], face_value=100_000, actor=approver
    )
    entry = grant_clawback(
        entitlement=yeongam_grant, broken_on=timezone.localdate(), reason="moved to Seoul", actor=approver
    )
    assert (
        entry.kind == "clawback"
        and entry.spent_delta == -600_000
        and entry.resident == yeongam_grant.resident
    )
    yeongam_grant.refresh_from_db()
    assert yeongam_grant.status == "clawed_back"
    assert yeongam_grant.resident.timeline.filter(kind="grants.clawback").exists()
    with pytest.raises(ValidationError):
        grant_clawback(
            entitlement=yeongam_grant, broken_on=timezone.localdate(), reason="again", actor=approver
        )


def test_a_break_after_the_window_is_not_clawed_back(yeongam_grant, approver):
    late = yeongam_grant.program.obligation_until + dt.timedelta(days=1)
    with pytest.raises(ValidationError):
        grant_clawback(entitlement=yeongam_grant, broken_on=late, reason="moved", actor=approver)
    assert not LedgerEntry.objects.filter(kind="clawback").exists()


def test_an_unpaid_grant_clawed_back_releases_its_commitment(yeongam_grant, approver, line):
    grant_clawback(entitlement=yeongam_grant, broken_on=timezone.localdate(), reason="moved", actor=approver)
    line.refresh_from_db()
    assert line.committed == 0 and yeongam_grant.payments.get().status == "cancelled"
