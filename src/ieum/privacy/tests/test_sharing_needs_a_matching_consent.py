"""A disclosure to a partner or employer is refused by the service unless an active consent names
that recipient, that purpose and at least those items; every disclosure is in the ledger."""

from __future__ import annotations

import pytest
from django.core.exceptions import ValidationError

from ieum.core.models import AccessLog
from ieum.privacy.models import Provision
from ieum.privacy.services import ConsentRequired, consent_record, consent_withdraw, provision_record
from ieum.residents.services import ResidentData, resident_create

CLINIC = {"recipient_kind": "partner", "recipient_id": "7", "recipient_name": "목포 안심병원"}


@pytest.fixture
def resident(db):
    return resident_create(data=ResidentData(name="SOK DARA", preferred_language="km"), actor=None)


def _consent(resident, counselor, items=("name", "contact", "health")):
    return consent_record(
        resident=resident,
        kind="provision",
        channel="phone",
        witness=counselor,
        actor=counselor,
        purpose="medical",
        items=list(items),
        retention="1 year",
        **CLINIC,
    )


def _share(resident, counselor, items=("name", "health"), **overrides):
    args = {**CLINIC, "purpose": "medical", **overrides}
    return provision_record(resident=resident, items=list(items), actor=counselor, **args)


def test_sharing_without_any_consent_is_refused_and_nothing_is_recorded(resident, counselor):
    with pytest.raises(ConsentRequired):
        _share(resident, counselor)
    assert Provision.objects.count() == 0


def test_sharing_with_a_matching_consent_is_recorded_in_the_ledger_and_the_access_log(resident, counselor):
    _consent(resident, counselor)
    provision = _share(resident, counselor)
    assert provision.consent.recipient_name == "목포 안심병원"
    assert AccessLog.objects.filter(action="share", subject_id=str(resident.pk)).exists()


def test_items_beyond_the_consent_are_refused(resident, counselor):
    _consent(resident, counselor, items=("name", "contact"))
    with pytest.raises(ConsentRequired):
        _share(resident, counselor, items=("name", "arn"))


def test_another_recipient_or_purpose_is_refused(resident, counselor):
    _consent(resident, counselor)
    with pytest.raises(ConsentRequired):
        _share(resident, counselor, recipient_id="8", recipient_name="Other clinic")
    with pytest.raises(ConsentRequired):
        _share(resident, counselor, purpose="job_matching")


def test_a_withdrawn_consent_no_longer_allows_sharing(resident, counselor):
    consent = _consent(resident, counselor)
    consent_withdraw(consent=consent, actor=counselor)
    with pytest.raises(ConsentRequired):
        _share(resident, counselor)


def test_the_consent_text_is_stored_in_the_language_shown(resident, counselor):
    consent = consent_record(
        resident=resident,
        kind="provision",
        channel="phone",
        witness=counselor,
        actor=counselor,
        language="en",
        purpose="medical",
        items=["name", "health"],
        retention="1 year",
        **CLINIC,
    )
    assert "목포 안심병원" in consent.text and "1 year" in consent.text
    assert "You may refuse" in consent.text
    assert consent.language == "en" and consent.text_version


def test_a_provision_consent_must_name_purpose_items_and_retention(resident, counselor):
    with pytest.raises(ValidationError) as excinfo:
        consent_record(resident=resident, kind="provision", channel="web", actor=counselor, **CLINIC)
    assert {"purpose", "items", "retention"} <= set(excinfo.value.message_dict)


def test_a_phone_consent_needs_a_witness(resident, counselor):
    with pytest.raises(ValidationError):
        consent_record(resident=resident, kind="collection", channel="phone", actor=counselor)
