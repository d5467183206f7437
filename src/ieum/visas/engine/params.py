"""Dated parameters (OpenFisca-style): every value holds from `valid_from` to `valid_to` and
names its source. A change never rewrites a past value: it adds a value with a later start, and
among the values valid on a day the one added last wins (`seq`)."""

from __future__ import annotations

import datetime as dt
import tomllib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

RULES_DIR = Path(__file__).resolve().parent.parent / "rules"


@dataclass(frozen=True)
class ParamValue:
    name: str  # "f2r.korean_min"
    value: Any
    valid_from: dt.date | None
    valid_to: dt.date | None
    source: str
    seq: int = 0  # order of addition; officer changes come after the rule files

    def valid_on(self, day: dt.date) -> bool:
        return (self.valid_from is None or self.valid_from <= day) and (
            self.valid_to is None or day <= self.valid_to
        )


class MissingParameter(KeyError):
    pass


@dataclass
class ParamSet:
    values: list[ParamValue] = field(default_factory=list)

    def with_values(self, extra: list[ParamValue]) -> ParamSet:
        start = max((v.seq for v in self.values), default=0) + 1
        added = [
            ParamValue(v.name, v.value, v.valid_from, v.valid_to, v.source, start + i)
            for i, v in enumerate(extra)
        ]
        return ParamSet(self.values + added)

    def entry(self, name: str, day: dt.date) -> ParamValue:
        candidates = [v for v in self.values if v.name == name and v.valid_on(day)]
        if not candidates:
            raise MissingParameter(f"{name} on {day.isoformat()}")
        return max(candidates, key=lambda v: (v.seq, v.valid_from or dt.date.min))

    def get(self, name: str, day: dt.date, default: Any = None) -> Any:
        try:
            return self.entry(name, day).value
        except MissingParameter:
            return default

    def on(self, prefix: str, day: dt.date) -> dict[str, Any]:
        """Every parameter of a program (`f2r.`) in force on `day`, by short name. Before a
        program's first day its first values stand in, so criteria still answer (and `in_force`
        says no)."""
        names = {v.name for v in self.values if v.name.startswith(prefix + ".")}
        out = {}
        for name in sorted(names):
            value = self.get(name, day, default=None)
            if value is None:
                value = self.history(name)[0].value
            out[name[len(prefix) + 1 :]] = value
        return out

    def history(self, name: str) -> list[ParamValue]:
        return sorted(
            (v for v in self.values if v.name == name), key=lambda v: (v.valid_from or dt.date.min, v.seq)
        )

    def names(self) -> list[str]:
        return sorted({v.name for v in self.values})


def _date(value: Any) -> dt.date | None:
    if value is None or value == "":
        return None
    if isinstance(value, dt.date):
        return value
    return dt.date.fromisoformat(str(value))


def load_rules(folder: Path = RULES_DIR) -> ParamSet:
    """Every `[[value]]` of every TOML file in `folder`, e.g. rules/f2r.toml."""
    values: list[ParamValue] = []
    for path in sorted(folder.glob("*.toml")):
        data = tomllib.loads(path.read_text(encoding="utf-8"))
        prefix = data.get("program", path.stem)
        for row in data.get("value", []):
            if not row.get("source"):
                raise ValueError(f"{path.name}: {row.get('name')} has no source")
            values.append(
                ParamValue(
                    name=f"{prefix}.{row['name']}",
                    value=row["value"],
                    valid_from=_date(row.get("valid_from")),
                    valid_to=_date(row.get("valid_to")),
                    source=row["source"],
                )
            )
    return ParamSet(values)
