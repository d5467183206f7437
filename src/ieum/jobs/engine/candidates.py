"""Candidate generation by blocking, and recommendations both ways (numpy, no Django).

Blocks are (KSCO major group, county): a seeker is compared only with vacancies of the major
groups of their experience in the counties they would work in, and only lawful pairs are kept.
Seekers with the same groups and counties share one dense block computation.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from ieum.jobs.engine.scoring import Seekers, Vacancies, factors, lawful, score

EXPOSURE_PENALTY = 0.15


@dataclass
class Index:
    blocks: dict[tuple[int, int], np.ndarray]

    @staticmethod
    def of_vacancies(v: Vacancies) -> Index:
        keys = (v.ksco // 1000).astype(np.int64) * 10_000 + v.county
        order = np.argsort(keys, kind="stable")
        sorted_keys = keys[order]
        uniq, starts = np.unique(sorted_keys, return_index=True)
        ends = np.append(starts[1:], len(order))
        return Index(
            {
                (int(k) // 10_000, int(k) % 10_000): order[a:b]
                for k, a, b in zip(uniq, starts, ends, strict=True)
            }
        )

    def candidates(self, groups: tuple[int, ...], counties: tuple[int, ...]) -> np.ndarray:
        keys = dict.fromkeys((g, c) for g in groups for c in counties)  # no block twice
        parts = [self.blocks[key] for key in keys if key in self.blocks]
        return np.concatenate(parts) if parts else np.zeros(0, dtype=np.int64)


def seeker_key(s: Seekers, i: int) -> tuple[tuple[int, ...], tuple[int, ...]]:
    groups = tuple(sorted({int(k) // 1000 for k in s.exp_ksco[i] if k >= 0}))
    counties = tuple(int(c) for c in s.reach[i] if c >= 0)
    return groups, counties


def _penalised(values: np.ndarray, exposure: np.ndarray | None) -> np.ndarray:
    if exposure is None:
        return values
    return values / (1.0 + EXPOSURE_PENALTY * np.log1p(exposure))


def recommend_for_seeker(
    s: Seekers,
    v: Vacancies,
    index: Index,
    i: int,
    dist: np.ndarray,
    *,
    k: int = 10,
    exposure: np.ndarray | None = None,
) -> tuple[np.ndarray, np.ndarray, dict]:
    """Top-k lawful vacancies for seeker i: (vacancy indices, scores, factors of those pairs)."""
    groups, counties = seeker_key(s, i)
    cand = index.candidates(groups, counties)
    si = np.full(cand.shape, i)
    keep = lawful(s, v, si, cand) & (v.headcount[cand] > 0)
    cand, si = cand[keep], si[keep]
    parts = factors(s, v, si, cand, dist)
    values = score(parts)
    ranked = _penalised(values, exposure[cand] if exposure is not None else None)
    top = np.argsort(-ranked, kind="stable")[:k]
    return cand[top], values[top], {name: arr[top] for name, arr in parts.items()}


def recommend_for_vacancy(
    s: Seekers,
    v: Vacancies,
    j: int,
    dist: np.ndarray,
    *,
    k: int | None = None,
    eligible: np.ndarray | None = None,
    exposure: np.ndarray | None = None,
) -> tuple[np.ndarray, np.ndarray, dict]:
    """Top-k lawful seekers for vacancy j; k defaults to the EPS-style 3 per opening (facts.md
    §2.4). `eligible` masks seekers that may be shown at all (consent to employers)."""
    k = 3 * int(v.headcount[j]) if k is None else k
    group = int(v.ksco[j]) // 1000
    in_group = ((s.exp_ksco // 1000) == group).any(axis=1)
    in_reach = (s.reach == v.county[j]).any(axis=1)
    mask = in_group & in_reach
    if eligible is not None:
        mask &= eligible
    si = np.flatnonzero(mask)
    vi = np.full(si.shape, j)
    keep = lawful(s, v, si, vi)
    si, vi = si[keep], vi[keep]
    parts = factors(s, v, si, vi, dist)
    values = score(parts)
    ranked = _penalised(values, exposure[si] if exposure is not None else None)
    top = np.argsort(-ranked, kind="stable")[:k]
    return si[top], values[top], {name: arr[top] for name, arr in parts.items()}


def candidate_pairs(
    s: Seekers, v: Vacancies, index: Index, dist: np.ndarray, *, top_l: int = 10, progress=None
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """The sparse graph of a matching round: each seeker's top-L lawful vacancies.

    Returns (seeker index, vacancy index, score) arrays. Seekers sharing a block key are scored
    together as one dense block."""
    majors = np.where(s.exp_ksco >= 0, s.exp_ksco // 1000, -1)
    keys = np.concatenate([np.sort(majors, axis=1), s.reach], axis=1)
    uniq, inverse = np.unique(keys, axis=0, return_inverse=True)
    inverse = inverse.reshape(-1)
    order = np.argsort(inverse, kind="stable")
    members_of = np.split(order, np.flatnonzero(np.diff(inverse[order])) + 1)
    width = majors.shape[1]
    groups = {
        (
            tuple(sorted({int(g) for g in row[:width] if g >= 0})),
            tuple(int(c) for c in row[width:] if c >= 0),
        ): m
        for row, m in zip(uniq, members_of, strict=True)
    }
    out_s, out_v, out_w = [], [], []
    for n, (key, members) in enumerate(groups.items()):
        cand = index.candidates(*key)
        if cand.size == 0:
            continue
        cand = cand[v.headcount[cand] > 0]
        rows = members[:, None]
        cols = cand[None, :]
        ok = lawful(s, v, rows, cols)
        values = np.where(ok, score(factors(s, v, rows, cols, dist)), -1.0)
        limit = min(top_l, cand.size)
        if limit < cand.size:
            top = np.argpartition(-values, limit - 1, axis=1)[:, :limit]
        else:
            top = np.broadcast_to(np.arange(cand.size), (len(members), cand.size))
        picked = np.take_along_axis(values, top, axis=1)
        good = picked > 0
        out_s.append(np.broadcast_to(rows, top.shape)[good])
        out_v.append(cand[top][good])
        out_w.append(picked[good])
        if progress is not None and n % 64 == 0:
            progress(n / max(len(groups), 1))
    if not out_s:
        empty = np.zeros(0, dtype=np.int64)
        return empty, empty, np.zeros(0, dtype=np.float32)
    return np.concatenate(out_s), np.concatenate(out_v), np.concatenate(out_w)


def congestion(counts: np.ndarray) -> dict:
    """How concentrated exposure is: share of all showings taken by the most-shown tenth."""
    total = float(counts.sum())
    if total == 0 or counts.size == 0:
        return {
            "items": int(counts.size),
            "showings": 0,
            "top_decile_share": 0.0,
            "never_shown": int(counts.size),
        }
    top = np.sort(counts)[::-1][: max(1, counts.size // 10)]
    return {
        "items": int(counts.size),
        "showings": int(total),
        "top_decile_share": round(float(top.sum()) / total, 3),
        "never_shown": int((counts == 0).sum()),
    }
