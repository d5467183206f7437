"""Referral and interpreting steps appear on the resident's timeline as whole sentences."""

from __future__ import annotations

from ieum.referrals.services import referral_accept, referral_create
from ieum.referrals.tests.conftest import give_consent
from ieum.residents.timeline import render_event


def test_referral_steps_read_as_sentences(resident, hospital, counselor, hospital_user):
    give_consent(resident, hospital, counselor)
    referral = referral_create(
        resident=resident, partner=hospital, purpose="medical", items=["name"], actor=counselor
    )
    referral_accept(referral=referral, actor=hospital_user)
    lines = [
        render_event(e.kind, e.params) for e in resident.timeline.filter(service="referrals").order_by("id")
    ]
    assert lines == ["Referred to 나주 안심병원.", "나주 안심병원 accepted the referral."]


def test_interpreting_steps_read_as_sentences():
    line = render_event("interpreting.requested", {"language": "km", "modality": "in_person"})
    assert line == "Interpreter requested (km, in person)."
