"""The generated people, as plain data (no Django): what the loader writes to the database."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field


@dataclass
class VisaSpan:
    code: str
    valid_from: dt.date
    valid_to: dt.date | None
    municipality: str
    sponsor: str = ""
    sponsor_brn: str = ""
    sector: str = ""
    note: str = ""


@dataclass
class Relative:
    relation: str  # spouse, child, parent (HouseholdLink.Relation)
    key: int | None = None  # another generated person, or None for a name-only relative
    name: str = ""
    birth_date: dt.date | None = None
    korean: bool = False


@dataclass
class KoreanLevel:
    kind: str  # topik, kiip, eps_topik, course (KoreanProficiency.Kind)
    level: int
    achieved_on: dt.date
    certified: bool


@dataclass
class Schooling:
    level: str  # Education.Level
    completed_on: dt.date
    institution: str = ""
    korean_institution: bool = False
    expected: bool = False


@dataclass
class Income:
    year: int
    amount_krw: int
    source: str
    verified: bool


@dataclass
class Person:
    key: int
    origin: str
    nationality: str  # ISO alpha-2
    ethnic_korean: bool
    name: str
    name_native: str
    name_hangul: str
    sex: str
    birth_date: dt.date
    municipality: str
    arn: str  # 13 digits
    passport: str
    registered_on: dt.date  # alien registration, a few weeks after first entry
    phone: str = ""
    email: str = ""
    preferred_language: str = "ko"
    languages: list[tuple[str, str]] = field(default_factory=list)
    messengers: list[tuple[str, str]] = field(default_factory=list)
    visas: list[VisaSpan] = field(default_factory=list)
    household: list[Relative] = field(default_factory=list)
    korean: list[KoreanLevel] = field(default_factory=list)
    education: list[Schooling] = field(default_factory=list)
    incomes: list[Income] = field(default_factory=list)

    @property
    def current_visa(self) -> VisaSpan:
        return self.visas[-1]
