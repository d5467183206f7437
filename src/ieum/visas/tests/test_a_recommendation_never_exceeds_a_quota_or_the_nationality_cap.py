from __future__ import annotations

import datetime as dt
from collections import Counter

import pytest

from ieum.core.models import Municipality, Nationality, Role, User
from ieum.core.testing import run_concurrently
from ieum.residents.models import Resident
from ieum.visas import services
from ieum.visas.models import Application, Quota, QuotaNationality

YEAR = dt.date.today().year


def _ready(municipality: Municipality, alpha2: str, n: int) -> Application:
    """An application already recommended by the county, waiting for the province."""
    person = Resident.objects.create(
        name=f"PERSON {alpha2} {n}",
        municipality=municipality,
        nationality=Nationality.objects.get(alpha2=alpha2),
    )
    return Application.objects.create(
        resident=person,
        program="f2r",
        year=YEAR,
        municipality=municipality,
        nationality=person.nationality,
        status=Application.Status.COUNTY_APPROVED,
    )


def _quota(municipality: Municipality, amount: int, officer: User) -> Quota:
    return services.quota_set(
        program="f2r", year=YEAR, municipality=municipality, amount=amount, actor=officer
    )


def test_the_quota_refuses_the_recommendation_after_the_last_place(db, yeongam, province_officer):
    quota = _quota(yeongam, 2, province_officer)
    approved = [_ready(yeongam, code, 1) for code in ("VN", "CN")]
    for application in approved:
        services.application_approve(application=application, actor=province_officer)
    third = _ready(yeongam, "ID", 1)
    with pytest.raises(services.QuotaExhausted):
        services.application_approve(application=third, actor=province_officer)
    third.refresh_from_db()
    quota.refresh_from_db()
    assert third.status == Application.Status.COUNTY_APPROVED and third.letter_number is None
    assert quota.used == 2


def test_one_nationality_gets_at_most_30_percent_of_the_quota(db, yeongam, province_officer):
    _quota(yeongam, 10, province_officer)
    for n in range(3):
        services.application_approve(application=_ready(yeongam, "VN", n), actor=province_officer)
    with pytest.raises(services.QuotaExhausted):
        services.application_approve(application=_ready(yeongam, "VN", 3), actor=province_officer)
    services.application_approve(application=_ready(yeongam, "CN", 0), actor=province_officer)


def test_the_cap_was_40_percent_before_the_2025_plan(db, yeongam, province_officer):
    _quota(yeongam, 10, province_officer)
    day = dt.date(2025, 2, 19)
    for n in range(4):
        services.application_approve(application=_ready(yeongam, "VN", n), actor=province_officer, today=day)
    with pytest.raises(services.QuotaExhausted):
        services.application_approve(application=_ready(yeongam, "VN", 4), actor=province_officer, today=day)


def test_a_quota_cannot_be_lowered_below_what_is_used(db, yeongam, province_officer):
    from django.core.exceptions import ValidationError

    _quota(yeongam, 2, province_officer)
    services.application_approve(application=_ready(yeongam, "VN", 0), actor=province_officer)
    services.application_approve(application=_ready(yeongam, "CN", 0), actor=province_officer)
    with pytest.raises(ValidationError):
        _quota(yeongam, 1, province_officer)


def test_letter_numbers_follow_each_other(db, yeongam, province_officer):
    _quota(yeongam, 10, province_officer)
    numbers = [
        services.application_approve(
            application=_ready(yeongam, code, 0), actor=province_officer
        ).letter_number
        for code in ("VN", "CN", "ID")
    ]
    assert [n[-4:] for n in numbers] == ["0001", "0002", "0003"]


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True)
def test_fifty_concurrent_approvals_never_exceed_the_quota_or_the_nationality_cap(region):
    yeongam = Municipality.objects.get(code="46830")
    officer = User.objects.create_user(username="province", password="x" * 12, role=Role.OFFICER)
    quota = _quota(yeongam, 20, officer)
    applications = [_ready(yeongam, code, n) for code in ("VN", "CN", "ID", "KH", "NP") for n in range(10)]

    def approve(pk: int):
        return services.application_approve(application=Application.objects.get(pk=pk), actor=officer)

    results = run_concurrently(approve, [a.pk for a in applications])
    unexpected = [
        r for r in results if isinstance(r, Exception) and not isinstance(r, services.QuotaExhausted)
    ]
    assert unexpected == []
    quota.refresh_from_db()
    approved = Application.objects.filter(status=Application.Status.APPROVED)
    assert quota.used == approved.count() == 20  # every place taken, none twice
    per_nationality = Counter(approved.values_list("nationality__alpha2", flat=True))
    assert max(per_nationality.values()) <= 6  # 30 % of 20
    for row in QuotaNationality.objects.filter(quota=quota):
        assert row.used == per_nationality[row.nationality.alpha2] <= row.cap
    assert len(set(approved.values_list("letter_number", flat=True))) == 20
