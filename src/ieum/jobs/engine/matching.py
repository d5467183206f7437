"""Matching rounds: the assignment that maximises the total score, each vacancy filling at most
its headcount and each person getting at most one offer, solved exactly as a min-cost flow
(OR-Tools) on the sparse graph of lawful shortlisted pairs. A greedy baseline and a brute force
(for tests) sit beside it. No Django."""

from __future__ import annotations

import itertools

import numpy as np
from ortools.graph.python import min_cost_flow
from scipy.sparse import coo_matrix
from scipy.sparse.csgraph import connected_components


class MatchingError(RuntimeError):
    pass


def assign(
    seekers: np.ndarray, vacancies: np.ndarray, scores: np.ndarray, capacity: np.ndarray
) -> np.ndarray:
    """Indices (into the pair arrays) of the chosen pairs; `scores` are positive integers.

    The graph falls apart into connected components (blocking keeps occupations and regions
    apart); each is solved on its own, which is exact and several times faster than one flow."""
    if seekers.size == 0:
        return np.zeros(0, dtype=np.int64)
    n_s = int(seekers.max()) + 1
    n = n_s + int(vacancies.max()) + 1
    graph = coo_matrix((np.ones(len(seekers)), (seekers, n_s + vacancies)), shape=(n, n))
    _, label = connected_components(graph, directed=False)
    component = label[seekers]
    order = np.argsort(component, kind="stable")
    groups = np.split(order, np.flatnonzero(np.diff(component[order])) + 1)
    chosen = [g[_assign_component(seekers[g], vacancies[g], scores[g], capacity)] for g in groups]
    return np.sort(np.concatenate(chosen))


def _assign_component(
    seekers: np.ndarray, vacancies: np.ndarray, scores: np.ndarray, capacity: np.ndarray
) -> np.ndarray:
    """One connected component as a min-cost flow.

    Nodes: one per seeker in the graph, one per vacancy, a sink. Each seeker supplies one unit that
    flows either to a vacancy (cost −score) or straight to the sink (cost 0, no offer); vacancies
    pass at most their headcount to the sink. The minimum cost is the maximum total score."""
    if seekers.size == 0:
        return np.zeros(0, dtype=np.int64)
    s_ids, s_node = np.unique(seekers, return_inverse=True)
    v_ids, v_node = np.unique(vacancies, return_inverse=True)
    n_s, n_v = len(s_ids), len(v_ids)
    sink = n_s + n_v
    tails = np.concatenate([s_node, np.arange(n_s), n_s + np.arange(n_v)])
    heads = np.concatenate([n_s + v_node, np.full(n_s, sink), np.full(n_v, sink)])
    caps = np.concatenate([np.ones(len(seekers)), np.ones(n_s), capacity[v_ids]]).astype(np.int64)
    costs = np.concatenate([-scores.astype(np.int64), np.zeros(n_s + n_v, dtype=np.int64)])
    flow = min_cost_flow.SimpleMinCostFlow()
    flow.add_arcs_with_capacity_and_unit_cost(tails, heads, caps, costs)
    supplies = np.concatenate([np.ones(n_s), np.zeros(n_v), [-n_s]]).astype(np.int64)
    flow.set_nodes_supplies(np.arange(n_s + n_v + 1), supplies)
    status = flow.solve()
    if status != flow.OPTIMAL:
        raise MatchingError(f"min-cost flow ended with status {status}")
    flows = flow.flows(np.arange(len(seekers)))
    return np.flatnonzero(flows > 0)


def greedy(
    seekers: np.ndarray, vacancies: np.ndarray, scores: np.ndarray, capacity: np.ndarray
) -> np.ndarray:
    """Baseline: best pair first, while the person is free and the vacancy has a seat."""
    left = capacity.astype(np.int64).copy()
    taken: set[int] = set()
    chosen = []
    for k in np.argsort(-scores, kind="stable"):
        s, v = int(seekers[k]), int(vacancies[k])
        if s in taken or left[v] <= 0:
            continue
        taken.add(s)
        left[v] -= 1
        chosen.append(k)
    return np.asarray(chosen, dtype=np.int64)


def brute_force(seekers: np.ndarray, vacancies: np.ndarray, scores: np.ndarray, capacity: np.ndarray) -> int:
    """The best total score by trying every assignment (tiny instances only)."""
    people = sorted(set(seekers.tolist()))
    options = {p: [None] + [k for k in range(len(seekers)) if seekers[k] == p] for p in people}
    best = 0
    for choice in itertools.product(*(options[p] for p in people)):
        used = [vacancies[k] for k in choice if k is not None]
        if any(used.count(v) > capacity[v] for v in set(used)):
            continue
        best = max(best, sum(int(scores[k]) for k in choice if k is not None))
    return best
