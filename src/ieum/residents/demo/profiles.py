"""What holding each status of stay looks like in the demo: sex, age, years in Korea, how people
got there, who sponsors them, their families and earnings.

Sources: facts.md §2 (EPS entry age 18–39, 4 y 10 m stay, sincere-worker re-entry; E-8 five
months; typical pathway E-9 → E-7-4 → F-2 → F-5), §1 (F-2-R after E-9/E-7-4 or a Korean degree),
§3.1 (76% male, 30s most common). Shares within a status are plausible estimates [U].
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

# Sectors an employer of each status works in, with weights (see employers.SECTORS).
_EPS_SECTORS = {
    "shipbuilding": 3,
    "manufacturing": 2,
    "food": 1.5,
    "agriculture": 2,
    "livestock": 1,
    "aquaculture": 1.5,
    "fishery": 1,
    "salt": 0.5,
    "construction": 0.5,
    "cold_storage": 0.5,
    "restaurant": 0.2,
    "petrochemical": 0.3,
    "steel": 0.3,
}
_SKILLED_SECTORS = {
    "shipbuilding": 4,
    "manufacturing": 2,
    "food": 1,
    "agriculture": 1,
    "livestock": 0.5,
    "aquaculture": 0.5,
    "fishery": 0.5,
    "petrochemical": 0.5,
    "steel": 0.5,
}
_OPEN_SECTORS = {
    "shipbuilding": 2,
    "manufacturing": 2,
    "construction": 2,
    "restaurant": 2,
    "food": 1,
    "agriculture": 1,
    "petrochemical": 0.5,
    "steel": 0.5,
}


@dataclass(frozen=True)
class Profile:
    male: float
    age: tuple[float, float, float]  # low, mode, high at the reference date
    stay: tuple[float, float, float]  # years since first entry: low, mode, high
    # Earlier statuses, each path with a weight; the ethnic-Korean variant replaces it where given.
    paths: tuple[tuple[float, tuple[str, ...]], ...] = ((1.0, ()),)
    ethnic_paths: tuple[tuple[float, tuple[str, ...]], ...] | None = None
    sectors: dict[str, float] = field(default_factory=dict)
    employed: float = 1.0  # share with a named employer as sponsor
    income: int = 0  # typical yearly earnings in KRW; 0 = none declared
    income_share: float = 1.0  # share who declare income


PROFILES: dict[str, Profile] = {
    "E-9": Profile(0.95, (21, 30, 44), (0.1, 1.0, 9.6), sectors=_EPS_SECTORS, income=31_000_000),
    "E-10": Profile(0.99, (21, 31, 48), (0.1, 1.0, 4.8), sectors={"fishery": 1}, income=29_000_000),
    "E-8": Profile(
        0.85,
        (23, 36, 55),
        (0.05, 0.3, 0.45),
        paths=((0.75, ()), (0.25, ("E-8",))),
        sectors={"agriculture": 3, "aquaculture": 1},
        income=11_000_000,
        income_share=0.25,
    ),
    "E-7-4": Profile(
        0.96,
        (26, 33, 45),
        (4.3, 6.0, 11),
        paths=((1.0, ("E-9",)),),
        sectors=_SKILLED_SECTORS,
        income=36_000_000,
    ),
    "E-7-4R": Profile(
        0.95,
        (26, 33, 45),
        (4.3, 6.0, 11),
        paths=((1.0, ("E-9",)),),
        sectors=_SKILLED_SECTORS,
        income=35_000_000,
    ),
    "E-7": Profile(
        0.85,
        (25, 34, 50),
        (0.5, 3.0, 9),
        paths=((0.7, ()), (0.3, ("D-2",))),
        sectors={"petrochemical": 2, "steel": 2, "shipbuilding": 2, "manufacturing": 1, "restaurant": 1},
        income=40_000_000,
    ),
    "H-2": Profile(0.8, (25, 45, 60), (0.3, 2.0, 5), sectors=_OPEN_SECTORS, income=33_000_000),
    "F-4": Profile(
        0.78,
        (22, 42, 64),
        (0.5, 6.0, 20),
        paths=((0.5, ()), (0.5, ("H-2",))),
        sectors=_OPEN_SECTORS,
        employed=0.6,
        income=35_000_000,
        income_share=0.7,
    ),
    "F-4-R": Profile(
        0.7,
        (25, 38, 55),
        (3, 6.0, 15),
        paths=((0.7, ("F-4",)), (0.3, ("H-2", "F-4"))),
        sectors=_OPEN_SECTORS,
        employed=0.8,
        income=34_000_000,
    ),
    "F-6": Profile(
        0.12,
        (21, 34, 55),
        (0.5, 6.0, 20),
        paths=((0.85, ()), (0.1, ("E-9",)), (0.05, ("D-2",))),
        income=18_000_000,
        income_share=0.55,
    ),
    "F-5": Profile(
        0.45,
        (30, 45, 65),
        (5, 12, 25),
        paths=((0.75, ("F-6",)), (0.25, ("E-9", "E-7-4", "F-2"))),
        ethnic_paths=((0.7, ("F-4",)), (0.3, ("H-2", "F-4"))),
        sectors=_OPEN_SECTORS,
        employed=0.5,
        income=32_000_000,
        income_share=0.7,
    ),
    "F-2-R": Profile(
        0.9,
        (24, 31, 45),
        (4.3, 6.0, 12),
        paths=((0.45, ("E-9", "E-7-4")), (0.25, ("E-9",)), (0.2, ("D-2",)), (0.1, ("D-4", "D-2"))),
        sectors={**_SKILLED_SECTORS, "restaurant": 0.5, "construction": 0.5},
        income=38_000_000,
    ),
    "F-2": Profile(
        0.6,
        (27, 36, 55),
        (3, 7, 15),
        paths=((0.5, ("E-7",)), (0.5, ("E-9", "E-7-4"))),
        sectors=_OPEN_SECTORS,
        employed=0.7,
        income=36_000_000,
        income_share=0.8,
    ),
    "F-1": Profile(0.55, (20, 52, 70), (0.2, 1.0, 4)),
    "D-2": Profile(
        0.62,
        (19, 23, 32),
        (0.3, 1.5, 4.5),
        paths=((0.5, ()), (0.5, ("D-4",))),
        sectors={"university": 1},
        income=6_000_000,
        income_share=0.3,
    ),
    "D-4": Profile(0.55, (18, 22, 30), (0.1, 0.5, 1.8), sectors={"university": 1}),
    "D-10": Profile(0.55, (22, 26, 33), (2.5, 4.5, 7), paths=((1.0, ("D-2",)),)),
    "G-1": Profile(0.8, (22, 33, 55), (0.5, 3.0, 8), paths=((0.7, ("E-9",)), (0.3, ()))),
    "F-3": Profile(0.1, (22, 32, 45), (0.2, 2.0, 6)),
    "F-3-1R": Profile(0.1, (22, 32, 45), (0.2, 2.0, 4), income=22_000_000, income_share=0.4),
}

# How long an earlier status lasted, in years: low, mode, high.
PRIOR_YEARS: dict[str, tuple[float, float, float]] = {
    "E-9": (4.0, 4.8, 4.83),
    "E-8": (0.4, 0.42, 0.45),
    "E-7-4": (1.0, 2.0, 4.0),
    "E-7": (2.0, 3.0, 5.0),
    "D-4": (0.5, 1.0, 1.5),
    "D-2": (2.0, 4.0, 4.5),
    "H-2": (1.0, 2.5, 4.0),
    "F-4": (2.0, 5.0, 10.0),
    "F-6": (2.0, 4.0, 10.0),
    "F-2": (2.0, 3.0, 6.0),
}

# Status → (share with a spouse living here too, the spouse's and children's status). Children
# come only with a resident spouse: 0, 1 or 2 of them.
FAMILIES: dict[str, tuple[float, str]] = {
    "F-2-R": (0.45, "F-3-1R"),
    "E-7-4R": (0.35, "F-3"),
    "E-7-4": (0.25, "F-3"),
    "E-7": (0.35, "F-3"),
    "F-2": (0.3, "F-2"),
    "F-4": (0.3, "F-4"),
    "H-2": (0.1, "H-2"),
}
CHILDREN = ((0, 0.35), (1, 0.35), (2, 0.3))
# A spouse (and children) abroad, recorded by name only.
SPOUSE_ABROAD = {"E-9": 0.4, "E-10": 0.45, "E-8": 0.6, "H-2": 0.3, "E-7-4": 0.3, "D-2": 0.03}
REGIONAL_NOTES = {"F-2-R": "지역특화형 우수인재", "F-4-R": "지역특화동포", "E-7-4R": "지역특화 숙련기능인력"}
# Statuses that did not exist before a date (valid_from in the jeonnam region pack): nobody holds
# them earlier.
STATUS_FROM = {
    "F-2-R": dt.date(2022, 10, 4),
    "F-4-R": dt.date(2022, 10, 4),
    "F-3-1R": dt.date(2022, 10, 4),
    "E-7-4R": dt.date(2025, 2, 20),
}
