"""Who may do what with grants; pages and API go through these helpers only.

Program officers decide (province-wide, or a county officer for that county's applications);
batches, bank files and budget changes are the province's. Counselors help file an application
for a resident they can reach but never decide or pay. Residents see their own applications.
Analysts get the aggregate budget statement only. Employers, partners, interpreters: nothing.
"""

from __future__ import annotations

from django.core.exceptions import PermissionDenied
from django.db.models import QuerySet
from django.http import Http404, HttpRequest

from ieum.core.access import log_access
from ieum.core.models import Role, User
from ieum.grants.models import Application, Payment, PaymentBatch
from ieum.residents.access import get_resident_for_user
from ieum.residents.models import Resident


def _active(user: User) -> bool:
    return user.is_authenticated and user.is_active


def can_decide(user: User) -> bool:
    return _active(user) and user.role in (Role.OFFICER, Role.ADMIN)


def is_province_officer(user: User) -> bool:
    if not _active(user):
        return False
    if user.role == Role.ADMIN:
        return True
    return user.role == Role.OFFICER and user.municipality_id is None


def can_file_for_others(user: User) -> bool:
    return _active(user) and user.role in (Role.COUNSELOR, Role.OFFICER, Role.ADMIN)


def can_read_statement(user: User) -> bool:
    """The budget statement is aggregate (no person in it): analysts may read it too."""
    return _active(user) and user.role in (Role.OFFICER, Role.ADMIN, Role.ANALYST)


def require(condition: bool) -> None:
    if not condition:
        raise PermissionDenied


def applications_reachable_by(user: User) -> QuerySet[Application]:
    qs = Application.objects.select_related("program", "resident", "municipality")
    if not can_decide(user):
        return qs.none()
    if user.role == Role.OFFICER and user.municipality_id is not None:
        return qs.filter(municipality_id=user.municipality_id)
    return qs


def get_application_for_user(
    user: User, application_id: int, *, request: HttpRequest | None = None, action: str = "view"
) -> Application:
    """The application if `user` may see it (404 otherwise, so ids are not probed); logged."""
    try:
        application = Application.objects.select_related("program", "resident", "municipality").get(
            pk=application_id
        )
    except Application.DoesNotExist:
        raise Http404 from None
    if user.is_authenticated and user.role == Role.RESIDENT:
        if application.resident.user_id != user.pk:
            raise Http404
        return application
    if can_decide(user):
        if not applications_reachable_by(user).filter(pk=application.pk).exists():
            raise Http404
    elif user.is_authenticated and user.role == Role.COUNSELOR and action == "view":
        # A counselor follows the applications they filed, for a resident they still reach.
        if application.filed_by_id != user.pk:
            raise Http404
        get_resident_for_user(user, application.resident_id, request=request, purpose="grant application")
    else:
        raise Http404
    log_access(
        user=user,
        action=action,
        subject_type="resident",
        subject_id=application.resident_id,
        purpose="grant application",
        request=request,
        detail={"application": application.pk},
    )
    return application


def resident_for_filing(user: User, resident_id: int, *, request: HttpRequest | None = None) -> Resident:
    require(can_file_for_others(user))
    return get_resident_for_user(
        user, resident_id, request=request, purpose="grant application", action="update"
    )


def get_batch_for_user(user: User, batch_id: int) -> PaymentBatch:
    require(is_province_officer(user))
    try:
        return PaymentBatch.objects.select_related("program").get(pk=batch_id)
    except PaymentBatch.DoesNotExist:
        raise Http404 from None


def get_payment_for_user(user: User, payment_id: int, *, request: HttpRequest | None = None) -> Payment:
    """A payment to act on (retry, hand over certificates): the province, or the officer of the
    person's county."""
    require(can_decide(user))
    try:
        payment = Payment.objects.select_related("entitlement__program", "entitlement__resident").get(
            pk=payment_id
        )
    except Payment.DoesNotExist:
        raise Http404 from None
    if user.role == Role.OFFICER and user.municipality_id not in (None, payment.entitlement.municipality_id):
        raise Http404
    log_access(
        user=user,
        action="update",
        subject_type="resident",
        subject_id=payment.entitlement.resident_id,
        purpose="grant payment",
        request=request,
        detail={"payment": payment.pk},
    )
    return payment
