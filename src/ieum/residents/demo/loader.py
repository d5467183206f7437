"""Write generated people to the database: bulk inserts in batches, all in one transaction.

The per-row services (`resident_create`) validate, flag duplicates and write the timeline one
person at a time; for 100,000 synthetic people that is far too slow, so this writes the same
rows directly: encrypted identifiers through `identity`, search tokens through `name_tokens`,
and the timeline events the services would have written.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from zoneinfo import ZoneInfo

from django.db import connection, transaction
from django.db.models import DateField, Field, JSONField, Model

from ieum.core.models import Municipality, Nationality, VisaStatus
from ieum.lib.names import clean_name, name_tokens
from ieum.residents import identity
from ieum.residents.demo.records import Person
from ieum.residents.models import (
    Education,
    HouseholdLink,
    IncomeDeclaration,
    KoreanProficiency,
    MessengerHandle,
    NameToken,
    Resident,
    ResidentLanguage,
    TimelineEvent,
    VisaRecord,
)

SEOUL = ZoneInfo("Asia/Seoul")


class DemoDataError(Exception):
    pass


@dataclass(frozen=True)
class References:
    """Primary keys of the reference rows the demo needs, from the loaded region pack."""

    nationalities: dict[str, int]
    statuses: dict[str, int]
    municipalities: dict[str, int]

    @classmethod
    def load(cls) -> References:
        refs = cls(
            dict(Nationality.objects.values_list("alpha2", "pk")),
            dict(VisaStatus.objects.values_list("code", "pk")),
            dict(Municipality.objects.values_list("code", "pk")),
        )
        if not refs.municipalities or not refs.statuses:
            raise DemoDataError("No reference data: load the region first (ieum load-region jeonnam).")
        return refs

    def check(self, person: Person) -> None:
        missing = (
            [f"nationality {person.nationality}"] if person.nationality not in self.nationalities else []
        )
        missing += [f"status {s.code}" for s in person.visas if s.code not in self.statuses]
        missing += [
            f"municipality {c}"
            for c in {person.municipality, *(s.municipality for s in person.visas)}
            if c not in self.municipalities
        ]
        if missing:
            raise DemoDataError(f"The region pack lacks {', '.join(sorted(set(missing)))}.")


def _at(day: dt.date, hour: int = 10) -> dt.datetime:
    return dt.datetime.combine(day, dt.time(hour), tzinfo=SEOUL)


@contextmanager
def _large_cache() -> Iterator[None]:
    """On SQLite, a 256 MB page cache while loading: the indexes of 100,000 people's name tokens
    otherwise spill to disk mid-transaction (about 15% of the load time)."""
    if connection.vendor != "sqlite":
        yield
        return
    with connection.cursor() as cursor:
        cursor.execute("PRAGMA cache_size")
        previous = cursor.fetchone()[0]
        cursor.execute("PRAGMA cache_size = -262144")
    try:
        yield
    finally:
        with connection.cursor() as cursor:
            cursor.execute(f"PRAGMA cache_size = {int(previous)}")


def load_people(
    households: Iterable[list[Person]],
    *,
    batch_size: int = 2000,
    progress: Callable[[int], object] | None = None,
) -> Counter[str]:
    """Insert every person of `households` with everything attached; returns row counts.

    Households are never split across batches, so a household link always finds its relative.
    """
    refs = References.load()
    counts: Counter[str] = Counter()
    batch: list[Person] = []
    with transaction.atomic(), _large_cache():
        for household in households:
            batch.extend(household)
            if len(batch) >= batch_size:
                _write(batch, refs, counts)
                if progress:
                    progress(len(batch))
                batch = []
        if batch:
            _write(batch, refs, counts)
            if progress:
                progress(len(batch))
    return counts


class Rows:
    """Plain rows for one table, inserted with one prepared statement per batch (COPY on PostgreSQL).

    `bulk_create` builds a model instance and compiles every value of every row; for the ~25
    child rows per person that is three quarters of the load time, so child rows go in as
    tuples. Values pass through each field's own `get_db_prep_save` where the database needs a
    conversion (dates, times, JSON), so SQLite and PostgreSQL store exactly what the ORM would.
    """

    def __init__(self, model: type[Model], *fields: str) -> None:
        meta = model._meta
        self.model = model
        columns = [field for f in fields if isinstance(field := meta.get_field(f), Field)]
        quote = connection.ops.quote_name
        names = ", ".join(quote(str(c.column)) for c in columns)
        marks = ", ".join(["%s"] * len(columns))
        # Table and column names come from the model's metadata, never from input.
        self.sql = f"INSERT INTO {quote(meta.db_table)} ({names}) VALUES ({marks})"  # noqa: S608  # nosec B608
        self.copy_sql = f"COPY {quote(meta.db_table)} ({names}) FROM STDIN"
        self.convert = [i for i, c in enumerate(columns) if isinstance(c, DateField | JSONField)]
        self.columns = columns
        self.rows: list[tuple] = []

    def add(self, *values: object) -> None:
        self.rows.append(values)

    def flush(self) -> int:
        if self.convert:
            for i, row in enumerate(self.rows):
                values = list(row)
                for c in self.convert:
                    if values[c] is not None:
                        values[c] = self.columns[c].get_db_prep_save(values[c], connection)
                self.rows[i] = tuple(values)
        with connection.cursor() as cursor:
            if connection.vendor == "postgresql":
                # psycopg sends executemany as one INSERT per row; COPY streams them.
                with cursor.cursor.copy(self.copy_sql) as copy:
                    for row in self.rows:
                        copy.write_row(row)
            else:
                for start in range(0, len(self.rows), 5000):
                    cursor.executemany(self.sql, self.rows[start : start + 5000])
        count, self.rows = len(self.rows), []
        return count


class Tables:
    def __init__(self) -> None:
        self.tokens = Rows(NameToken, "resident", "token")
        self.languages = Rows(ResidentLanguage, "resident", "language", "level")
        self.messengers = Rows(MessengerHandle, "resident", "kind", "handle")
        self.visas = Rows(
            VisaRecord,
            "resident",
            "status",
            "valid_from",
            "valid_to",
            "sponsor",
            "sponsor_brn",
            "municipality",
            "note",
        )
        self.household = Rows(
            HouseholdLink,
            "resident",
            "relation",
            "relative",
            "relative_name",
            "relative_birth_date",
            "relative_is_korean",
        )
        self.korean = Rows(KoreanProficiency, "resident", "kind", "level", "achieved_on", "certified", "note")
        self.education = Rows(
            Education, "resident", "level", "institution", "korean_institution", "completed_on", "expected"
        )
        self.incomes = Rows(IncomeDeclaration, "resident", "year", "amount_krw", "source", "verified")
        self.timeline = Rows(TimelineEvent, "resident", "at", "service", "kind", "params", "field_class")

    def flush(self, counts: Counter[str]) -> None:
        for rows in vars(self).values():
            counts[rows.model._meta.model_name] += rows.flush()


def _write(batch: list[Person], refs: References, counts: Counter[str]) -> None:
    for person in batch:
        refs.check(person)
    residents = [_resident(p, refs) for p in batch]
    Resident.objects.bulk_create(residents)
    pk = {p.key: r.pk for p, r in zip(batch, residents, strict=True)}
    tables = Tables()
    for person, resident in zip(batch, residents, strict=True):
        _children(person, resident.pk, pk, refs, tables)
    tables.flush(counts)
    counts["resident"] += len(residents)


def _resident(p: Person, refs: References) -> Resident:
    return Resident(
        name=clean_name(p.name),
        name_native=clean_name(p.name_native),
        name_hangul=clean_name(p.name_hangul),
        birth_date=p.birth_date,
        sex=p.sex,
        nationality_id=refs.nationalities[p.nationality],
        ethnic_korean=p.ethnic_korean,
        preferred_language=p.preferred_language,
        phone=p.phone,
        email=p.email,
        municipality_id=refs.municipalities[p.municipality],
        passport_country=p.nationality,
        **identity.arn_fields(p.arn),
        **identity.passport_fields(p.passport),
    )


def _children(p: Person, rid: int, pk: dict[int, int], refs: References, t: Tables) -> None:
    # The same tokens as services._refresh_name_tokens: from the cleaned display names.
    for token in sorted(
        name_tokens([clean_name(p.name), clean_name(p.name_native), clean_name(p.name_hangul)])
    ):
        t.tokens.add(rid, token)
    for code, level in p.languages:
        t.languages.add(rid, code, level)
    for kind, handle in p.messengers:
        t.messengers.add(rid, kind, handle)
    t.timeline.add(rid, _at(p.registered_on), "residents", "resident.created", {}, "")
    for s in p.visas:
        t.visas.add(
            rid,
            refs.statuses[s.code],
            s.valid_from,
            s.valid_to,
            s.sponsor,
            s.sponsor_brn,
            refs.municipalities[s.municipality],
            s.note,
        )
        t.timeline.add(
            rid,
            _at(s.valid_from, 11),
            "residents",
            "visa.recorded",
            {"status": s.code, "valid_from": s.valid_from.isoformat()},
            "immigration",
        )
    for r in p.household:
        relative = pk.get(r.key) if r.key is not None else None
        t.household.add(rid, r.relation, relative, r.name, r.birth_date, r.korean)
        t.timeline.add(
            rid, _at(p.registered_on, 12), "residents", "household.linked", {"relation": r.relation}, ""
        )
    for k in p.korean:
        t.korean.add(rid, k.kind, k.level, k.achieved_on, k.certified, "")
        t.timeline.add(
            rid,
            _at(max(k.achieved_on, p.registered_on), 14),
            "residents",
            "korean.recorded",
            {"kind": k.kind.upper(), "level": k.level},
            "",
        )
    for e in p.education:
        t.education.add(rid, e.level, e.institution, e.korean_institution, e.completed_on, e.expected)
    for i in p.incomes:
        t.incomes.add(rid, i.year, i.amount_krw, i.source, i.verified)
        t.timeline.add(
            rid, _at(dt.date(i.year + 1, 5, 31), 15), "residents", "income.declared", {"year": i.year}, ""
        )
