"""The closed loop: the partner sees only the consented items, accepts, books, reports the outcome;
the outcome reaches the case and the resident's timeline, and the resident is told in their own
language."""

from __future__ import annotations

import datetime as dt

import pytest
from django.utils import timezone

from ieum.casework.models import CaseNote
from ieum.casework.services import case_open
from ieum.core.testing import client_for
from ieum.notify.models import Delivery
from ieum.notify.services import delivery_text
from ieum.referrals.models import Referral
from ieum.referrals.services import referral_create
from ieum.referrals.tests.conftest import give_consent


@pytest.fixture
def referral(resident, hospital, counselor):
    give_consent(resident, hospital, counselor, items=("name", "contact", "case_summary"))
    resident.address = "비밀 주소 99"
    resident.save(update_fields=["address"])
    case = case_open(
        channel="phone", topic="health", language="vi", actor=counselor, resident=resident, auto_route=False
    )
    return referral_create(
        resident=resident,
        partner=hospital,
        purpose="medical",
        items=["name", "contact", "case_summary"],
        message="Khmer-speaking patient needs surgery interpretation",
        actor=counselor,
        case=case,
    )


def test_the_partner_sees_only_the_consented_items(referral, hospital_user):
    page = client_for(hospital_user).get(f"/referrals/inbox/{referral.pk}/")
    text = page.content.decode()
    assert page.status_code == 200
    assert "NGUYEN THI LAN" in text
    assert "+821012345678" in text
    assert "surgery interpretation" in text
    assert "비밀 주소 99" not in text  # the address was not consented


def test_the_inbox_lists_only_the_partners_own_referrals(referral, hospital_user, other_partner_user):
    assert (
        f"/referrals/inbox/{referral.pk}/"
        in client_for(hospital_user).get("/referrals/inbox/").content.decode()
    )
    assert f"/referrals/inbox/{referral.pk}/" not in (
        client_for(other_partner_user).get("/referrals/inbox/").content.decode()
    )
    assert client_for(other_partner_user).get(f"/referrals/inbox/{referral.pk}/").status_code == 404


def test_accept_book_and_report_closes_the_loop(referral, hospital_user, django_capture_on_commit_callbacks):
    partner = client_for(hospital_user)
    base = f"/referrals/inbox/{referral.pk}"
    assert partner.post(f"{base}/accept/").status_code == 302
    when = timezone.localtime(timezone.now() + dt.timedelta(days=3)).replace(hour=10, minute=0, second=0)
    with django_capture_on_commit_callbacks(execute=True):
        partner.post(
            f"{base}/appointment/", {"appointment_at": when.strftime("%Y-%m-%dT%H:%M"), "place": "2층"}
        )
    partner.post(f"{base}/outcome/", {"outcome": "Surgery done; follow-up in two weeks."})
    referral.refresh_from_db()
    assert referral.status == Referral.Status.COMPLETED
    assert referral.appointment_at is not None
    kinds = set(referral.resident.timeline.values_list("kind", flat=True))
    assert {"referral.accepted", "referral.appointment", "referral.completed"} <= kinds
    note = CaseNote.objects.get(case=referral.case)
    assert "follow-up in two weeks" in note.text
    assert not note.shareable
    # Told in Vietnamese: a booking confirmation now and a reminder the day before.
    sent = Delivery.objects.filter(resident=referral.resident).order_by("id")
    assert [d.template for d in sent] == ["care.booked", "care.reminder"]
    assert all(d.language == "vi" for d in sent)
    assert "Lịch hẹn" in delivery_text(sent[0])[1]
    assert sent[1].not_before is not None and sent[1].not_before < referral.appointment_at


def test_declining_needs_a_reason_and_changes_nothing_without_one(referral, hospital_user):
    partner = client_for(hospital_user)
    response = partner.post(f"/referrals/inbox/{referral.pk}/decline/", {"decline_reason": ""})
    assert response.status_code == 400
    referral.refresh_from_db()
    assert referral.status == Referral.Status.SENT
    partner.post(f"/referrals/inbox/{referral.pk}/decline/", {"decline_reason": "No Khmer interpreter today"})
    referral.refresh_from_db()
    assert referral.status == Referral.Status.DECLINED
    assert "No Khmer interpreter today" in CaseNote.objects.get(case=referral.case).text


def test_an_appointment_in_the_past_is_refused(referral, hospital_user):
    partner = client_for(hospital_user)
    partner.post(f"/referrals/inbox/{referral.pk}/accept/")
    partner.post(f"/referrals/inbox/{referral.pk}/appointment/", {"appointment_at": "2020-01-01T10:00"})
    referral.refresh_from_db()
    assert referral.status == Referral.Status.ACCEPTED
    assert referral.appointment_at is None
