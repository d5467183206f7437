import pytest
from django.core.exceptions import ValidationError

from ieum.casework import services
from ieum.casework.models import Case
from ieum.residents.models import TimelineEvent
from ieum.residents.services import ResidentData, resident_create


@pytest.fixture
def resident(center):
    return resident_create(data=ResidentData(name="NGUYEN THI LAN", preferred_language="vi"), actor=None)


def walk_in(center, **kwargs):
    values = {
        "channel": "walk_in",
        "topic": center.wages,
        "language": "vi",
        "actor": center.vi_counselor,
        "summary": "Unpaid wages for three months",
    }
    values.update(kwargs)
    return services.case_open(**values)


@pytest.mark.django_db
def test_every_step_of_a_case_appears_on_the_residents_timeline(center, resident):
    user = center.vi_counselor
    case = walk_in(center, resident=resident, assignee=user)
    services.case_start(case=case, actor=user)
    services.case_note_add(case=case, text="Called the employer", shareable=False, actor=user)
    services.case_wait(case=case, on="partner", actor=user)
    services.case_resume(case=case, actor=user)
    services.case_resolve(case=case, actor=user, resolution="Paid")
    services.case_close(case=case, actor=user)
    services.case_reopen(case=case, actor=user, reason="Paid only half")
    kinds = list(
        TimelineEvent.objects.filter(resident=resident, service="casework")
        .order_by("at", "id")
        .values_list("kind", flat=True)
    )
    assert kinds == [
        "case.opened",
        "case.assigned",
        "case.started",
        "case.note_added",
        "case.waiting",
        "case.resumed",
        "case.resolved",
        "case.closed",
        "case.reopened",
    ]
    # The note's text stays in the case; the timeline says only that a note was added.
    assert not TimelineEvent.objects.filter(params__icontains="Called the employer").exists()
    # A wage case is a labour complaint: only roles that may see that class read it.
    assert set(TimelineEvent.objects.filter(service="casework").values_list("field_class", flat=True)) == {
        "labor"
    }


@pytest.mark.django_db
def test_a_sensitive_case_closes_only_with_a_supervisors_approval(center):
    user = center.vi_counselor
    case = walk_in(center, assignee=user, sensitive=True)
    services.case_resolve(case=case, actor=user)
    case = services.case_close(case=case, actor=user)
    assert case.status == Case.Status.RESOLVED and case.close_requested_by == user
    case = services.case_close(case=case, actor=center.supervisor)
    assert case.status == Case.Status.CLOSED and case.close_approved_by == center.supervisor


@pytest.mark.django_db
def test_a_transfer_needs_a_reason_and_changes_nothing_without_one(center):
    case = walk_in(center, assignee=center.vi_counselor)
    with pytest.raises(ValidationError):
        services.case_transfer(case=case, reason=" ", actor=center.vi_counselor, to_user=center.ko_counselor)
    case.refresh_from_db()
    assert case.assignee == center.vi_counselor
    services.case_transfer(
        case=case, reason="Needs the wages desk", actor=center.vi_counselor, to_queue=center.ko_wages
    )
    case.refresh_from_db()
    assert case.queue == center.ko_wages and case.assignee is None and case.status == Case.Status.NEW


@pytest.mark.django_db
def test_an_unidentified_caller_is_linked_to_the_resident_later(center, resident):
    case = walk_in(center, channel="phone", caller_phone="010-2345-6789", auto_route=False)
    assert case.resident is None and case.caller_phone == "+821023456789"
    services.case_link_resident(case=case, resident=resident, actor=center.vi_counselor)
    assert TimelineEvent.objects.filter(resident=resident, kind="case.resident_linked").exists()


@pytest.mark.django_db
def test_someone_speaking_for_the_person_is_recorded(center):
    case = walk_in(
        center,
        on_behalf_of=services.OnBehalfOf(kind="hospital", name="Kim", organisation="Mokpo Hospital"),
    )
    assert (case.caller_kind, case.caller_organisation) == ("hospital", "Mokpo Hospital")


@pytest.mark.django_db
def test_bad_input_is_refused_with_a_message_and_no_case_is_written(center):
    with pytest.raises(ValidationError) as error:
        walk_in(center, channel="pigeon")
    assert "channel" in error.value.message_dict
    with pytest.raises(ValidationError):
        walk_in(center, caller_phone="12")
    assert not Case.objects.exists()


@pytest.mark.django_db
def test_a_group_links_many_workers_cases_to_one_employer(center):
    group = services.case_group_create(kind="employer", name="Haenam Farm Co.", actor=center.supervisor)
    cases = [walk_in(center, group=group) for _ in range(3)]
    assert set(group.cases.values_list("pk", flat=True)) == {c.pk for c in cases}
