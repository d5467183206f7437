"""Writing a region pack into the reference tables: one transaction, idempotent, all-or-nothing.

Rows are matched on their natural keys (codes; for dated links the link plus `valid_from`), so
loading twice changes nothing and loading an edited pack updates only what changed. Dated links
the pack owns (memberships and decline designations of its municipalities, coverage of its sites)
that are no longer in the pack are removed; codes (provinces, municipalities, statuses, countries,
classification items) are never deleted, because other records point at them.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any, Protocol

from django.core.exceptions import ValidationError
from django.db import models, transaction
from django.utils import translation

from ieum.core.models import (
    CenterSite,
    Classification,
    ClassificationItem,
    DeclineDesignation,
    Municipality,
    MunicipalityMembership,
    Nationality,
    Province,
    SiteCoverage,
    VisaStatus,
)
from ieum.core.regions.pack import Entry, Pack, RegionPackError, read_pack

VISA_CATEGORIES = frozenset({"work", "study", "family", "residence", "ethnic", "humanitarian", "short-term"})
_DATED_FIELDS = ("valid_from", "valid_to", "source")

Row = tuple[Entry, dict[str, Any]]


class Writer(Protocol):
    def write(self, text: str, /) -> object: ...


def load_region(name: str, *, stdout: Writer | None = None, base_dir: Path | None = None) -> dict[str, int]:
    """Load the region pack `name` (a folder under ieum/core/regions/) and return row counts.

    `base_dir` is the folder holding the packs (tests point it at a temporary copy). The counts
    hold the number of rows of each kind in the pack plus `created`, `updated` and `removed`
    totals; a second load of the same pack reports 0 for those three.
    """
    pack = read_pack(name, base_dir=base_dir)
    loader = _Loader(pack, stdout)
    # Model validation messages in English, like the rest of the loader's (operator-facing) output.
    with translation.override("en"), transaction.atomic():
        loader.run()
    return loader.counts


class _Loader:
    def __init__(self, pack: Pack, stdout: Writer | None) -> None:
        self.pack = pack
        self.stdout = stdout
        self.counts: dict[str, int] = {"created": 0, "updated": 0, "removed": 0}

    def run(self) -> None:
        self.provinces()
        self.municipalities()
        self.memberships()
        self.designations()
        self.sites()
        self.nationalities()
        self.visa_statuses()
        self.classifications()

    # --- one method per kind of row ------------------------------------------------------------

    def provinces(self) -> None:
        rows = [
            (e, _pick(e, "code", "name_ko", "name_en", *_DATED_FIELDS)) for e in self.pack.table("province")
        ]
        self.sync("provinces", Province, ("code",), rows)

    def municipalities(self) -> None:
        fields = ("code", "name_ko", "name_en", "kind", "latitude", "longitude", *_DATED_FIELDS)
        rows = [(e, _pick(e, *fields)) for e in self.pack.table("municipality")]
        self.sync("municipalities", Municipality, ("code",), rows)

    def memberships(self) -> None:
        entries = self.pack.table("membership")
        provinces = _ids(Province, {e.values["province"] for e in entries})
        rows = self.per_municipality(
            entries, lambda e: {"province_id": _resolve(e, "province", e.values["province"], provinces)}
        )
        _no_overlap(rows, ("municipality_id",), "is in two provinces at once")
        scope = MunicipalityMembership.objects.filter(municipality_id__in=self.pack_municipality_ids())
        key = ("municipality_id", "province_id", "valid_from")
        self.sync("memberships", MunicipalityMembership, key, rows, scope)

    def designations(self) -> None:
        rows = self.per_municipality(self.pack.table("designation"), lambda e: {"kind": e.values["kind"]})
        _no_overlap(rows, ("municipality_id", "kind"), "has overlapping designation periods")
        scope = DeclineDesignation.objects.filter(municipality_id__in=self.pack_municipality_ids())
        key = ("municipality_id", "kind", "valid_from")
        self.sync("decline designations", DeclineDesignation, key, rows, scope)

    def sites(self) -> None:
        fields = ("code", "name_ko", "name_en", "address", "phone", *_DATED_FIELDS)
        rows = [(e, _pick(e, *fields)) for e in self.pack.table("site")]
        self.sync("center sites", CenterSite, ("code",), rows)
        entries = self.pack.table("coverage")
        site_codes = {e.values["code"] for e in self.pack.table("site")}
        sites = _ids(CenterSite, site_codes | {e.values["site"] for e in entries})
        rows = self.per_municipality(
            entries, lambda e: {"site_id": _resolve(e, "site", e.values["site"], sites)}
        )
        _no_overlap(rows, ("municipality_id",), "is covered by two sites at once")
        scope = SiteCoverage.objects.filter(site_id__in=[sites[code] for code in site_codes])
        self.sync("site coverage", SiteCoverage, ("site_id", "municipality_id", "valid_from"), rows, scope)

    def nationalities(self) -> None:
        fields = ("alpha2", "alpha3", "numeric", "name_en", "name_ko")
        rows = [(e, _pick(e, *fields)) for e in self.pack.table("nationality")]
        self.sync("nationalities", Nationality, ("alpha2",), rows)

    def visa_statuses(self) -> None:
        entries = self.pack.table("status")
        known = {e.values["code"] for e in entries}
        parents = {e.values["parent_code"] for e in entries} - known - {""}
        known |= set(VisaStatus.objects.filter(code__in=parents).values_list("code", flat=True))
        for entry in entries:
            if entry.values["category"] not in VISA_CATEGORIES:
                allowed = ", ".join(sorted(VISA_CATEGORIES))
                raise RegionPackError(
                    f"{entry.where}: category '{entry.values['category']}' is not one of {allowed}."
                )
            if entry.values["parent_code"] and entry.values["parent_code"] not in known:
                raise RegionPackError(
                    f"{entry.where}: parent_code '{entry.values['parent_code']}' is not a known status."
                )
        fields = ("code", "name_ko", "name_en", "category", "work", "work_note", "residence_note")
        rows = [(e, _pick(e, *fields, "residence_years", "parent_code", *_DATED_FIELDS)) for e in entries]
        self.sync("visa statuses", VisaStatus, ("code",), rows)

    def classifications(self) -> None:
        entries = self.pack.table("classification")
        rows = [(e, _pick(e, "scheme", "revision", "valid_from", "valid_to", "source")) for e in entries]
        self.sync("classifications", Classification, ("scheme", "revision"), rows)
        for entry in entries:
            scheme, revision = entry.values["scheme"], entry.values["revision"]
            classification = Classification.objects.get(scheme=scheme, revision=revision)
            self.classification_items(classification, self.pack.items[(scheme, revision)])

    def classification_items(self, classification: Classification, entries: list[Entry]) -> None:
        levels: dict[int, list[Entry]] = defaultdict(list)
        codes: dict[str, Entry] = {}
        for entry in entries:
            code, level, parent = entry.values["code"], entry.values["level"], entry.values["parent"]
            if code in codes:
                raise RegionPackError(f"{entry.where}: code '{code}' is also on {codes[code].where}.")
            codes[code] = entry
            if level < 1 or (level == 1) != (parent == ""):
                raise RegionPackError(f"{entry.where}: level 1 items have no parent; deeper items need one.")
            if parent and (parent not in codes or codes[parent].values["level"] != level - 1):
                raise RegionPackError(
                    f"{entry.where}: parent '{parent}' must be a level {level - 1} item above it."
                )
            levels[level].append(entry)
        for level in sorted(levels):
            parents = dict(classification.items.filter(level=level - 1).values_list("code", "id"))
            rows = [
                (e, {"classification_id": classification.pk, "parent_id": parents.get(e.values["parent"])})
                for e in levels[level]
            ]
            rows = [(e, link | _pick(e, "code", "level", "name_ko", "name_en")) for e, link in rows]
            key = ("classification_id", "code")
            self.sync(f"{classification.scheme} level {level}", ClassificationItem, key, rows)

    # --- helpers --------------------------------------------------------------------------------

    def per_municipality(self, entries: list[Entry], link: Callable[[Entry], dict[str, Any]]) -> list[Row]:
        """One row per municipality listed in each entry, with the entry's link and period."""
        return [
            (entry, {"municipality_id": municipality_id, **link(entry), **_dated(entry)})
            for entry in entries
            for municipality_id in self.municipality_ids(entry)
        ]

    def municipality_ids(self, entry: Entry) -> list[int]:
        codes = entry.values["municipalities"]
        if len(set(codes)) != len(codes):
            raise RegionPackError(f"{entry.where}: a municipality is listed twice.")
        known = _ids(Municipality, set(codes))
        return [_resolve(entry, "municipality", code, known) for code in codes]

    def pack_municipality_ids(self) -> list[int]:
        codes = {e.values["code"] for e in self.pack.table("municipality")}
        return list(_ids(Municipality, codes).values())

    def sync(
        self,
        label: str,
        model: type[models.Model],
        key: tuple[str, ...],
        rows: list[Row],
        scope: models.QuerySet | None = None,
    ) -> None:
        """Create, update and (within `scope`) remove rows so the table matches the pack."""
        wanted: dict[tuple, Row] = {}
        for entry, values in rows:
            row_key = tuple(values[k] for k in key)
            if row_key in wanted:
                raise RegionPackError(f"{entry.where}: duplicates {wanted[row_key][0].where}.")
            wanted[row_key] = (entry, values)
        # Only an explicit scope (the rows this pack owns) is pruned of rows missing from the pack.
        owned = scope is not None
        if scope is None:
            scope = model._default_manager.filter(**{f"{key[0]}__in": {k[0] for k in wanted}})
        existing = {tuple(getattr(obj, k) for k in key): obj for obj in scope}
        stale = [obj.pk for row_key, obj in existing.items() if row_key not in wanted] if owned else []
        if stale:
            model._default_manager.filter(pk__in=stale).delete()
        created, updated, changed_fields = [], [], set()
        for row_key, (entry, values) in wanted.items():
            obj = existing.get(row_key)
            if obj is None:
                obj = model(**values)
                created.append(obj)
            else:
                changed = [name for name, value in values.items() if getattr(obj, name) != value]
                if not changed:
                    continue
                for name in changed:
                    setattr(obj, name, values[name])
                changed_fields.update(changed)
                updated.append(obj)
            _clean(entry, obj)
        model._default_manager.bulk_create(created)
        if updated:
            model._default_manager.bulk_update(updated, sorted(changed_fields))
        self.count(label, len(wanted), len(created), len(updated), len(stale))

    def count(self, label: str, total: int, created: int, updated: int, removed: int) -> None:
        self.counts[label] = self.counts.get(label, 0) + total
        self.counts["created"] += created
        self.counts["updated"] += updated
        self.counts["removed"] += removed
        if self.stdout is not None:
            self.stdout.write(f"{label}: {total} ({created} created, {updated} updated, {removed} removed)\n")


