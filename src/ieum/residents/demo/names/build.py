"""Build one person's name in three forms from the tables: passport Latin, native script, Hangul.

Every builder takes a seeded `random.Random`, the sex ("M"/"F") and optionally the family part
to inherit (a child takes the father's family name), and returns `Name`.
"""

from __future__ import annotations

import random
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from ieum.residents.demo.names import chinese as zh
from ieum.residents.demo.names import cyrillic as cy
from ieum.residents.demo.names import korean as ko
from ieum.residents.demo.names import south as so
from ieum.residents.demo.names import southeast as se
from ieum.residents.demo.names import western as we
from ieum.residents.demo.names.parse import Part


@dataclass(frozen=True)
class Name:
    latin: str
    native: str
    hangul: str
    # The part a child inherits, or None where names carry no family name (Myanmar, Indonesia).
    family: Part | None = None


Builder = Callable[[random.Random, str, Part | None], Name]


def pick(rng: random.Random, table: Sequence[Part], weights: Sequence[float] | None = None) -> Part:
    if weights:
        return rng.choices(table, weights)[0]
    return table[rng.randrange(len(table))]


def join(
    parts: Sequence[Part], native_sep: str = " ", hangul_sep: str = " ", family: Part | None = None
) -> Name:
    return Name(
        latin=" ".join(p[0] for p in parts),
        native=native_sep.join(p[1] for p in parts),
        hangul=hangul_sep.join(p[2] for p in parts),
        family=family,
    )


def feminine(part: Part) -> Part:
    """Slavic-pattern surnames: Karimov → Karimova, Иванов → Иванова, 카리모프 → 카리모바."""
    latin, native, hangul = part
    if not latin.endswith(("OV", "EV", "IN")):
        return part
    hangul = hangul[:-1] + "바" if hangul.endswith("프") else hangul + "아"
    ending = "a" if native.isascii() else "а"  # Latin a, or Cyrillic а
    return latin + "A", native + ending, hangul


def _by_sex(sex: str, men: Sequence[Part], women: Sequence[Part]) -> Sequence[Part]:
    return men if sex == "M" else women


def vietnamese(rng: random.Random, sex: str, family: Part | None = None) -> Name:
    family = family or pick(rng, se.VI_FAMILY, se.VI_FAMILY_WEIGHTS)
    if sex == "F" and rng.random() < 0.6:
        middle = se.VI_MIDDLE_F[0]  # Thị
    else:
        middle = pick(rng, _by_sex(sex, se.VI_MIDDLE_M, se.VI_MIDDLE_F))
    parts = [family, middle, pick(rng, _by_sex(sex, se.VI_GIVEN_M, se.VI_GIVEN_F))]
    if rng.random() < 0.15:  # a second middle name: Nguyễn Thị Thu Hương
        parts.insert(2, pick(rng, _by_sex(sex, se.VI_MIDDLE_M, se.VI_MIDDLE_F)))
    return join(_distinct(parts), family=family)


def _distinct(parts: list[Part]) -> list[Part]:
    out: list[Part] = []
    for part in parts:
        if not out or out[-1] != part:
            out.append(part)
    return out


def _han(
    rng: random.Random, sex: str, family: Part, men: Sequence[Part], women: Sequence[Part], two_chars: float
) -> Name:
    table = _by_sex(sex, men, women)
    chars = [pick(rng, table)]
    if rng.random() < two_chars:
        chars.append(pick(rng, [c for c in table if c != chars[0]]))
    given = ("".join(c[0] for c in chars), "".join(c[1] for c in chars), "".join(c[2] for c in chars))
    return join([family, given], native_sep="", hangul_sep="", family=family)


def chinese(rng: random.Random, sex: str, family: Part | None = None) -> Name:
    return _han(rng, sex, family or pick(rng, zh.ZH_FAMILY), zh.ZH_GIVEN_M, zh.ZH_GIVEN_F, 0.65)


def korean_chinese(rng: random.Random, sex: str, family: Part | None = None) -> Name:
    family = family or pick(rng, zh.CK_FAMILY, zh.CK_FAMILY_WEIGHTS)
    return _han(rng, sex, family, zh.CK_GIVEN_M, zh.CK_GIVEN_F, 0.9)


def japanese(rng: random.Random, sex: str, family: Part | None = None) -> Name:
    family = family or pick(rng, zh.JA_FAMILY)
    return join([family, pick(rng, _by_sex(sex, zh.JA_GIVEN_M, zh.JA_GIVEN_F))], family=family)


def nepali(rng: random.Random, sex: str, family: Part | None = None) -> Name:
    family = family or pick(rng, so.NE_FAMILY)
    parts = [pick(rng, _by_sex(sex, so.NE_GIVEN_M, so.NE_GIVEN_F))]
    roll = rng.random()
    if sex == "M" and roll < 0.65:
        parts.append(so.NE_MIDDLE_M[0] if roll < 0.45 else pick(rng, so.NE_MIDDLE_M[1:]))
    elif sex == "F" and roll < 0.4:
        parts.append(so.NE_MIDDLE_F[0])
    return join([*parts, family], family=family)


