"""Background tasks of the jobs app (django-tasks; `ieum db_worker` runs them)."""

from __future__ import annotations

from django_tasks import task

from ieum.jobs.models import MatchingRound
from ieum.jobs.rounds import round_run


@task()
def matching_round_task(round_id: int) -> str:
    matching_round = MatchingRound.objects.get(pk=round_id)
    if matching_round.status == MatchingRound.Status.DONE:
        return matching_round.status
    try:
        return round_run(matching_round).status
    except Exception:
        MatchingRound.objects.filter(pk=round_id).update(status=MatchingRound.Status.FAILED)
        raise
