"""Target shares of the demo population, from facts.md §3, and the fitting that combines them.

Nationality (§3.2) and visa (§3.3) shares are MoJ registered-foreigner figures for Jan 2024;
county weights (§3.4) are the MOIS 2024 foreign-resident counts where the source gives one, and
estimates marked [U] elsewhere. Which nationality holds which visa, and which visa lives where,
is a plausibility weight; `fit()` scales those weights until both margins match (iterative
proportional fitting), so the marginal shares hold whatever the weights.
"""

from __future__ import annotations

from collections.abc import Mapping

# Origin code → % of registered foreigners. Vietnam 27.8, Indonesia 8.5, Korean-Chinese 8.0,
# China 7.4, Nepal 6.9, Cambodia 6.4 are sourced; the rest (33%) is [U]: the call center's
# 2025 languages (Thai, Sinhala, Filipino, Uzbek) and Gwangju's Uzbek/Kazakh Koryo-saram.
ORIGIN_SHARES: Mapping[str, float] = {
    "VN": 27.8,
    "ID": 8.5,
    "CN-KR": 8.0,
    "CN": 7.4,
    "NP": 6.9,
    "KH": 6.4,
    "TH": 6.0,
    "PH": 5.0,
    "UZ": 3.2,
    "LK": 4.3,
    "MM": 4.3,
    "UZ-KR": 1.8,
    "KZ-KR": 1.1,
    "RU-KR": 1.0,
    "RU": 0.4,
    "KZ": 0.5,
    "MN": 1.3,
    "PK": 1.2,
    "BD": 1.0,
    "LA": 1.0,
    "KG": 0.8,
    "JP": 0.8,
    "US": 0.3,
}

# Visa code → % of registered foreigners. E-9 37.2, F-6 10.5, F-4 7.4, E-10 7.1, F-1 6.8 are
# sourced; the remainder is split [U] over the statuses the center deals with. F-3 and F-3-1R
# (dependants of E-7 and F-2-R holders) are not drawn: they arise from the generated families.
VISA_SHARES: Mapping[str, float] = {
    "E-9": 37.2,
    "F-6": 10.5,
    "F-4": 7.4,
    "E-10": 7.1,
    "F-1": 6.8,
    "D-2": 7.0,
    "F-5": 4.5,
    "E-8": 3.5,
    "H-2": 2.5,
    "E-7-4": 2.4,
    "F-2-R": 1.6,
    "D-4": 1.5,
    "E-7": 1.0,
    "F-2": 1.0,
    "E-7-4R": 0.7,
    "G-1": 0.6,
    "F-4-R": 0.4,
    "D-10": 0.3,
}

