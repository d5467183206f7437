"""Reading a region pack: its TOML and CSV files into checked rows, before anything is written.

A pack is a folder named after the region (`regions/jeonnam/`). Every file is optional except
provinces.toml and municipalities.toml, so another province ships its own folder with the same
file names. Each entry is checked against a small schema here (unknown keys, missing keys, wrong
types, periods that end before they start); the loader checks references and model limits.
Every error names the file and the entry, so a wrong pack is fixed without reading code.
"""

from __future__ import annotations

import csv
import datetime as dt
import re
import tomllib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

PACKS_DIR = Path(__file__).resolve().parent
_PACK_NAME = re.compile(r"^[a-z][a-z0-9_-]*$")
_REQUIRED_FILES = ("provinces.toml", "municipalities.toml")


class RegionPackError(Exception):
    """The pack cannot be loaded; the message names the file and the entry."""


# A schema maps each key to (type, required). `list` means a list of strings.
Schema = dict[str, tuple[type, bool]]

_DATED: Schema = {"valid_from": (dt.date, False), "valid_to": (dt.date, False), "source": (str, True)}
_NAMED: Schema = {"code": (str, True), "name_ko": (str, True), "name_en": (str, True)}

TOML_FILES: dict[str, dict[str, Schema]] = {
    "provinces.toml": {
        "province": {**_NAMED, **_DATED},
        "membership": {"province": (str, True), "municipalities": (list, True), **_DATED},
    },
    "municipalities.toml": {
        "municipality": {
            **_NAMED,
            "kind": (str, True),
            "latitude": (float, False),
            "longitude": (float, False),
            **_DATED,
        },
    },
    "decline_areas.toml": {
        "designation": {"kind": (str, True), "municipalities": (list, True), **_DATED},
    },
    "centers.toml": {
        "site": {**_NAMED, "address": (str, False), "phone": (str, False), **_DATED},
        "coverage": {"site": (str, True), "municipalities": (list, True), **_DATED},
    },
    "visa_statuses.toml": {
        "status": {
            **_NAMED,
            "category": (str, True),
            "work": (str, True),
            "work_note": (str, False),
            "residence_note": (str, False),
            "residence_years": (int, False),
            "parent_code": (str, False),
            **_DATED,
        },
    },
    "classifications.toml": {
        "classification": {
            "scheme": (str, True),
            "revision": (int, True),
            "valid_from": (dt.date, True),
            "valid_to": (dt.date, False),
            "file": (str, True),
            "source": (str, True),
        },
    },
}
NATIONALITIES: Schema = {
    "alpha2": (str, True),
    "alpha3": (str, True),
    "numeric": (str, True),
    "name_en": (str, True),
    "name_ko": (str, True),
}
CLASSIFICATION_ITEMS: Schema = {
    "code": (str, True),
    "level": (int, True),
    "parent": (str, False),
    "name_ko": (str, True),
    "name_en": (str, False),
}
# The first of these keys an entry has is how error messages name it.
_LABEL_KEYS = ("code", "alpha2", "scheme", "province", "site", "kind")


@dataclass(frozen=True)
class Entry:
    where: str
    values: dict[str, Any]


@dataclass
class Pack:
    name: str
    path: Path
    tables: dict[str, list[Entry]] = field(default_factory=dict)
    # Items of each classification entry, by (scheme, revision).
    items: dict[tuple[str, int], list[Entry]] = field(default_factory=dict)

    def table(self, name: str) -> list[Entry]:
        return self.tables.get(name, [])


def pack_path(name: str, base_dir: Path | None = None) -> Path:
    base = base_dir or PACKS_DIR
    if not _PACK_NAME.match(name):
        raise RegionPackError(f"'{name}' is not a region pack name (lower-case letters, digits, '-', '_').")
    path = base / name
    if not (path / "provinces.toml").is_file():
        known = sorted(p.name for p in base.iterdir() if (p / "provinces.toml").is_file())
        raise RegionPackError(
            f"No region pack '{name}' in {base}; packs there: {', '.join(known) or 'none'}."
        )
    return path


def read_pack(name: str, base_dir: Path | None = None) -> Pack:
    pack = Pack(name=name, path=pack_path(name, base_dir))
    for filename, tables in TOML_FILES.items():
        path = pack.path / filename
        if not path.is_file():
            if filename in _REQUIRED_FILES:
                raise RegionPackError(f"{_display(pack, path)}: file is missing.")
            continue
        pack.tables.update(_read_toml(pack, path, tables))
    nationalities = pack.path / "nationalities.csv"
    if nationalities.is_file():
        pack.tables["nationality"] = _read_csv(pack, nationalities, NATIONALITIES)
    for entry in pack.table("classification"):
        path = _inside(pack, entry, entry.values["file"])
        key = (entry.values["scheme"], entry.values["revision"])
        pack.items[key] = _read_csv(pack, path, CLASSIFICATION_ITEMS)
    return pack


