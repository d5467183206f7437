"""Eligibility is checked against the resident's visa records, with reasons in the reader's
language (the visas app is not needed: statuses are set up with visa_record_add)."""

from __future__ import annotations

import datetime as dt

from django.utils import timezone, translation

from ieum.core.models import Municipality, VisaStatus
from ieum.grants import eligibility
from ieum.grants.selectors import eligibility_for
from ieum.grants.tests.conftest import eligible_resident
from ieum.grants.texts import render_reason
from ieum.residents.services import ResidentData, resident_create, visa_record_add

D = dt.date


def rules(**kw) -> eligibility.Rules:
    base = dict(
        statuses=("F-2-R", "F-4-R", "E-7-4R"),
        granted_from=D(2024, 1, 1),
        granted_to=D(2024, 12, 31),
        counties=("46830",),
    )
    base.update(kw)
    return eligibility.Rules(**base)


def codes(verdict: eligibility.Verdict) -> list[str]:
    return [r.code for r in verdict.reasons]


def test_a_status_granted_in_a_participating_county_within_the_dates_is_eligible():
    grant = eligibility.VisaGrant("F-2-R", D(2024, 3, 1), None, "46830")
    verdict = eligibility.check(rules(), [grant], "46830", D(2024, 6, 1))
    assert verdict.eligible and codes(verdict) == ["eligible"]


def test_each_failing_condition_gives_its_own_reason():
    today = D(2024, 6, 1)
    assert codes(eligibility.check(rules(), [], "46830", today)) == ["no_status"]
    other_county = eligibility.VisaGrant("F-4-R", D(2024, 3, 1), None, "46820")
    assert codes(eligibility.check(rules(), [other_county], "46820", today)) == ["county_not_participating"]
    too_early = eligibility.VisaGrant("F-2-R", D(2023, 3, 1), None, "46830")
    assert codes(eligibility.check(rules(), [too_early], "46830", today)) == ["granted_outside_dates"]
    ended = eligibility.VisaGrant("E-7-4R", D(2024, 2, 1), D(2024, 5, 1), "46830")
    assert codes(eligibility.check(rules(), [ended], "46830", today)) == ["status_ended"]
    moved = eligibility.VisaGrant("F-2-R", D(2024, 3, 1), None, "46830")
    verdict = eligibility.check(rules(), [moved], "46820", today)
    assert not verdict.eligible and codes(verdict) == ["moved_away"]
    # "still living there" is configurable data
    assert eligibility.check(rules(still_living=False), [moved], "46820", today).eligible


def test_the_selector_reads_statuses_from_the_visa_records(program):
    today = timezone.localdate()
    assert eligibility_for(program, eligible_resident("46820"), today).eligible
    moved = eligible_resident("46820", moved_to="46830")
    assert codes(eligibility_for(program, moved, today)) == ["moved_away"]
    worker = resident_create(
        data=ResidentData(name="E NINE", municipality=Municipality.objects.get(code="46820")), actor=None
    )
    visa_record_add(
        resident=worker,
        status=VisaStatus.objects.get(code="E-9"),
        valid_from=today - dt.timedelta(days=10),
        municipality=worker.municipality,
        actor=None,
    )
    assert codes(eligibility_for(program, worker, today)) == ["no_status"]


def test_reasons_are_rendered_in_the_readers_language():
    reason = {"code": "moved_away", "params": {"status": "F-2-R"}}
    with translation.override("en"):
        english = render_reason(reason)
    assert "F-2-R" in english and "no longer lives" in english
    assert render_reason({"code": "unheard-of"}) == "unheard-of"
