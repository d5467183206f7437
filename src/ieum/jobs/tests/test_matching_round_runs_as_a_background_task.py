"""A matching round runs as a task, shows its progress, offers each person at most once, only to
consenting seekers, and stores the factors of every pair."""

from __future__ import annotations

from django.test import override_settings

from ieum.core.testing import client_for
from ieum.jobs.models import MatchingRound, RoundPair

IMMEDIATE = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}


@override_settings(TASKS=IMMEDIATE)
def test_a_round_started_on_the_page_finishes_with_explained_pairs(
    jobs_world, django_capture_on_commit_callbacks
):
    client = client_for(jobs_world.officer)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post("/jobs/workspace/rounds/", {"name": "December fair"})
    matching_round = MatchingRound.objects.get()
    assert response.status_code == 302
    assert matching_round.status == MatchingRound.Status.DONE and matching_round.progress == 100
    pairs = list(RoundPair.objects.filter(round=matching_round))
    assert [p.seeker_id for p in pairs] == [jobs_world.consented.pk]
    assert {f[0] for f in pairs[0].factors} >= {"occupation", "korean", "wage", "distance"}
    assert matching_round.total_score >= matching_round.greedy_score > 0
    page = client.get(f"/jobs/workspace/rounds/{matching_round.pk}/").content.decode()
    assert jobs_world.consented.resident.name in page


def test_a_round_without_a_name_is_refused(jobs_world):
    client = client_for(jobs_world.officer)
    client.post("/jobs/workspace/rounds/", {"name": " "})
    assert not MatchingRound.objects.exists()


def test_a_running_round_page_polls_for_progress(jobs_world):
    matching_round = MatchingRound.objects.create(
        name="x", created_by=jobs_world.officer, status="running", progress=40
    )
    html = client_for(jobs_world.officer).get(f"/jobs/workspace/rounds/{matching_round.pk}/").content.decode()
    assert 'hx-trigger="every 2s"' in html and 'value="40"' in html