def indonesian(rng: random.Random, sex: str, family: Part | None = None) -> Name:
    given = pick(rng, _by_sex(sex, se.ID_GIVEN_M, se.ID_GIVEN_F))
    second = _by_sex(sex, se.ID_SECOND_M, se.ID_SECOND_F)
    roll = rng.random()
    if roll < 0.2:
        return join([given])  # a single name, as on many Indonesian passports
    parts = [given, pick(rng, second)]
    if roll > 0.8:
        parts.insert(1, pick(rng, [g for g in _by_sex(sex, se.ID_GIVEN_M, se.ID_GIVEN_F) if g != given]))
    return join(parts)


def khmer(rng: random.Random, sex: str, family: Part | None = None) -> Name:
    family = family or pick(rng, se.KM_FAMILY)
    return join([family, pick(rng, _by_sex(sex, se.KM_GIVEN_M, se.KM_GIVEN_F))], family=family)


def thai(rng: random.Random, sex: str, family: Part | None = None) -> Name:
    family = family or pick(rng, se.TH_FAMILY)
    return join([pick(rng, _by_sex(sex, se.TH_GIVEN_M, se.TH_GIVEN_F)), family], family=family)


def filipino(rng: random.Random, sex: str, family: Part | None = None) -> Name:
    family = family or pick(rng, se.FIL_FAMILY)
    parts = [pick(rng, _by_sex(sex, se.FIL_GIVEN_M, se.FIL_GIVEN_F))]
    if rng.random() < 0.4:  # the mother's maiden name as middle name
        parts.append(pick(rng, [f for f in se.FIL_FAMILY if f != family]))
    return join([*parts, family], family=family)


def lao(rng: random.Random, sex: str, family: Part | None = None) -> Name:
    family = family or pick(rng, se.LO_FAMILY)
    return join([pick(rng, _by_sex(sex, se.LO_GIVEN_M, se.LO_GIVEN_F)), family], family=family)


def burmese(rng: random.Random, sex: str, family: Part | None = None) -> Name:
    table = _by_sex(sex, se.MY_SYLLABLES_M, se.MY_SYLLABLES_F)
    count = 2 if rng.random() < 0.6 else 3
    parts = [pick(rng, table) for _ in range(count)]
    return join(parts, native_sep="")


def sinhala(rng: random.Random, sex: str, family: Part | None = None) -> Name:
    family = family or pick(rng, so.SI_FAMILY)
    return join([pick(rng, _by_sex(sex, so.SI_GIVEN_M, so.SI_GIVEN_F)), family], family=family)


def urdu(rng: random.Random, sex: str, family: Part | None = None) -> Name:
    family = family or pick(rng, so.UR_FAMILY)
    parts = [pick(rng, _by_sex(sex, so.UR_GIVEN_M, so.UR_GIVEN_F))]
    if sex == "M" and rng.random() < 0.4:
        parts.insert(0, so.UR_PREFIX_M[0])
    return join([*parts, family], family=family)


def bengali(rng: random.Random, sex: str, family: Part | None = None) -> Name:
    family = family or pick(rng, so.BN_FAMILY)
    return join([pick(rng, _by_sex(sex, so.BN_GIVEN_M, so.BN_GIVEN_F)), family], family=family)


def _family_first(
    table: Sequence[Part],
    men: Sequence[Part],
    women: Sequence[Part],
    weights: Sequence[float] | None = None,
    gendered: bool = True,
) -> Builder:
    def build(rng: random.Random, sex: str, family: Part | None = None) -> Name:
        family = family or pick(rng, table, weights)
        shown = feminine(family) if gendered and sex == "F" else family
        return join([shown, pick(rng, _by_sex(sex, men, women))], family=family)

    return build


uzbek = _family_first(cy.UZ_FAMILY, cy.UZ_GIVEN_M, cy.UZ_GIVEN_F)
koryo_saram = _family_first(
    cy.KORYO_FAMILY, cy.RU_GIVEN_M, cy.RU_GIVEN_F, cy.KORYO_FAMILY_WEIGHTS, gendered=False
)
russian = _family_first(cy.RU_FAMILY, cy.RU_GIVEN_M, cy.RU_GIVEN_F)
kazakh = _family_first(cy.KK_FAMILY, cy.KK_GIVEN_M, cy.KK_GIVEN_F)
kyrgyz = _family_first(cy.KY_FAMILY, cy.KY_GIVEN_M, cy.KY_GIVEN_F)


def mongolian(rng: random.Random, sex: str, family: Part | None = None) -> Name:
    # The father's given name stands as the surname on the passport.
    father = family or pick(rng, cy.MN_GIVEN_M)
    return join([father, pick(rng, _by_sex(sex, cy.MN_GIVEN_M, cy.MN_GIVEN_F))], family=father)


def english(rng: random.Random, sex: str, family: Part | None = None) -> Name:
    family = family or pick(rng, we.EN_FAMILY)
    return join([pick(rng, _by_sex(sex, we.EN_GIVEN_M, we.EN_GIVEN_F)), family], family=family)


def korean_citizen(rng: random.Random, sex: str, *, child: bool = False, family: str = "") -> str:
    """A Korean citizen's name in Hangul (the spouse or child of a marriage migrant)."""
    family = family or rng.choices(ko.FAMILY, ko.FAMILY_WEIGHTS)[0]
    given: tuple[str, ...]
    if child:
        given = ko.GIVEN_BOYS if sex == "M" else ko.GIVEN_GIRLS
    else:
        given = ko.GIVEN_MEN if sex == "M" else ko.GIVEN_WOMEN
    return family + given[rng.randrange(len(given))]
