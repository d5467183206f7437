"""Record every grant, change and revoke of a role (facts.md §5: access-right records ≥ 3 years).

A signal, not a service, because roles also change through the admin and `createsuperuser`;
whoever changes a role through a service sets `user._role_changed_by` first.
"""

from __future__ import annotations

from typing import Any

from django.db.models.signals import post_save, pre_save
from django.dispatch import receiver

from ieum.core.models import RoleGrantLog, User


def _scope(municipality_id: int | None) -> str:
    return str(municipality_id or "")


@receiver(pre_save, sender=User)
def remember_previous_role(sender: type[User], instance: User, **kwargs: Any) -> None:
    previous = None
    if instance.pk:
        previous = User.objects.filter(pk=instance.pk).values("role", "municipality_id", "is_active").first()
    instance._previous_reach = previous  # type: ignore[attr-defined]


@receiver(post_save, sender=User)
def record_role_change(sender: type[User], instance: User, created: bool, **kwargs: Any) -> None:
    previous = getattr(instance, "_previous_reach", None)
    by = getattr(instance, "_role_changed_by", None)
    new_scope = _scope(instance.municipality_id)
    if created or previous is None:
        RoleGrantLog.objects.create(
            user=instance, change="grant", new_role=instance.role, new_scope=new_scope, changed_by=by
        )
        return
    old_scope = _scope(previous["municipality_id"])
    if previous["is_active"] and not instance.is_active:
        change = "revoke"
    elif (
        previous["role"] != instance.role
        or old_scope != new_scope
        or (not previous["is_active"] and instance.is_active)
    ):
        change = "change" if instance.is_active else ""
    else:
        change = ""
    if change:
        RoleGrantLog.objects.create(
            user=instance,
            change=change,
            old_role=previous["role"],
            new_role=instance.role,
            old_scope=old_scope,
            new_scope=new_scope,
            changed_by=by,
        )
