"""Sensitive classes of personal data and which roles may see them (privacy issue §2).

Immigration status, health, labor complaints against an employer, and unique identifiers are
sensitive classes. A role sees a class only where its work needs it; identifiers are never shown
by class at all, only through `reveal_identifier` with a stated purpose. No role exists that lists
residents' immigration status for another authority: service data never flows to enforcement.
"""

from __future__ import annotations

from typing import Any

from django.db import models
from django.utils.translation import gettext_lazy as _

from ieum.core.models import Role


class FieldClass(models.TextChoices):
    IDENTIFIER = "identifier", _("unique identifiers")
    IMMIGRATION = "immigration", _("immigration status")
    HEALTH = "health", _("health")
    LABOR = "labor", _("labor complaints against an employer")


ROLE_CLASSES: dict[str, frozenset[str]] = {
    # Counselling needs the person's status, health and workplace problems.
    Role.COUNSELOR: frozenset({FieldClass.IMMIGRATION, FieldClass.HEALTH, FieldClass.LABOR}),
    # Program officers run visa programs and grants: status, not health or complaints.
    Role.OFFICER: frozenset({FieldClass.IMMIGRATION}),
    Role.ADMIN: frozenset({FieldClass.IMMIGRATION, FieldClass.HEALTH, FieldClass.LABOR}),
    # Interpreters, employers and partners see only what a session or a consent gives them;
    # analysts only de-identified tables.
    Role.INTERPRETER: frozenset(),
    Role.EMPLOYER: frozenset(),
    Role.PARTNER: frozenset(),
    Role.ANALYST: frozenset(),
    # A resident sees everything about themself (the right of access).
    Role.RESIDENT: frozenset({FieldClass.IMMIGRATION, FieldClass.HEALTH, FieldClass.LABOR}),
}


def classes_for(user: Any) -> frozenset[str]:
    if not getattr(user, "is_authenticated", False) or not user.is_active:
        return frozenset()
    return ROLE_CLASSES.get(user.role, frozenset())


def may_see(user: Any, field_class: str) -> bool:
    return not field_class or field_class in classes_for(user)
