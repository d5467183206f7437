"""Who may read what in privacy: analysts only de-identified tables; a resident only their own."""

from __future__ import annotations

from typing import Any

from django.core.exceptions import PermissionDenied
from django.http import Http404

from ieum.core.models import Role
from ieum.residents.models import Resident

DEIDENTIFIED_ROLES = frozenset({Role.ANALYST, Role.ADMIN})


def require_deidentified_reader(user: Any) -> None:
    if not (user.is_authenticated and user.is_active and user.role in DEIDENTIFIED_ROLES):
        raise PermissionDenied


def get_own_resident_for_user(user: Any) -> Resident:
    """The resident record of a signed-in resident; 404 for anyone else."""
    if not (user.is_authenticated and user.is_active and user.role == Role.RESIDENT):
        raise Http404
    resident = (
        Resident.objects.active().filter(user=user).select_related("nationality", "municipality").first()
    )
    if resident is None:
        raise Http404
    return resident
