"""Issue 5 "Done means": 50 concurrent auto-assign attempts on PostgreSQL never give one case to
two counselors nor exceed a counselor's capacity."""

import pytest
from django.db.models import Count

from ieum.casework import services
from ieum.casework.models import Case, CounselorCapacity
from ieum.casework.tests.conftest import make_counselor
from ieum.core.testing import run_concurrently


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True)
def test_fifty_concurrent_auto_assign_attempts_give_each_case_once_and_respect_capacity(center):
    counselors = [make_counselor(f"pull-{i}", ["ko", "vi"], [center.vi_queue]) for i in range(10)]
    for user in counselors:
        CounselorCapacity.objects.create(user=user, channel="web_form", max_active=3)
    for _ in range(40):
        services.case_open(
            channel="web_form", topic=center.wages, language="vi", actor=center.supervisor, auto_route=False
        )
    # Five attempts per counselor at once: 50 threads racing for 40 cases, 30 seats.
    attempts = [user for user in counselors for _ in range(5)]
    results = run_concurrently(
        lambda user: services.case_assign_next(counselor=user, channel="web_form"), attempts
    )
    errors = [r for r in results if isinstance(r, Exception)]
    assert not errors, errors
    given = [r.pk for r in results if r is not None]
    assert len(given) == len(set(given)) == 30
    assigned = Case.objects.filter(assignee__isnull=False)
    assert assigned.count() == 30
    loads = assigned.values("assignee").annotate(n=Count("id"))
    assert all(row["n"] <= 3 for row in loads)
    # Each counselor's results match what the database says they hold.
    for user in counselors:
        mine = {r.pk for r, who in zip(results, attempts, strict=True) if r is not None and who == user}
        assert mine == set(Case.objects.filter(assignee=user).values_list("pk", flat=True))
