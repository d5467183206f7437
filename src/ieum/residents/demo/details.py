"""Korean level, schooling, earnings, languages and contact details of one generated person."""

from __future__ import annotations

import datetime as dt
import random

from ieum.residents.demo import profiles
from ieum.residents.demo.employers import COLLEGE_NAMES
from ieum.residents.demo.identifiers import IdentifierPool
from ieum.residents.demo.origins import Origin
from ieum.residents.demo.records import Income, KoreanLevel, Person, Schooling, VisaSpan
from ieum.residents.demo.sampling import Weighted, age_on, between, years_after

SECTOR_PAY = {
    "shipbuilding": 1.2,
    "petrochemical": 1.3,
    "steel": 1.25,
    "manufacturing": 1.05,
    "food": 0.95,
    "agriculture": 0.85,
    "livestock": 0.9,
    "fishery": 1.0,
    "aquaculture": 0.9,
    "salt": 0.85,
    "construction": 1.15,
    "restaurant": 0.9,
}
INCOME_SOURCES = (("근로소득 원천징수영수증", False), ("소득금액증명원", True))
EMAIL_DOMAINS = ("example.com", "example.net", "example.org")


def _before(rng: random.Random, day: dt.date, low: int, high: int) -> dt.date:
    return day - dt.timedelta(days=rng.randrange(low, high))


def korean_levels(rng: random.Random, person: Person, origin: Origin, as_of: dt.date) -> list[KoreanLevel]:
    codes = {span.code: span for span in reversed(person.visas)}  # earliest span of each status
    current = person.current_visa.code
    out: list[KoreanLevel] = []
    if "E-9" in codes and rng.random() < 0.95:
        score = round(rng.triangular(90, 190, 130))
        out.append(KoreanLevel("eps_topik", score, _before(rng, codes["E-9"].valid_from, 60, 400), True))
    if "D-2" in codes and rng.random() < 0.85:
        on = between(rng, codes["D-2"].valid_from, min(as_of, years_after(codes["D-2"].valid_from, 3)))
        out.append(KoreanLevel("topik", round(rng.triangular(2, 6, 4)), on, True))
    elif current == "D-4" and rng.random() < 0.5:
        out.append(
            KoreanLevel("topik", rng.randint(1, 3), between(rng, codes["D-4"].valid_from, as_of), True)
        )
    for code, kiip, topik in (
        ("E-7-4", (2, 4), (2, 4)),
        ("E-7-4R", (2, 4), (2, 4)),
        ("F-2-R", (4, 5), (3, 6)),
    ):
        if code in codes:
            on = _before(rng, codes[code].valid_from, 30, 300)
            if rng.random() < 0.6:
                out.append(KoreanLevel("topik", rng.randint(*topik), on, True))
            else:
                out.append(KoreanLevel("kiip", rng.randint(*kiip), on, True))
            break
    if current in ("F-6", "F-5") and not origin.ethnic_korean:
        years = (as_of - person.registered_on).days / 365.25
        roll = rng.random()
        if current == "F-5" and roll < 0.7:
            out.append(KoreanLevel("kiip", 5, between(rng, person.registered_on, as_of), True))
        elif roll < 0.6:
            out.append(
                KoreanLevel("kiip", min(5, int(years)), between(rng, person.registered_on, as_of), True)
            )
        elif roll < 0.8:
            out.append(
                KoreanLevel("topik", rng.randint(1, 4), between(rng, person.registered_on, as_of), True)
            )
    elif origin.ethnic_korean and origin.code != "CN-KR" and rng.random() < 0.3:
        out.append(KoreanLevel("kiip", rng.randint(0, 3), between(rng, person.registered_on, as_of), True))
    if current in ("E-9", "E-10", "E-8", "H-2", "G-1") and rng.random() < 0.15:
        out.append(KoreanLevel("course", rng.randint(1, 3), between(rng, person.registered_on, as_of), False))
    return out


def korean_language_level(person: Person, origin: Origin, as_of: dt.date) -> str | None:
    if any(code == "ko" for code, _ in origin.languages):
        return None  # already listed as a home language
    best = 0
    for k in person.korean:
        if k.kind == "topik":
            best = max(best, k.level)
        elif k.kind == "kiip":
            best = max(best, k.level + 1)
        elif k.kind == "eps_topik":
            best = max(best, 1 if k.level < 150 else 2)
    if best >= 5:
        return "fluent"
    if best >= 3:
        return "working"
    if best >= 1 or (as_of - person.registered_on).days > 3 * 365:
        return "basic"
    return None


