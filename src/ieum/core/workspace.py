"""The workspace home's task list. Each app registers a provider that says, for one user, what is
waiting for them; the home shows the tasks without knowing the apps (core depends on none)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True)
class Task:
    title: str  # a whole translated sentence
    count: int
    url: str


_providers: list[Callable[[Any], list[Task]]] = []


def register(provider: Callable[[Any], list[Task]]) -> None:
    if provider not in _providers:
        _providers.append(provider)


def tasks_for(user: Any) -> list[Task]:
    tasks: list[Task] = []
    for provider in _providers:
        tasks.extend(provider(user))
    return tasks
