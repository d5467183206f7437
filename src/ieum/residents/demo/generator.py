"""Generate the demo region's residents: plain Python, one seeded `random.Random`, no Django.

`generate(n, seed)` yields households (a person and the relatives living here with them) until n
people exist. The same seed and reference date give the same people, byte for byte.
"""

from __future__ import annotations

import datetime as dt
import random
from collections.abc import Iterator

from ieum.residents.demo import details, profiles, shares
from ieum.residents.demo.history import Sponsors, plan, sponsor_spans
from ieum.residents.demo.identifiers import IdentifierPool
from ieum.residents.demo.names.build import korean_citizen
from ieum.residents.demo.names.parse import Part
from ieum.residents.demo.origins import ORIGINS, Origin
from ieum.residents.demo.records import Person, Relative
from ieum.residents.demo.sampling import Weighted, age_on, between, triangular, years_before

# The demo's "today": fixed, so that a seed always gives the same dates (see --as-of).
DEMO_AS_OF = dt.date(2026, 11, 1)
EXPECTED_CHILDREN = sum(n * p for n, p in profiles.CHILDREN)


def principal_shares(rounds: int = 12) -> dict[tuple[str, str], float]:
    """Joint (visa, origin) shares of the people drawn first, so that after their relatives join
    them, the whole population matches the visa and nationality targets."""
    visa_t, origin_t = dict(shares.VISA_SHARES), dict(shares.ORIGIN_SHARES)
    joint: dict[tuple[str, str], float] = {}
    for _ in range(rounds):
        joint = shares.fit(shares.VISA_ORIGIN_AFFINITY, visa_t, origin_t)
        visa_f: dict[str, float] = dict.fromkeys(shares.VISA_SHARES, 0.0)
        origin_f: dict[str, float] = dict.fromkeys(shares.ORIGIN_SHARES, 0.0)
        for (visa, origin), w in joint.items():
            spouse, dependant = profiles.FAMILIES.get(visa, (0.0, ""))
            household = spouse * (1 + EXPECTED_CHILDREN)
            visa_f[visa] += w
            if dependant in visa_f:
                visa_f[dependant] += w * household
            origin_f[origin] += w * (1 + household)
        visa_n, origin_n = shares.normalized(visa_f), shares.normalized(origin_f)
        target_v, target_o = shares.normalized(shares.VISA_SHARES), shares.normalized(shares.ORIGIN_SHARES)
        visa_t = {v: visa_t[v] * target_v[v] / visa_n[v] for v in visa_t}
        origin_t = {o: origin_t[o] * target_o[o] / origin_n[o] for o in origin_t}
    return joint


