import pytest

from ieum.casework import services
from ieum.casework.models import Case, CounselorCapacity
from ieum.interpreting.models import InterpreterRequest


def open_case(center, **kwargs):
    values = {"channel": "phone", "topic": center.wages, "language": "vi", "actor": center.supervisor}
    values.update(kwargs)
    return services.case_open(**values)


@pytest.mark.django_db
def test_a_live_call_goes_to_the_free_counselor_who_speaks_the_language(center):
    case = open_case(center)
    assert case.queue == center.vi_queue
    assert case.assignee == center.vi_counselor
    assert case.status == Case.Status.ASSIGNED
    assert not case.needs_interpreter


@pytest.mark.django_db
def test_the_overflow_raises_an_interpreter_request_when_no_free_counselor_speaks_the_language(center):
    open_case(center)  # the one Vietnamese counselor now has her one call
    case = open_case(center)
    request = InterpreterRequest.objects.get(source=f"casework.overflow:{case.pk}")
    assert request.language == "vi"
    assert case.needs_interpreter
    # ... and the case goes to a counselor of the topic, with the interpreter attached.
    assert case.queue == center.ko_wages
    assert case.assignee == center.ko_counselor


@pytest.mark.django_db
def test_a_language_without_any_queue_overflows_too(center):
    case = open_case(center, language="km")
    assert InterpreterRequest.objects.filter(source=f"casework.overflow:{case.pk}").exists()
    assert case.assignee == center.ko_counselor


@pytest.mark.django_db
def test_a_walk_in_waits_in_its_queue_for_a_counselor_to_pull_it(center):
    case = open_case(center, channel="walk_in")
    assert case.status == Case.Status.NEW and case.assignee is None
    assert not InterpreterRequest.objects.exists()
    pulled = services.case_assign_next(counselor=center.vi_counselor, channel="walk_in")
    assert pulled == case
    assert services.case_assign_next(counselor=center.ko_counselor, channel="walk_in") is None


@pytest.mark.django_db
def test_pull_stops_at_the_counselors_capacity_for_the_channel(center):
    CounselorCapacity.objects.create(user=center.vi_counselor, channel="web_chat", max_active=2)
    for _ in range(3):
        open_case(center, channel="web_chat", language="ko", topic=center.visa, auto_route=False)
    taken = [services.case_assign_next(counselor=center.vi_counselor, channel="web_chat") for _ in range(3)]
    assert [c is not None for c in taken] == [True, True, False]


@pytest.mark.django_db
def test_the_least_loaded_counselor_gets_the_next_call(center):
    from ieum.casework.tests.conftest import make_counselor

    second = make_counselor("vi-counselor-2", ["ko", "vi"], [center.vi_queue])
    CounselorCapacity.objects.create(user=center.vi_counselor, channel="web_chat", max_active=3)
    CounselorCapacity.objects.create(user=second, channel="web_chat", max_active=3)
    first = open_case(center, channel="web_chat")
    following = open_case(center, channel="web_chat")
    assert {first.assignee, following.assignee} == {center.vi_counselor, second}


@pytest.mark.django_db
def test_choosing_among_a_big_queue_costs_the_same_queries_as_a_small_one(center):
    """Routing reads skills, capacities and loads for the whole queue at once: a busy evening puts
    dozens of counselors in the Korean queue and every new case asks for the free ones."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from ieum.casework.routing import free_counselors
    from ieum.casework.tests.conftest import make_counselor

    def queries() -> int:
        with CaptureQueriesContext(connection) as seen:
            free = free_counselors(center.ko_general, "ko", center.wages.pk, "phone")
        assert free, "the Korean queue has free counselors"
        return len(seen.captured_queries)

    small = queries()
    for i in range(30):
        member = make_counselor(f"ko-extra-{i}", ["ko"], [center.ko_general])
        if i % 3 == 0:
            CounselorCapacity.objects.create(user=member, channel="phone", max_active=2)
    assert queries() == small
    assert len(free_counselors(center.ko_general, "ko", center.wages.pk, "phone")) == 32
