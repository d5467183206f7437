"""Who is offered a request first: a pure ranking, no Django (fed by `selectors.candidates_for`).

A candidate fits when they work in the language, offer the modality, and are available: within
one of their weekly windows at the time needed (now, for a live call; the appointment time for a
scheduled one), or — for a live call only — on call outside their windows. Among those who fit:
the higher level first, then those inside a window before those merely on call, then the lighter
load, then the longest-registered (lowest id) so the order is stable.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass, field


@dataclass(frozen=True)
class Window:
    weekday: int  # 0 = Monday
    start: dt.time
    end: dt.time

    def covers(self, moment: dt.datetime) -> bool:
        return moment.weekday() == self.weekday and self.start <= moment.time() < self.end


@dataclass(frozen=True)
class Candidate:
    id: int
    level: int
    modalities: frozenset[str]
    windows: tuple[Window, ...] = ()
    on_call: bool = False
    load: int = 0  # accepted, not yet fulfilled requests plus pending offers
    excluded: bool = field(default=False)  # already offered this request (declined or expired)


def in_window(candidate: Candidate, moment: dt.datetime) -> bool:
    return any(w.covers(moment) for w in candidate.windows)


def fits(candidate: Candidate, *, modality: str, moment: dt.datetime, live: bool) -> bool:
    if candidate.excluded or modality not in candidate.modalities:
        return False
    if in_window(candidate, moment):
        return True
    return live and candidate.on_call


def rank(candidates: Iterable[Candidate], *, modality: str, moment: dt.datetime, live: bool) -> list[int]:
    """Ids of the fitting candidates, best first. `moment` is local (Korea) time."""
    fitting = [c for c in candidates if fits(c, modality=modality, moment=moment, live=live)]
    fitting.sort(key=lambda c: (-c.level, not in_window(c, moment), c.load, c.id))
    return [c.id for c in fitting]
