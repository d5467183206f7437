"""A population as numpy columns, one row per person. Missing evidence has a marker of its own
(-1, "" or NaT) so a criterion can answer "unknown" rather than "not met"."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, fields
from typing import Any

import numpy as np

NAT = np.datetime64("NaT", "D")

# column -> (dtype, missing marker)
COLUMNS: dict[str, tuple[str, Any]] = {
    "status": ("U12", ""),  # current status of stay
    "nationality": ("U2", ""),
    "home": ("U10", ""),  # municipality code of the home address
    "work": ("U10", ""),  # municipality code of the workplace
    "degree": ("i1", -1),  # highest Korean degree rank (3 = associate); 0 = none Korean; -1 unknown
    "income": ("i8", -1),  # yearly income in KRW (the year before the screening date)
    "topik": ("i1", -1),
    "kiip": ("i1", -1),
    "regional_end": ("datetime64[D]", NAT),  # last day on F-2-R or F-3-1R
    "birth": ("datetime64[D]", NAT),
    "ethnic_korean": ("?", False),
    "feeder_days": ("i4", 0),  # days on E-9/E-10/H-2 in the ten years before the screening date
    "e74_points": ("i2", -1),  # E-7-4 points (of 300 incl. bonus), when known
    "relation": ("U8", ""),  # family: "spouse" or "child" of a principal
    "principal_status": ("U12", ""),
    "principal_home": ("U10", ""),
}


@dataclass
class Population:
    ids: np.ndarray
    status: np.ndarray
    nationality: np.ndarray
    home: np.ndarray
    work: np.ndarray
    degree: np.ndarray
    income: np.ndarray
    topik: np.ndarray
    kiip: np.ndarray
    regional_end: np.ndarray
    birth: np.ndarray
    ethnic_korean: np.ndarray
    feeder_days: np.ndarray
    e74_points: np.ndarray
    relation: np.ndarray
    principal_status: np.ndarray
    principal_home: np.ndarray

    def __len__(self) -> int:
        return int(self.ids.shape[0])

    def take(self, index: Any) -> Population:
        return Population(**{f.name: getattr(self, f.name)[index] for f in fields(self)})

    @classmethod
    def empty(cls, n: int) -> Population:
        columns = {name: np.full(n, missing, dtype=dtype) for name, (dtype, missing) in COLUMNS.items()}
        return cls(ids=np.arange(n, dtype="i8"), **columns)

    @classmethod
    def from_rows(cls, rows: Iterable[Mapping[str, Any]]) -> Population:
        """One dict per person (keys from COLUMNS plus "id"); absent keys are missing evidence."""
        rows = list(rows)
        pop = cls.empty(len(rows))
        pop.ids = np.array([r.get("id", i) for i, r in enumerate(rows)], dtype="i8")
        for name, (dtype, _missing) in COLUMNS.items():
            column = getattr(pop, name)
            for i, row in enumerate(rows):
                value = row.get(name)
                if value is None or value == "":
                    continue
                if dtype.startswith("datetime64"):
                    value = np.datetime64(value if isinstance(value, dt.date) else str(value), "D")
                column[i] = value
        return pop
