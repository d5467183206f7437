"""requirements.lock, which pip-audit checks, holds every pin of pyproject.toml at the same version
(`make lock` after changing a pin)."""

from __future__ import annotations

import re
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def _canonical(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


def test_every_pin_is_in_the_lock_at_its_version():
    project = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]
    pins = project["dependencies"] + [d for group in project["optional-dependencies"].values() for d in group]
    lock = {}
    for line in (ROOT / "requirements.lock").read_text().splitlines():
        if line and not line.startswith("#"):
            name, version = line.split("==")
            lock[_canonical(name)] = version
    for pin in pins:
        name, version = pin.split("==")
        name = _canonical(name.split("[")[0])
        assert lock.get(name) == version, f"{pin}: requirements.lock has {lock.get(name)} (run `make lock`)"
