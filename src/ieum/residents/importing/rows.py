"""Rows of an import: each one parsed, validated through ResidentData.clean(), and matched
against the residents already recorded and against the file's own earlier rows.

Errors are kept as message ids with their parameters (like timeline events), so that the
preview page shows them in the language of whoever reads it, not of whoever uploaded.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from typing import Any, cast

from django.core.exceptions import ValidationError
from django.db.models import CharField
from django.utils import translation
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from ieum.core.models import VisaStatus
from ieum.lib.names import clean_name
from ieum.residents.importing import columns as cols
from ieum.residents.importing.columns import CellError, Column, Reference, map_headers
from ieum.residents.importing.reading import FILE_TOO_MANY_ROWS, HEADER_SCAN_ROWS, Table, max_rows
from ieum.residents.models import Resident
from ieum.residents.services import ResidentData

# progress(rows, total, stage) wraps an iterable, e.g. in a tqdm bar; stage is "check" or "write".
Progress = Callable[[Iterable[Any], int, str], Iterable[Any]]

NO_ROWS = _("The file has a header row but no rows below it.")
VISA_FROM_MISSING = _("Give the date the status of stay started.")
VISA_MISSING = _("A start date needs a status of stay in the same row.")
TOO_LONG = _("This value is too long: it can have at most %(limit)s characters.")
SAME_AS_ROW = _("This row is the same person as row %(other)s.")

# ResidentData.clean() names fields; the file names columns.
_COLUMN_OF_FIELD = {"preferred_language": "language"}
_LIMITS = {
    name: cast(CharField, Resident._meta.get_field(name)).max_length
    for name in ("name", "name_native", "name_hangul", "address")
}
# Identifier lookups go in chunks: SQLite limits the number of query parameters.
CHUNK = 1000


def no_progress(rows: Iterable[Any], total: int, stage: str) -> Iterable[Any]:
    return rows


@dataclass(frozen=True)
class Identity:
    arn: str
    passport: str
    name_key: tuple | None  # (folded name, birth date, nationality id), when the birth date is known

    def conflicts_with(self, other: Identity) -> bool:
        """Two different identifiers of the same kind: two different people."""
        return bool(
            (self.arn and other.arn and self.arn != other.arn)
            or (self.passport and other.passport and self.passport != other.passport)
        )


@dataclass
class RowPlan:
    number: int
    values: dict[str, Any]
    identity: Identity
    visa: VisaStatus | None = None
    visa_from: dt.date | None = None
    existing_id: int | None = None


@dataclass
class Outcome:
    total: int = 0
    new: list[RowPlan] = field(default_factory=list)
    unchanged: int = 0
    errors: list[dict[str, Any]] = field(default_factory=list)


def _error(number: int, column: Column | None, message: Promise | str, params: dict | None = None) -> dict:
    # Called with translation deactivated, so str() gives the message id.
    return {
        "row": number,
        "column": column.header if column else "",
        "letter": column.letter if column else "",
        "field": column.field if column else "",
        "message": str(message),
        "params": params or {},
    }


def find_header(table: Table) -> tuple[int, dict[str, Column]]:
    for position, (_number, values) in enumerate(table.rows[:HEADER_SCAN_ROWS]):
        columns = map_headers(values)
        if columns is not None:
            return position, columns
    raise ValidationError(cols.HEADER_NO_NAME, code="no_header")


def plan_rows(table: Table, *, progress: Progress = no_progress) -> Outcome:
    """Validate every row and match it; raises ValidationError for a problem of the whole file."""
    position, columns = find_header(table)
    body = table.rows[position + 1 :]
    if not body:
        raise ValidationError(NO_ROWS, code="no_rows")
    if len(body) > max_rows():
        raise ValidationError(FILE_TOO_MANY_ROWS, code="too_many_rows", params={"limit": max_rows()})
    reference = Reference.load()
    outcome = Outcome(total=len(body))
    plans: list[RowPlan] = []
    with translation.override(None):
        for number, values in progress(body, len(body), "check"):
            plan, errors = _plan_row(number, values, columns, reference)
            outcome.errors.extend(errors)
            if plan is not None:
                plans.append(plan)
        _match(plans, outcome)
    return outcome


def _plan_row(
    number: int, values: list[Any], columns: dict[str, Column], reference: Reference
) -> tuple[RowPlan | None, list[dict]]:
    errors: list[dict] = []

    def cell(name: str) -> Any:
        column = columns.get(name)
        return values[column.index] if column is not None and column.index < len(values) else None

    def parsed(name: str, parse: Callable[[Any], Any], default: Any = None) -> Any:
        try:
            return parse(cell(name))
        except CellError as exc:
            errors.append(_error(number, columns[name], exc.message, exc.params))
            return default

    data = ResidentData(
        name=cols.text(cell("name")),
        name_native=cols.text(cell("name_native")),
        name_hangul=cols.text(cell("name_hangul")),
        birth_date=parsed("birth_date", cols.parse_date),
        sex=cols.parse_sex(cell("sex")),
        nationality=parsed("nationality", reference.nationality),
        preferred_language=reference.language(cell("language")),
        phone=cols.parse_phone(cell("phone")),
        address=cols.text(cell("address")),
        municipality=parsed("municipality", reference.municipality),
        arn=cols.parse_arn(cell("arn")),
        passport=cols.text(cell("passport")),
    )
    visa = parsed("visa", reference.visa)
    visa_from = parsed("visa_from", cols.parse_date)
    if visa is not None and visa_from is None and not any(e["field"] == "visa_from" for e in errors):
        errors.append(_error(number, columns.get("visa_from") or columns["visa"], VISA_FROM_MISSING))
    if visa_from is not None and not cols.text(cell("visa")):
        errors.append(_error(number, columns["visa_from"], VISA_MISSING))
    try:
        values_clean = data.clean()
    except ValidationError as exc:
        for name, messages in exc.message_dict.items():
            column = columns.get(_COLUMN_OF_FIELD.get(name, name))
            errors.extend(_error(number, column, message) for message in messages)
        return None, errors
    for name, limit in _LIMITS.items():
        if limit and len(values_clean[name]) > limit:
            errors.append(_error(number, columns.get(name), TOO_LONG, {"limit": limit}))
    if errors:
        return None, errors
    return RowPlan(number, values_clean, _identity(values_clean), visa, visa_from), errors


def _name_key(name: str, birth_date: dt.date | None, nationality_id: int | None) -> tuple | None:
    return (clean_name(name).casefold(), birth_date, nationality_id) if birth_date else None


def _identity(values: dict[str, Any]) -> Identity:
    nationality = values.get("nationality")
    return Identity(
        arn=values.get("arn_index", ""),
        passport=values.get("passport_index", ""),
        name_key=_name_key(values["name"], values.get("birth_date"), nationality.pk if nationality else None),
    )


class _Index:
    """Who is who, by ARN, passport and name key; the first one found wins."""

    def __init__(self) -> None:
        self.by_arn: dict[str, tuple[Any, Identity]] = {}
        self.by_passport: dict[str, tuple[Any, Identity]] = {}
        self.by_name: dict[tuple, list[tuple[Any, Identity]]] = {}

    def add(self, key: Any, who: Identity) -> None:
        if who.arn:
            self.by_arn.setdefault(who.arn, (key, who))
        if who.passport:
            self.by_passport.setdefault(who.passport, (key, who))
        if who.name_key:
            self.by_name.setdefault(who.name_key, []).append((key, who))

    def find(self, who: Identity) -> Any:
        if who.arn and who.arn in self.by_arn:
            return self.by_arn[who.arn][0]
        if who.passport and who.passport in self.by_passport:
            key, other = self.by_passport[who.passport]
            if not who.conflicts_with(other):
                return key
        for key, other in self.by_name.get(who.name_key, []) if who.name_key else []:
            if not who.conflicts_with(other):
                return key
        return None


def _chunks(values: set, size: int = CHUNK) -> Iterator[list]:
    items = list(values)
    for start in range(0, len(items), size):
        yield items[start : start + size]


def _existing_index(plans: list[RowPlan]) -> _Index:
    """The active residents who share an identifier or a birth date with a row, in a few queries."""
    fields = ("pk", "name", "birth_date", "nationality_id", "arn_index", "passport_index")
    active = Resident.objects.active().order_by("pk")
    found: dict[int, tuple] = {}
    lookups = {
        "arn_index__in": {p.identity.arn for p in plans} - {""},
        "passport_index__in": {p.identity.passport for p in plans} - {""},
        "birth_date__in": {p.values["birth_date"] for p in plans} - {None},
    }
    for lookup, values in lookups.items():
        for chunk in _chunks(values):
            for row in active.filter(**{lookup: chunk}).values_list(*fields):
                found[row[0]] = row
    index = _Index()
    for pk, name, birth_date, nationality_id, arn, passport in sorted(found.values()):
        index.add(pk, Identity(arn, passport, _name_key(name, birth_date, nationality_id)))
    return index


def _match(plans: list[RowPlan], outcome: Outcome) -> None:
    existing = _existing_index(plans)
    earlier = _Index()
    for plan in plans:
        other_row = earlier.find(plan.identity)
        if other_row is not None:
            outcome.errors.append(_error(plan.number, None, SAME_AS_ROW, {"other": other_row}))
            continue
        earlier.add(plan.number, plan.identity)
        plan.existing_id = existing.find(plan.identity)
        if plan.existing_id is None:
            outcome.new.append(plan)
        else:
            outcome.unchanged += 1
    # By row, then by column as they stand in the file (A … Z, AA …).
    outcome.errors.sort(key=lambda e: (e["row"], len(e["letter"]), e["letter"]))
