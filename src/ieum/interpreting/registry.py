"""The interpreter registry: writes for the coordinator's pages (split from services.py)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext_lazy as _

from ieum.core.models import Role, User
from ieum.interpreting.models import Interpreter, InterpreterAvailability, InterpreterLanguage, Modality
from ieum.interpreting.services import LANGUAGE_CODE


@dataclass
class InterpreterData:
    name: str
    phone: str = ""
    kind: str = Interpreter.Kind.CONTRACTED
    modalities: list[str] = field(default_factory=list)
    on_call: bool = False
    confidentiality_signed_on: dt.date | None = None
    rate_per_hour: int = 0
    rate_per_call: int = 0
    active: bool = True
    user: User | None = None
    languages: list[tuple[str, int]] = field(default_factory=list)
    windows: list[tuple[int, dt.time, dt.time]] = field(default_factory=list)


def _check(data: InterpreterData, interpreter: Interpreter | None) -> None:
    errors: dict[str, list] = {}
    if not data.name.strip():
        errors["name"] = [_("Enter a name.")]
    if not data.modalities or any(m not in Modality.values for m in data.modalities):
        errors["modalities"] = [_("Choose phone, video or in person.")]
    if not data.languages or any(
        not LANGUAGE_CODE.match(code) or level not in InterpreterLanguage.Level.values
        for code, level in data.languages
    ):
        errors["languages"] = [_("Give each language as a code and a level from 1 to 4, e.g. vi:3.")]
    if any(not (0 <= day <= 6) or start >= end for day, start, end in data.windows):
        errors["windows"] = [_("Each window needs a weekday and a start before its end.")]
    if data.rate_per_hour < 0 or data.rate_per_call < 0:
        errors["rate_per_hour"] = [_("A rate cannot be negative.")]
    others = Interpreter.objects.exclude(pk=interpreter.pk if interpreter else 0)
    if data.user is not None:
        if data.user.role != Role.INTERPRETER:
            errors["user"] = [_("The account must have the interpreter role.")]
        elif others.filter(user=data.user).exists():
            errors["user"] = [_("This account already belongs to another interpreter.")]
    if errors:
        raise ValidationError(errors)


@transaction.atomic
def interpreter_save(
    *, data: InterpreterData, actor: Any, interpreter: Interpreter | None = None
) -> Interpreter:
    _check(data, interpreter)
    interpreter = interpreter or Interpreter()
    for name in (
        "phone",
        "kind",
        "on_call",
        "confidentiality_signed_on",
        "rate_per_hour",
        "rate_per_call",
        "active",
        "user",
    ):
        setattr(interpreter, name, getattr(data, name))
    interpreter.name = data.name.strip()
    interpreter.modalities = list(dict.fromkeys(data.modalities))
    interpreter.save()
    interpreter.languages.all().delete()
    InterpreterLanguage.objects.bulk_create(
        InterpreterLanguage(interpreter=interpreter, language=code, level=level)
        for code, level in dict(data.languages).items()
    )
    interpreter.availability.all().delete()
    InterpreterAvailability.objects.bulk_create(
        InterpreterAvailability(interpreter=interpreter, weekday=d, start=s, end=e)
        for d, s, e in data.windows
    )
    return interpreter
