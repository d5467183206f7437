"""Helpers for the region-pack tests: a copy of the pack to break, and a snapshot of the tables."""

from __future__ import annotations

import shutil
from pathlib import Path

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
from ieum.core.regions import PACKS_DIR

REFERENCE_MODELS = (
    Province,
    Municipality,
    MunicipalityMembership,
    DeclineDesignation,
    CenterSite,
    SiteCoverage,
    Nationality,
    VisaStatus,
    Classification,
    ClassificationItem,
)


def snapshot() -> dict[str, list[tuple]]:
    """Every row of every reference table, as plain values in primary-key order."""
    return {model.__name__: list(model.objects.order_by("pk").values_list()) for model in REFERENCE_MODELS}


def copy_pack(tmp_path: Path, name: str = "jeonnam") -> Path:
    """A writable copy of the jeonnam pack under tmp_path/<name>; load it with base_dir=tmp_path."""
    target = tmp_path / name
    shutil.copytree(PACKS_DIR / "jeonnam", target)
    return target


def replace_in(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} not in {path.name}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