def schooling(
    rng: random.Random, person: Person, sponsors_by_code: dict[str, VisaSpan], as_of: dt.date
) -> list[Schooling]:
    birth = person.birth_date
    age = age_on(birth, as_of)
    if age < 7:
        return []
    if age < 19 and person.current_visa.code in ("F-3-1R", "F-3", "F-2", "F-4", "F-1"):
        level = "primary" if age < 13 else "secondary"
        return [
            Schooling(
                level, years_after(birth, 13 if age < 13 else 19), korean_institution=True, expected=True
            )
        ]
    out: list[Schooling] = []
    d2 = sponsors_by_code.get("D-2")
    if d2 is not None:
        if d2.sponsor in COLLEGE_NAMES:
            level = "associate"
        else:
            level = "master" if rng.random() < 0.12 else "bachelor"
        studying = person.current_visa.code == "D-2"
        years = {"bachelor": 4, "associate": 2, "master": 2}[level]
        done = years_after(d2.valid_from, years) if studying else (d2.valid_to or as_of)
        out.append(Schooling("secondary", years_after(birth, 18)))
        out.append(Schooling(level, done, d2.sponsor, True, studying))
        return out
    code = person.current_visa.code
    if code in ("E-7", "E-2"):
        return [Schooling("bachelor", years_after(birth, 22))]
    if code == "D-4":
        return [Schooling("secondary", years_after(birth, 18))]
    if rng.random() < 0.6:
        level = Weighted({"primary": 0.1, "secondary": 0.65, "associate": 0.1, "bachelor": 0.15})(rng)
        years = {"primary": 12, "secondary": 18, "associate": 20, "bachelor": 22}[level]
        out.append(Schooling(level, years_after(birth, years)))
    return out


def incomes(rng: random.Random, person: Person, as_of: dt.date) -> list[Income]:
    out: list[Income] = []
    for year in range(as_of.year - 3, as_of.year):
        mid = dt.date(year, 7, 1)
        span = next(
            (s for s in person.visas if s.valid_from <= mid and (s.valid_to is None or s.valid_to >= mid)),
            None,
        )
        if span is None or age_on(person.birth_date, dt.date(year, 12, 31)) < 18:
            continue
        profile = profiles.PROFILES.get(span.code)
        whole_year = person.registered_on <= dt.date(year, 1, 31) or span.code == "E-8"
        if not profile or not profile.income or not whole_year or rng.random() >= profile.income_share:
            continue
        growth = 1.035 ** (as_of.year - 1 - year)
        amount = profile.income * SECTOR_PAY.get(span.sector, 1.0) / growth * rng.lognormvariate(0, 0.12)
        source, verified = INCOME_SOURCES[rng.random() < 0.4]
        out.append(Income(year, int(round(amount, -4)), source, verified))
    return out


def contact(rng: random.Random, person: Person, origin: Origin, ids: IdentifierPool, as_of: dt.date) -> None:
    """Phone, e-mail and messenger handles, in place."""
    age = age_on(person.birth_date, as_of)
    recent = (as_of - person.current_visa.valid_from).days < 90
    code = person.current_visa.code
    if age < 14 or (age >= 18 and rng.random() < 0.015):
        return
    home_first = (
        (code == "E-8" and rng.random() < 0.5)
        or (code == "F-1" and rng.random() < 0.3)
        or (recent and rng.random() < 0.4)
    )
    person.phone = ids.home_phone(origin.home_phone) if home_first else ids.korean_mobile()
    if age >= 18 and rng.random() < 0.15:
        handle = "".join(person.name.lower().split())[:20]
        person.email = (
            f"{handle}{person.birth_date:%y}{rng.randrange(100):02d}@{EMAIL_DOMAINS[rng.randrange(3)]}"
        )
    if rng.random() < 0.55:
        if person.phone.startswith("+82"):
            person.messengers.append(("kakaotalk", person.phone))
        app = origin.messengers[rng.randrange(len(origin.messengers))]
        handle = (
            person.phone
            if app in ("zalo", "viber", "whatsapp")
            else ("".join(person.name.lower().split())[:16] + str(rng.randrange(1000)))
        )
        person.messengers.append((app, handle))
