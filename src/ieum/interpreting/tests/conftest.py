from __future__ import annotations

import datetime as dt

import pytest

from ieum.core.models import Role, User
from ieum.interpreting.models import Interpreter
from ieum.interpreting.registry import InterpreterData, interpreter_save

ALL_WEEK = [(day, dt.time(0, 0), dt.time(23, 59)) for day in range(7)]


def make_interpreter(
    name: str,
    *,
    languages=(("vi", 3),),
    modalities=("phone", "video"),
    windows=ALL_WEEK,
    on_call: bool = False,
    rate_per_hour: int = 30000,
    rate_per_call: int = 0,
    with_account: bool = True,
) -> Interpreter:
    user = None
    if with_account:
        user = User.objects.create_user(
            username=f"interp-{name.lower()}", password="x" * 12, role=Role.INTERPRETER, display_name=name
        )
    return interpreter_save(
        data=InterpreterData(
            name=name,
            modalities=list(modalities),
            languages=list(languages),
            windows=list(windows),
            on_call=on_call,
            rate_per_hour=rate_per_hour,
            rate_per_call=rate_per_call,
            user=user,
        ),
        actor=None,
    )


@pytest.fixture
def interpreter_factory(db):
    return make_interpreter