# Which origins hold which visa, as relative plausibility (0 = impossible).
_EPS = {
    "VN": 3,
    "ID": 2,
    "NP": 3,
    "KH": 3,
    "TH": 2,
    "PH": 1,
    "UZ": 1.5,
    "LK": 2,
    "MM": 2,
    "MN": 0.5,
    "PK": 1,
    "BD": 1,
    "LA": 0.5,
    "KG": 1,
    "CN": 0.1,
}
_SKILLED = {
    "VN": 3,
    "ID": 1.5,
    "NP": 1,
    "KH": 1,
    "TH": 1,
    "PH": 0.5,
    "UZ": 1,
    "LK": 1,
    "MM": 1,
    "PK": 0.5,
    "BD": 0.5,
    "MN": 0.3,
    "KG": 0.3,
}
_KORYO = {"UZ-KR": 2, "KZ-KR": 1.5, "RU-KR": 1.5}
_STUDENTS = {
    "VN": 3,
    "CN": 3,
    "UZ": 2,
    "MN": 1.5,
    "NP": 1,
    "ID": 0.5,
    "LK": 0.3,
    "MM": 0.3,
    "KH": 0.3,
    "PK": 0.3,
    "BD": 0.3,
    "KZ": 0.3,
    "KG": 0.3,
    "RU": 0.2,
    "TH": 0.2,
    "PH": 0.2,
    "US": 0.1,
}
VISA_ORIGIN_AFFINITY: Mapping[str, Mapping[str, float]] = {
    "E-9": _EPS,
    "E-10": {"ID": 4, "VN": 3, "MM": 2, "LK": 1, "PH": 1},
    "F-6": {
        "VN": 5,
        "CN": 2,
        "CN-KR": 1,
        "PH": 2,
        "KH": 2,
        "JP": 1.5,
        "TH": 1,
        "UZ": 0.5,
        "MN": 0.5,
        "NP": 0.3,
        "US": 0.3,
        "ID": 0.3,
        "RU": 0.3,
        "KZ": 0.2,
        "LK": 0.1,
        "MM": 0.1,
    },
    "F-4": {"CN-KR": 5, **_KORYO},
    "F-4-R": {"CN-KR": 2, **_KORYO},
    "H-2": {"CN-KR": 3, **_KORYO},
    "F-1": {"CN-KR": 2, **_KORYO, "VN": 2, "CN": 1, "KH": 0.5, "PH": 0.5, "UZ": 0.3, "KZ": 0.3, "RU": 0.3},
    "D-2": _STUDENTS,
    "D-4": {"VN": 3, "CN": 2, "UZ": 2, "MN": 1, "NP": 1, "KZ": 0.3, "KG": 0.3},
    "D-10": {"VN": 1, "CN": 1, "UZ": 1, "MN": 0.5, "NP": 0.5},
    "E-7-4": _SKILLED,
    "E-7-4R": _SKILLED,
    "E-7": {"VN": 1, "CN": 1, "UZ": 1, "PH": 1, "LK": 0.5, "NP": 0.5, "ID": 1, "MM": 0.5, "US": 1, "RU": 0.3},
    "E-8": {"VN": 2, "PH": 1.5, "KH": 1, "LA": 2, "KG": 1, "TH": 0.5, "ID": 0.5, "MN": 0.5, "UZ": 0.5},
    "F-2-R": {
        "VN": 3,
        "ID": 1,
        "NP": 1,
        "KH": 1,
        "UZ": 1,
        "CN": 0.5,
        "MN": 0.5,
        "LK": 0.5,
        "MM": 0.5,
        "TH": 0.5,
        "PH": 0.5,
    },
    "F-2": {"VN": 1, "CN": 1, "PH": 0.5, "UZ": 0.5, "MN": 0.3, "CN-KR": 0.5},
    "F-5": {
        "CN-KR": 3,
        "VN": 3,
        "CN": 2,
        "PH": 1,
        "JP": 1,
        "KH": 0.5,
        "TH": 0.5,
        "UZ-KR": 0.5,
        "RU-KR": 0.3,
        "US": 0.3,
        "MN": 0.3,
    },
    "G-1": {
        "VN": 1,
        "NP": 1,
        "KH": 1,
        "CN-KR": 0.5,
        "MM": 0.5,
        "LK": 0.3,
        "ID": 0.3,
        "PK": 0.3,
        "BD": 0.3,
        "TH": 0.3,
        "UZ": 0.3,
        "KZ": 0.3,
        "RU": 0.3,
        "KG": 0.3,
    },
}

# Municipality code → foreign residents. MOIS 2024: Yeongam 12,569, Yeosu 11,286, Mokpo 8,011,
# Naju 7,852 (sourced); Wando ~4,000 from 3,991 registered; the others are estimates [U] scaled
# from registered counts and population (facts.md §3.4 leaves them blank).
COUNTY_WEIGHTS: Mapping[str, float] = {
    "46830": 12569,  # Yeongam
    "46130": 11286,  # Yeosu
    "46110": 8011,  # Mokpo
    "46170": 7852,  # Naju
    "46150": 6500,  # Suncheon [U]
    "46230": 4500,  # Gwangyang [U]
    "46890": 4000,  # Wando
    "46820": 4000,  # Haenam [U]
    "46840": 3500,  # Muan [U]
    "46910": 3000,  # Sinan [U]
    "46770": 3000,  # Goheung [U]
    "46900": 2500,  # Jindo [U]
    "46870": 2500,  # Yeonggwang [U]
    "46790": 2200,  # Hwasun [U]
    "46710": 1600,  # Damyang [U]
    "46880": 1600,  # Jangseong [U]
    "46780": 1500,  # Boseong [U]
    "46860": 1500,  # Hampyeong [U]
    "46800": 1400,  # Jangheung [U]
    "46810": 1200,  # Gangjin [U]
    "46720": 1000,  # Gokseong [U]
    "46730": 800,  # Gurye [U]
}
CITIES = ("46110", "46130", "46150", "46170", "46230")
# Population-decline areas: every county except Muan (facts.md §3.4). F-2-R, F-4-R and E-7-4R
# holders must live in one.
DECLINE_AREAS = tuple(c for c in COUNTY_WEIGHTS if c not in CITIES and c != "46840")
COASTAL = {
    "46890": 4,
    "46900": 3,
    "46910": 3,
    "46130": 2,
    "46770": 2,
    "46110": 1.5,
    "46870": 1.5,
    "46820": 1,
    "46800": 0.5,
    "46780": 0.5,
    "46810": 0.5,
    "46840": 0.5,
    "46830": 0.3,
    "46150": 0.3,
    "46230": 0.3,
}
FARMING = {
    "46820": 4,
    "46770": 2,
    "46910": 2,
    "46890": 2,
    "46900": 1.5,
    "46720": 1,
    "46780": 1,
    "46870": 1,
    "46800": 1,
    "46810": 1,
    "46710": 1,
    "46860": 1,
    "46730": 1,
    "46790": 0.5,
    "46880": 0.5,
    "46170": 0.5,
    "46840": 0.5,
    "46830": 0.3,
    "46150": 0.2,
    "46110": 0.1,
    "46130": 0.2,
    "46230": 0.2,
}
UNIVERSITY_TOWNS = {"46840": 3, "46150": 3, "46110": 2, "46130": 1.5, "46170": 1.5, "46830": 1, "46710": 0.5}
INDUSTRIAL = {"46830": 3, "46110": 1.2, "46130": 1.5, "46230": 1.5, "46820": 1.2, "46170": 1, "46150": 0.8}
SETTLED = {"46150": 2, "46230": 2, "46730": 2}  # settlement-type majority (facts.md §3.3)


