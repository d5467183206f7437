"""A matching round over the database: arrays from the selectors, the engines, pairs stored with
their explanations. Progress is written to the round so its page can show it."""

from __future__ import annotations

import numpy as np
from django.db import transaction
from django.utils import timezone

from ieum.jobs.engine.candidates import Index, candidate_pairs
from ieum.jobs.engine.matching import assign, greedy
from ieum.jobs.engine.scoring import WEIGHTS, factors, int_scores
from ieum.jobs.models import MatchingRound, RoundPair
from ieum.jobs.selectors import build_world

TOP_L = 10


def _progress(matching_round: MatchingRound, percent: int) -> None:
    MatchingRound.objects.filter(pk=matching_round.pk).update(progress=percent)


def round_run(matching_round: MatchingRound) -> MatchingRound:
    """Only seekers who consented to be shown to employers take part: an offer names them."""
    MatchingRound.objects.filter(pk=matching_round.pk).update(status=MatchingRound.Status.RUNNING, progress=5)
    world = build_world(timezone.localdate())
    _progress(matching_round, 30)
    seekers = world.seekers
    # Seekers without consent take no part: nothing about them may reach an employer.
    seekers.reach[~world.consented] = -1
    index = Index.of_vacancies(world.vacancies)
    s, v, values = candidate_pairs(
        seekers,
        world.vacancies,
        index,
        world.dist,
        top_l=TOP_L,
        progress=lambda share: _progress(matching_round, 30 + int(40 * share)),
    )
    w = int_scores(values)
    cap = world.vacancies.headcount.astype(np.int64)
    chosen = assign(s, v, w, cap)
    base = greedy(s, v, w, cap)
    _progress(matching_round, 80)
    parts = factors(seekers, world.vacancies, s[chosen], v[chosen], world.dist) if chosen.size else {}
    with transaction.atomic():
        RoundPair.objects.filter(round=matching_round).delete()
        RoundPair.objects.bulk_create(
            RoundPair(
                round=matching_round,
                seeker_id=world.seeker_ids[int(s[k])],
                vacancy_id=world.vacancy_ids[int(v[k])],
                score=int(w[k]),
                factors=[[name, round(float(parts[name][n]), 3), weight] for name, weight in WEIGHTS.items()],
            )
            for n, k in enumerate(chosen)
        )
        MatchingRound.objects.filter(pk=matching_round.pk).update(
            status=MatchingRound.Status.DONE,
            progress=100,
            finished_at=timezone.now(),
            total_score=int(w[chosen].sum()),
            greedy_score=int(w[base].sum()),
            pairs_considered=int(len(s)),
        )
    matching_round.refresh_from_db()
    return matching_round