class RegionGenerator:
    def __init__(self, seed: int, as_of: dt.date = DEMO_AS_OF) -> None:
        # Synthetic people, reproducible from the seed: not a security use of randomness.
        self.rng = random.Random(seed)  # nosec B311
        self.as_of = as_of
        self.ids = IdentifierPool(self.rng)
        self.sponsors = Sponsors()
        self.next_key = 0
        self.pairs = Weighted(principal_shares())
        joint = shares.fit(
            shares.VISA_COUNTY_AFFINITY,
            shares.VISA_SHARES,
            shares.COUNTY_WEIGHTS,
            default_row=dict.fromkeys(shares.COUNTY_WEIGHTS, 1.0),
        )
        by_visa: dict[str, dict[str, float]] = {}
        for (visa, county), w in joint.items():
            by_visa.setdefault(visa, {})[county] = w
        self.counties = {visa: Weighted(w) for visa, w in by_visa.items()}
        self.anywhere = Weighted(shares.COUNTY_WEIGHTS)
        self.preferred = {code: Weighted(o.preferred) for code, o in ORIGINS.items()}
        self.paths: dict[tuple[str, bool], Weighted[tuple[str, ...]]] = {}
        self.family_of: dict[int, Part | None] = {}

    def path(self, visa: str, ethnic: bool) -> tuple[str, ...]:
        key = (visa, ethnic)
        if key not in self.paths:
            profile = profiles.PROFILES[visa]
            paths = profile.ethnic_paths if ethnic and profile.ethnic_paths else profile.paths
            self.paths[key] = Weighted([(path, weight) for weight, path in paths])
        return self.paths[key](self.rng)

    def county_for(self, rng: random.Random, code: str) -> str:
        return (self.counties.get(code) or self.anywhere)(rng)

    def households(self) -> Iterator[list[Person]]:
        while True:
            yield self.household()

    # --- one household -----------------------------------------------------------------------
    def household(self) -> list[Person]:
        rng = self.rng
        self.family_of.clear()  # family name parts children inherit, within one household
        visa, origin_code = self.pairs(rng)
        origin = ORIGINS[origin_code]
        profile = profiles.PROFILES[visa]
        sex = "M" if rng.random() < profile.male else "F"
        birth = self.birth(triangular(rng, profile.age))
        path = self.path(visa, origin.ethnic_korean)
        county = self.county_for(rng, visa)
        spans = plan(rng, visa, path, triangular(rng, profile.stay), birth, self.as_of)
        korean_spouse = ""
        if visa == "F-6" or (visa == "F-5" and "F-6" in path):
            korean_spouse = korean_citizen(rng, "F" if sex == "M" else "M")
        person = self.person(origin, sex, birth, county, spans, korean_spouse)
        people = [person]
        if korean_spouse:
            self.korean_family(person, korean_spouse, spans)
        elif visa in profiles.FAMILIES and rng.random() < profiles.FAMILIES[visa][0]:
            people += self.resident_family(person, origin, profiles.FAMILIES[visa][1])
        elif rng.random() < profiles.SPOUSE_ABROAD.get(visa, 0.0):
            self.family_abroad(person, origin)
        return people

    def birth(self, age: float) -> dt.date:
        return years_before(self.as_of, age) - dt.timedelta(days=self.rng.randrange(365))

    def person(
        self,
        origin: Origin,
        sex: str,
        birth: dt.date,
        county: str,
        spans: list[tuple[str, dt.date, dt.date | None]],
        korean_spouse: str = "",
        family=None,
    ) -> Person:
        rng, as_of = self.rng, self.as_of
        name = origin.name(rng, sex, family)
        visas = sponsor_spans(rng, spans, county, self.sponsors, self.county_for)
        if korean_spouse:
            for span in visas:
                if span.code == "F-6":
                    span.sponsor = korean_spouse
        registered = min(as_of, visas[0].valid_from + dt.timedelta(days=rng.randrange(7, 75)))
        person = Person(
            key=self.next_key,
            origin=origin.code,
            nationality=origin.alpha2,
            ethnic_korean=origin.ethnic_korean,
            name=name.latin,
            name_native=name.native,
            name_hangul=name.hangul,
            sex=sex,
            birth_date=birth,
            municipality=county,
            arn=self.ids.arn(birth, sex, registered),
            passport=self.ids.passport(origin.passports),
            registered_on=registered,
            visas=visas,
        )
        self.family_of[person.key] = name.family
        self.next_key += 1
        person.korean = details.korean_levels(rng, person, origin, as_of)
        person.languages = list(origin.languages)
        korean = details.korean_language_level(person, origin, as_of)
        if korean:
            person.languages.append(("ko", korean))
        person.preferred_language = self.preferred[origin.code](rng)
        if korean in ("working", "fluent") and rng.random() < 0.4:
            person.preferred_language = "ko"
        first_of = {span.code: span for span in reversed(visas)}
        person.education = details.schooling(rng, person, first_of, as_of)
        person.incomes = details.incomes(rng, person, as_of)
        details.contact(rng, person, origin, self.ids, as_of)
        return person

    # --- relatives -----------------------------------------------------------------------------
    def korean_family(self, person: Person, spouse_name: str, spans) -> None:
        """A marriage migrant's Korean spouse and children, by name on the household links."""
        rng = self.rng
        married = next((start for code, start, _ in spans if code == "F-6"), person.registered_on)
        gap = rng.triangular(0, 25, 8) if person.sex == "F" else rng.triangular(-8, 5, 0)
        spouse_birth = self.clamp_birth(years_before(person.birth_date, gap))
        person.household.append(Relative("spouse", name=spouse_name, birth_date=spouse_birth, korean=True))
        count = Weighted(((0, 0.25), (1, 0.35), (2, 0.3), (3, 0.1)))(rng)
        family = spouse_name[0] if person.sex == "F" else person.name_hangul.split()[0]
        births = sorted(between(rng, married + dt.timedelta(days=300), self.as_of) for _ in range(count))
        for born in births:
            sex = "M" if rng.random() < 0.5 else "F"
            name = korean_citizen(rng, sex, child=True, family=family)
            person.household.append(Relative("child", name=name, birth_date=born, korean=True))

    def resident_family(self, principal: Person, origin: Origin, code: str) -> list[Person]:
        """A spouse and children who live here too, each with their own record, linked both ways."""
        rng, as_of = self.rng, self.as_of
        sex = "F" if principal.sex == "M" else "M"
        gap = rng.triangular(-2, 8, 2)
        spouse_birth = self.clamp_birth(years_before(principal.birth_date, -gap if sex == "F" else gap))
        joined = between(
            rng,
            principal.current_visa.valid_from,
            min(as_of, principal.current_visa.valid_from + dt.timedelta(days=365)),
        )
        spouse = self.person(
            origin, sex, spouse_birth, principal.municipality, self.dependant_spans(code, joined)
        )
        self.link(principal, spouse, "spouse", "spouse")
        members = [spouse]
        father = principal if principal.sex == "M" else spouse
        for _ in range(Weighted(profiles.CHILDREN)(rng)):
            youngest_parent = min(age_on(principal.birth_date, as_of), age_on(spouse.birth_date, as_of))
            age = rng.uniform(0, max(0.1, min(17.9, youngest_parent - 20)))
            birth = self.birth(age) if age >= 1 else between(rng, years_before(as_of, 1), as_of)
            child_sex = "M" if rng.random() < 0.5 else "F"
            since = max(birth, joined)
            child = self.person(
                origin,
                child_sex,
                birth,
                principal.municipality,
                self.dependant_spans(code, since),
                family=self.family_of[father.key],
            )
            for parent in (principal, spouse):
                self.link(parent, child, "child", "parent")
            members.append(child)
        return members

    def dependant_spans(self, code: str, start: dt.date) -> list[tuple[str, dt.date, dt.date | None]]:
        start = min(start, self.as_of)
        end = None if code == "F-5" else self.as_of + dt.timedelta(days=self.rng.randrange(30, 731))
        return [(code, start, end)]

    def family_abroad(self, person: Person, origin: Origin) -> None:
        rng = self.rng
        sex = "F" if person.sex == "M" else "M"
        spouse = origin.name(rng, sex, None)
        gap = rng.triangular(-2, 8, 2)
        birth = self.clamp_birth(years_before(person.birth_date, -gap if sex == "F" else gap))
        person.household.append(Relative("spouse", name=spouse.latin, birth_date=birth))
        father = person if person.sex == "M" else None
        family = self.family_of[father.key] if father else None
        for _ in range(Weighted(profiles.CHILDREN)(rng)):
            child_sex = "M" if rng.random() < 0.5 else "F"
            age = rng.uniform(0, max(0.1, min(17.9, age_on(person.birth_date, self.as_of) - 20)))
            person.household.append(
                Relative("child", name=origin.name(rng, child_sex, family).latin, birth_date=self.birth(age))
            )

    @staticmethod
    def link(a: Person, b: Person, a_to_b: str, b_to_a: str) -> None:
        a.household.append(Relative(a_to_b, key=b.key))
        b.household.append(Relative(b_to_a, key=a.key))

    def clamp_birth(self, day: dt.date) -> dt.date:
        return min(day, years_before(self.as_of, 19))


def generate(n: int, seed: int, as_of: dt.date = DEMO_AS_OF) -> Iterator[list[Person]]:
    """Households totalling exactly n people; the last one is cut short if needed."""
    made = 0
    for household in RegionGenerator(seed, as_of).households():
        if made >= n:
            return
        if made + len(household) > n:
            household = household[: n - made]
            kept = {p.key for p in household}
            for p in household:
                p.household = [r for r in p.household if r.key is None or r.key in kept]
        made += len(household)
        yield household


def people(n: int, seed: int, as_of: dt.date = DEMO_AS_OF) -> list[Person]:
    return [p for household in generate(n, seed, as_of) for p in household]