def _everywhere(base: float, *overrides: Mapping[str, float]) -> dict[str, float]:
    weights = dict.fromkeys(COUNTY_WEIGHTS, base)
    for override in overrides:
        weights.update(override)
    return weights


def _decline_only(boost: Mapping[str, float]) -> dict[str, float]:
    return {c: boost.get(c, 1.0) for c in DECLINE_AREAS}


_REGIONAL = _decline_only({"46830": 3, "46820": 1.5, "46890": 1.2, "46900": 1.2, "46770": 1.2, "46910": 1.2})
VISA_COUNTY_AFFINITY: Mapping[str, Mapping[str, float]] = {
    "E-9": _everywhere(
        1.0,
        {
            "46830": 3,
            "46820": 1.5,
            "46890": 1.5,
            "46900": 1.5,
            "46910": 1.5,
            "46770": 1.2,
            "46150": 0.6,
            "46230": 0.8,
        },
    ),
    "E-10": COASTAL,
    "E-8": FARMING,
    "D-2": UNIVERSITY_TOWNS,
    "D-4": UNIVERSITY_TOWNS,
    "D-10": UNIVERSITY_TOWNS,
    "F-6": _everywhere(1.5, dict.fromkeys(CITIES, 1.0), SETTLED),
    "F-5": _everywhere(1.0, SETTLED),
    "F-4": _everywhere(0.4, INDUSTRIAL, SETTLED),
    "H-2": _everywhere(0.4, INDUSTRIAL),
    "E-7-4": _everywhere(0.5, INDUSTRIAL),
    "E-7": _everywhere(0.5, INDUSTRIAL),
    "F-2-R": _REGIONAL,
    "F-4-R": _REGIONAL,
    "E-7-4R": _REGIONAL,
}


def normalized(weights: Mapping[str, float]) -> dict[str, float]:
    total = sum(weights.values())
    return {k: v / total for k, v in weights.items()}


def fit(
    affinity: Mapping[str, Mapping[str, float]],
    row_targets: Mapping[str, float],
    col_targets: Mapping[str, float],
    *,
    default_row: Mapping[str, float] | None = None,
    rounds: int = 200,
) -> dict[tuple[str, str], float]:
    """Joint shares P(row, col) close to `affinity` whose margins are the two targets (IPF).

    Rows without an affinity entry use `default_row` (e.g. "lives anywhere"); a zero weight
    stays zero. Deterministic: plain arithmetic in a fixed order.
    """
    rows = normalized(row_targets)
    cols = normalized(col_targets)
    cells: dict[tuple[str, str], float] = {}
    for r in rows:
        for c, w in (affinity.get(r) or default_row or {}).items():
            if w > 0 and c in cols:
                cells[(r, c)] = float(w)
    for _ in range(rounds):
        worst = 0.0
        for margin, index in ((rows, 0), (cols, 1)):
            sums: dict[str, float] = {}
            for key, w in cells.items():
                sums[key[index]] = sums.get(key[index], 0.0) + w
            worst = max(worst, *(abs(sums[k] - margin[k]) for k in sums))
            for key in cells:
                cells[key] *= margin[key[index]] / sums[key[index]]
        if worst < 1e-12:
            break
    return cells
