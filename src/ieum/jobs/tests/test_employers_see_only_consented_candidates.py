"""A seeker appears to an employer only with the consent to be shown to employers; every
candidate shown is a disclosure in the provision ledger; E-9 workers are never offered."""

from __future__ import annotations

import pytest

from ieum.core.testing import client_for
from ieum.jobs import services
from ieum.privacy.models import Provision
from ieum.privacy.services import ConsentRequired


def test_the_shortlist_shows_the_consenting_seeker_only(jobs_world):
    page = client_for(jobs_world.user_a).get(f"/jobs/employer/vacancies/{jobs_world.vacancy_a.pk}/")
    html = page.content.decode()
    assert page.status_code == 200
    assert jobs_world.consented.resident.name in html
    assert jobs_world.unconsented.resident.name not in html
    assert jobs_world.e9.resident.name not in html
    # The statuses the rules let take a shipbuilding welder's job: not E-9 (EPS path), not D-2 at 40 h.
    assert "F-5" in html and "E-7-4R" in html
    assert ", E-9," not in html and ", D-2," not in html


def test_each_candidate_shown_is_recorded_in_the_provision_ledger(jobs_world):
    client_for(jobs_world.user_a).get(f"/jobs/employer/vacancies/{jobs_world.vacancy_a.pk}/")
    rows = Provision.objects.filter(resident=jobs_world.consented.resident)
    assert rows.count() == 1
    assert rows[0].recipient_name == jobs_world.employer_a.name
    assert rows[0].reference == f"employer:{jobs_world.employer_a.pk}:vacancy:{jobs_world.vacancy_a.pk}"
    assert not Provision.objects.filter(resident=jobs_world.unconsented.resident).exists()


def test_after_withdrawal_the_seeker_disappears_and_disclosure_is_refused(jobs_world):
    services.seeker_consent_withdraw(resident=jobs_world.consented.resident, actor=None)
    html = (
        client_for(jobs_world.user_a)
        .get(f"/jobs/employer/vacancies/{jobs_world.vacancy_a.pk}/")
        .content.decode()
    )
    assert jobs_world.consented.resident.name not in html
    with pytest.raises(ConsentRequired):
        services.disclose(
            seeker=jobs_world.consented,
            vacancy=jobs_world.vacancy_a,
            actor=None,
            items=services.SHORTLIST_ITEMS,
        )


def test_an_offer_without_consent_is_refused_by_the_service(jobs_world):
    with pytest.raises(ConsentRequired):
        services.placement_advance(
            vacancy=jobs_world.vacancy_a,
            seeker=jobs_world.unconsented,
            stage="offered",
            actor=jobs_world.user_a,
        )
