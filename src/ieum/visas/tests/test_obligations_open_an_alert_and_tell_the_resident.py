from __future__ import annotations

import datetime as dt

from django.core.management import call_command

from ieum.core.models import Municipality
from ieum.notify import sms
from ieum.residents.services import ResidentData, resident_update
from ieum.visas import services
from ieum.visas.models import ObligationAlert
from ieum.visas.obligations import obligations_check_resident
from ieum.visas.tests.people import make_applicant


def _granted(yeongam, counselor, county, province, phone="+821012345678"):
    person = make_applicant(municipality=yeongam, actor=counselor, phone=phone)
    application = services.application_create(
        resident=person,
        program="f2r",
        actor=counselor,
        employer_brn="1234567890",
        documents={d.kind: d for d in person.documents.all()},
    )
    services.application_county_review(application=application, actor=county, recommend=True)
    services.application_approve(application=application, actor=province)
    services.application_file(
        application=application, actor=province, office="목포출장소", filed_on=dt.date(2026, 3, 1)
    )
    services.application_decide(
        application=application, actor=province, granted=True, decided_on=dt.date(2026, 4, 1)
    )
    return person


def _move(person, municipality, actor):
    resident_update(
        resident=person,
        data=ResidentData(
            name=person.name,
            name_hangul=person.name_hangul,
            birth_date=person.birth_date,
            sex=person.sex,
            nationality=person.nationality,
            preferred_language=person.preferred_language,
            phone=person.phone,
            municipality=municipality,
        ),
        actor=actor,
    )


def test_moving_out_of_the_county_in_the_first_two_years_opens_one_alert_and_sends_one_message(
    db, yeongam, haenam, counselor, yeongam_officer, province_officer, f2r_quota
):
    person = _granted(yeongam, counselor, yeongam_officer, province_officer)
    assert obligations_check_resident(person, today=dt.date(2026, 6, 1)) == []
    _move(person, haenam, counselor)
    sms.outbox.clear()
    opened = obligations_check_resident(person, today=dt.date(2026, 6, 1))
    assert [a.kind for a in opened] == [ObligationAlert.Kind.MOVED]
    assert [m.to for m in sms.outbox] == ["+821012345678"]
    assert "F-2-R" in sms.outbox[0].text
    # The contact center gets a case for the follow-up call.
    from ieum.casework.models import Case

    case = Case.objects.get(number=opened[0].case_number)
    assert case.resident == person and case.topic.code == "visa"
    # The periodic check does not repeat an open alert.
    assert obligations_check_resident(person, today=dt.date(2026, 6, 2)) == []
    assert len(sms.outbox) == 1


def test_after_two_years_another_decline_area_of_the_province_is_allowed_but_muan_is_not(
    db, yeongam, haenam, counselor, yeongam_officer, province_officer, f2r_quota
):
    person = _granted(yeongam, counselor, yeongam_officer, province_officer)
    _move(person, haenam, counselor)
    opened = obligations_check_resident(person, today=dt.date(2028, 6, 1))
    assert ObligationAlert.Kind.MOVED not in [a.kind for a in opened]
    _move(person, Municipality.objects.get(code="46840"), counselor)  # Muan
    opened = obligations_check_resident(person, today=dt.date(2028, 6, 2))
    assert ObligationAlert.Kind.MOVED in [a.kind for a in opened]


def test_the_yearly_income_check_comes_due_at_the_first_extension(
    db, yeongam, counselor, yeongam_officer, province_officer, f2r_quota
):
    person = _granted(yeongam, counselor, yeongam_officer, province_officer)
    assert obligations_check_resident(person, today=dt.date(2027, 3, 31)) == []
    opened = obligations_check_resident(person, today=dt.date(2027, 4, 1))
    assert [a.kind for a in opened] == [ObligationAlert.Kind.INCOME]


def test_the_periodic_command_checks_every_holder_and_the_officer_sees_the_task(
    db, yeongam, haenam, counselor, yeongam_officer, province_officer, f2r_quota
):
    from ieum.core.workspace import tasks_for

    person = _granted(yeongam, counselor, yeongam_officer, province_officer)
    _move(person, haenam, counselor)
    call_command("visas_obligations_check")
    assert ObligationAlert.objects.filter(kind=ObligationAlert.Kind.MOVED).count() == 1
    titles = [t.title for t in tasks_for(yeongam_officer)]
    assert any("may break a condition" in t for t in titles)
