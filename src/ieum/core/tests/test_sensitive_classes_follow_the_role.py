"""A role sees a sensitive class only where its work needs it; no role reads immigration status
for another authority."""

from __future__ import annotations

import datetime as dt

import pytest

from ieum.core.models import Role
from ieum.core.sensitivity import ROLE_CLASSES, FieldClass
from ieum.core.testing import login_staff, open_case_for
from ieum.residents.services import ResidentData, resident_create, visa_record_add
from ieum.residents.tests.factories import VisaStatusFactory


@pytest.fixture
def person(db):
    resident = resident_create(data=ResidentData(name="SOK DARA"), actor=None)
    visa_record_add(resident=resident, status=VisaStatusFactory(), valid_from=dt.date(2024, 3, 1), actor=None)
    return resident


def _timeline_kinds(client, person):
    return {e["kind"] for e in client.get(f"/api/v1/residents/{person.pk}/timeline").json()}


def test_a_counselor_sees_status_of_stay_events(client, counselor, person):
    open_case_for(counselor, person)  # counselors reach the residents of their cases
    login_staff(client, counselor)
    assert "visa.recorded" in _timeline_kinds(client, person)
    assert "E-9" in client.get(f"/residents/{person.pk}/").content.decode()


def test_the_person_sees_their_own_status_of_stay(client, resident_user, person):
    person.user = resident_user
    person.save()
    client.force_login(resident_user)
    assert "visa.recorded" in _timeline_kinds(client, person)


def test_roles_without_the_immigration_class_never_get_it():
    for role in (Role.INTERPRETER, Role.EMPLOYER, Role.PARTNER, Role.ANALYST):
        assert FieldClass.IMMIGRATION not in ROLE_CLASSES[role]


def test_no_role_sees_identifiers_by_class():
    # Identifiers are shown only through reveal_identifier, with a stated purpose, logged.
    assert all(FieldClass.IDENTIFIER not in classes for classes in ROLE_CLASSES.values())


def test_there_is_no_enforcement_role():
    assert set(Role.values) == {
        "resident",
        "counselor",
        "interpreter",
        "officer",
        "employer",
        "partner",
        "analyst",
        "admin",
    }
