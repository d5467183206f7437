"""The pure ranking: who fits a request and in what order (no database)."""

from __future__ import annotations

import datetime as dt

from ieum.interpreting.ranking import Candidate, Window, rank

MONDAY_10 = dt.datetime(2026, 11, 23, 10, 0)  # a Monday
OFFICE = (Window(0, dt.time(9), dt.time(18)),)


def c(id: int, **kw) -> Candidate:
    base = {"level": 2, "modalities": frozenset({"phone"}), "windows": OFFICE}
    return Candidate(id=id, **{**base, **kw})


def test_the_higher_level_comes_first():
    assert rank([c(1, level=2), c(2, level=4)], modality="phone", moment=MONDAY_10, live=True) == [2, 1]


def test_a_lighter_load_breaks_a_tie():
    assert rank([c(1, load=3), c(2, load=0)], modality="phone", moment=MONDAY_10, live=True) == [2, 1]


def test_someone_without_the_modality_does_not_fit():
    assert rank([c(1, modalities=frozenset({"video"}))], modality="phone", moment=MONDAY_10, live=True) == []


def test_on_call_covers_a_live_call_outside_the_window_but_not_an_appointment():
    night = dt.datetime(2026, 11, 23, 22, 0)
    people = [c(1, on_call=True), c(2)]
    assert rank(people, modality="phone", moment=night, live=True) == [1]
    assert rank(people, modality="phone", moment=night, live=False) == []


def test_inside_a_window_beats_merely_on_call_at_the_same_level():
    people = [c(1, windows=(), on_call=True), c(2)]
    assert rank(people, modality="phone", moment=MONDAY_10, live=True) == [2, 1]


def test_someone_already_offered_the_request_is_skipped():
    assert rank([c(1, excluded=True), c(2)], modality="phone", moment=MONDAY_10, live=True) == [2]


def test_the_window_ends_before_its_end_time():
    six_pm = dt.datetime(2026, 11, 23, 18, 0)
    assert rank([c(1)], modality="phone", moment=six_pm, live=False) == []