def _pick(entry: Entry, *fields: str) -> dict[str, Any]:
    return {name: entry.values[name] for name in fields}


def _dated(entry: Entry) -> dict[str, Any]:
    return _pick(entry, *_DATED_FIELDS)


def _ids(model: type[models.Model], codes: Iterable[str]) -> dict[str, int]:
    return dict(model._default_manager.filter(code__in=set(codes)).values_list("code", "id"))


def _resolve(entry: Entry, what: str, code: str, known: dict[str, int]) -> int:
    if code not in known:
        raise RegionPackError(f"{entry.where}: unknown {what} '{code}'.")
    return known[code]


def _clean(entry: Entry, obj: models.Model) -> None:
    # Foreign keys are resolved by the loader; everything else (lengths, choices) the model checks.
    foreign_keys = [f.name for f in obj._meta.concrete_fields if f.is_relation]
    try:
        obj.full_clean(exclude=foreign_keys, validate_unique=False, validate_constraints=False)
    except ValidationError as error:
        details = "; ".join(f"{name}: {' '.join(messages)}" for name, messages in error.message_dict.items())
        raise RegionPackError(f"{entry.where}: {details}") from error


def _no_overlap(rows: list[Row], group: tuple[str, ...], problem: str) -> None:
    periods: dict[tuple, list[Row]] = defaultdict(list)
    for row in rows:
        periods[tuple(row[1][k] for k in group)].append(row)
    for grouped in periods.values():
        grouped.sort(key=lambda row: row[1]["valid_from"] or dt.date.min)
        for (first, a), (second, b) in zip(grouped, grouped[1:], strict=False):
            if (a["valid_to"] or dt.date.max) >= (b["valid_from"] or dt.date.min):
                code = (
                    Municipality.objects.filter(pk=a["municipality_id"])
                    .values_list("code", flat=True)
                    .first()
                )
                raise RegionPackError(f"{second.where}: municipality '{code}' {problem} (see {first.where}).")
