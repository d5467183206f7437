"""A referral shares only what the resident consented to give that partner for that purpose; the
service refuses anything else and then writes nothing (contact-center issue item 9, privacy §3)."""

from __future__ import annotations

import pytest
from django.core.exceptions import ValidationError

from ieum.core.testing import open_case_for
from ieum.privacy.models import Provision
from ieum.privacy.services import ConsentRequired, consent_withdraw
from ieum.referrals.models import Referral
from ieum.referrals.services import referral_create
from ieum.referrals.tests.conftest import give_consent


def _refer(resident, partner, counselor, items=("name", "contact"), purpose="medical", **kw):
    return referral_create(
        resident=resident, partner=partner, purpose=purpose, items=list(items), actor=counselor, **kw
    )


def test_a_referral_without_consent_is_refused(resident, hospital, counselor):
    with pytest.raises(ConsentRequired):
        _refer(resident, hospital, counselor)
    assert Referral.objects.count() == 0
    assert Provision.objects.count() == 0


def test_a_consent_for_another_partner_does_not_cover_this_one(resident, hospital, other_partner, counselor):
    give_consent(resident, other_partner, counselor)
    with pytest.raises(ConsentRequired):
        _refer(resident, hospital, counselor)
    assert Referral.objects.count() == 0


def test_items_or_a_purpose_beyond_the_consent_are_refused(resident, hospital, counselor):
    give_consent(resident, hospital, counselor, items=("name", "contact"))
    with pytest.raises(ConsentRequired):
        _refer(resident, hospital, counselor, items=("name", "address"))
    with pytest.raises(ConsentRequired):
        _refer(resident, hospital, counselor, purpose="legal")
    assert Referral.objects.count() == 0


def test_a_withdrawn_consent_no_longer_allows_a_referral(resident, hospital, counselor):
    consent = give_consent(resident, hospital, counselor)
    consent_withdraw(consent=consent, actor=counselor)
    with pytest.raises(ConsentRequired):
        _refer(resident, hospital, counselor)


def test_a_consented_referral_is_sent_and_recorded_in_the_provision_ledger(resident, hospital, counselor):
    consent = give_consent(resident, hospital, counselor)
    referral = _refer(resident, hospital, counselor, items=("name", "case_summary"), message="수술 통역 필요")
    assert referral.status == Referral.Status.SENT
    assert referral.consent == consent
    provision = Provision.objects.get()
    assert provision.reference == f"referral:{referral.pk}"
    assert provision.items == ["name", "case_summary"]
    assert resident.timeline.filter(kind="referral.sent").exists()


def test_identifiers_cannot_be_sent_to_a_partner_even_with_consent(resident, hospital, counselor):
    give_consent(resident, hospital, counselor, items=("name", "arn"))
    with pytest.raises(ValidationError) as refused:
        _refer(resident, hospital, counselor, items=("name", "arn"))
    assert "items" in refused.value.message_dict


def test_a_message_needs_the_consultation_summary_among_the_items(resident, hospital, counselor):
    give_consent(resident, hospital, counselor)
    with pytest.raises(ValidationError) as refused:
        _refer(resident, hospital, counselor, items=("name",), message="internal detail")
    assert "message" in refused.value.message_dict
    assert Referral.objects.count() == 0


def test_the_page_shows_the_refusal_and_sends_nothing(resident, hospital, counselor_client, counselor):
    open_case_for(counselor, resident)  # the counselor refers a person of their case
    response = counselor_client.post(
        f"/referrals/new/{resident.pk}/",
        {"partner": hospital.pk, "purpose": "medical", "items": ["name", "contact"]},
    )
    assert response.status_code == 200
    assert "has not consented" in response.content.decode()
    assert Referral.objects.count() == 0