def _read_toml(pack: Pack, path: Path, tables: dict[str, Schema]) -> dict[str, list[Entry]]:
    shown = _display(pack, path)
    try:
        with path.open("rb") as handle:
            data = tomllib.load(handle)
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as error:
        raise RegionPackError(f"{shown}: not valid TOML ({error}).") from error
    unknown = sorted(set(data) - set(tables))
    if unknown:
        raise RegionPackError(
            f"{shown}: unknown table(s) {', '.join(unknown)}; expected {', '.join(tables)}."
        )
    read: dict[str, list[Entry]] = {}
    for table, schema in tables.items():
        raw = data.get(table, [])
        if not isinstance(raw, list):
            raise RegionPackError(f"{shown}: '{table}' must be an array of tables ([[{table}]]).")
        read[table] = [
            _entry(f"{shown}, {table} #{number}", item, schema) for number, item in enumerate(raw, start=1)
        ]
    return read


def _read_csv(pack: Pack, path: Path, schema: Schema) -> list[Entry]:
    shown = _display(pack, path)
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError) as error:
        raise RegionPackError(f"{shown}: cannot be read as UTF-8 text ({error}).") from error
    # Lines starting with '#' are comments (source notes); every record is on one line.
    numbered = [
        (n, line) for n, line in enumerate(lines, start=1) if line.strip() and not line.startswith("#")
    ]
    if not numbered:
        raise RegionPackError(f"{shown}: no header line.")
    header = next(csv.reader([numbered[0][1]]))
    missing = [key for key, (_, required) in schema.items() if required and key not in header]
    unknown = [key for key in header if key not in schema]
    if missing or unknown:
        raise RegionPackError(
            f"{shown}, line {numbered[0][0]}: header must be {','.join(schema)} "
            f"(missing: {', '.join(missing) or '-'}; unknown: {', '.join(unknown) or '-'})."
        )
    entries = []
    for number, line in numbered[1:]:
        cells = next(csv.reader([line]))
        where = f"{shown}, line {number}"
        if len(cells) != len(header):
            raise RegionPackError(f"{where}: {len(cells)} columns, expected {len(header)}.")
        raw = {
            key: _from_text(where, key, cell, schema[key][0]) for key, cell in zip(header, cells, strict=True)
        }
        entries.append(_entry(where, {k: v for k, v in raw.items() if v is not None}, schema))
    return entries


def _from_text(where: str, key: str, cell: str, kind: type) -> Any:
    cell = cell.strip()
    if cell == "":
        return None
    try:
        if kind is dt.date:
            return dt.date.fromisoformat(cell)
        if kind in (int, float):
            return kind(cell)
    except ValueError as error:
        raise RegionPackError(f"{where}: {key} '{cell}' is not a valid {kind.__name__}.") from error
    return cell


def _entry(where: str, raw: Any, schema: Schema) -> Entry:
    if not isinstance(raw, dict):
        raise RegionPackError(f"{where}: must be a table of key = value lines.")
    label = next((raw[key] for key in _LABEL_KEYS if isinstance(raw.get(key), str)), None)
    if label is not None:
        where = f"{where} ({label})"
    unknown = sorted(set(raw) - set(schema))
    if unknown:
        raise RegionPackError(f"{where}: unknown key(s) {', '.join(unknown)}.")
    values = {
        key: _value(where, key, raw.get(key), kind, required) for key, (kind, required) in schema.items()
    }
    start, end = values.get("valid_from"), values.get("valid_to")
    if start and end and end < start:
        raise RegionPackError(f"{where}: valid_to {end} is before valid_from {start}.")
    return Entry(where=where, values=values)


def _value(where: str, key: str, value: Any, kind: type, required: bool) -> Any:
    if value is None or (kind is str and isinstance(value, str) and not value.strip()):
        if required:
            raise RegionPackError(f"{where}: '{key}' is required.")
        return "" if kind is str else None
    if _is(value, kind):
        return float(value) if kind is float else value
    raise RegionPackError(f"{where}: '{key}' must be {_KIND_NAMES[kind]}, not {value!r}.")


def _is(value: Any, kind: type) -> bool:
    if isinstance(value, bool | dt.datetime):
        return False
    if kind is float:
        return isinstance(value, int | float)
    if kind is list:
        return isinstance(value, list) and bool(value) and all(isinstance(item, str) for item in value)
    return isinstance(value, kind)


_KIND_NAMES = {
    str: "text",
    int: "a whole number",
    float: "a number",
    dt.date: "a date (YYYY-MM-DD)",
    list: "a non-empty list of codes",
}


def _inside(pack: Pack, entry: Entry, relative: str) -> Path:
    # A pack may point at a sibling pack's file (e.g. a shared national table), never outside.
    path = (pack.path / relative).resolve()
    if not path.is_relative_to(pack.path.parent.resolve()) or not path.is_file():
        raise RegionPackError(f"{entry.where}: file '{relative}' not found in the pack.")
    return path


def _display(pack: Pack, path: Path) -> str:
    try:
        return str(path.resolve().relative_to(pack.path.parent.resolve()))
    except ValueError:
        return str(path)
