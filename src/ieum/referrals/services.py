"""Writes for closed-loop referrals (contact-center issue, item 9).

A referral shares only the items the resident consented to give this partner for this purpose:
`referral_create` goes through `ieum.privacy.services.provision_record`, which refuses
(ConsentRequired) unless an active consent names the partner, the purpose and at least the
items — so a referral without consent is refused here, not only hidden in a page.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from ieum.core.models import User
from ieum.privacy.models import Provision
from ieum.privacy.services import provision_record
from ieum.privacy.vocabulary import Item, Purpose, RecipientKind
from ieum.referrals.models import Partner, PartnerMember, Referral
from ieum.residents.models import Resident
from ieum.residents.services import timeline_add

# Identifiers never go to a partner through a referral: the partner identifies the person by name
# and phone, and the center keeps the registration and passport numbers (privacy issue §2).
SHAREABLE_ITEMS = [item for item in Item.values if item not in (Item.ARN, Item.PASSPORT)]
# Free text from the counselor reaches the partner only under an item that covers it.
TEXT_ITEMS = frozenset({Item.CASE_SUMMARY, Item.HEALTH, Item.LABOR})
PURPOSE_CLASS: dict[str, str] = {Purpose.MEDICAL: "health", Purpose.LEGAL: "labor"}


class ReferralStateError(ValidationError):
    """The referral is not in a state that allows this step."""


def _event(referral: Referral, kind: str, actor: Any, **params: Any) -> None:
    timeline_add(
        resident=referral.resident,
        service="referrals",
        kind=kind,
        actor=actor,
        params={"partner": referral.partner.name_ko, **params},
        field_class=PURPOSE_CLASS.get(referral.purpose, ""),
    )


def _note_on_case(referral: Referral, text: str, actor: Any) -> None:
    """Report back to the case, through casework's own service when it offers one."""
    case = getattr(referral, "case", None)
    if case is None:
        return
    try:
        from ieum.casework import services as casework_services
    except ImportError:  # pragma: no cover - casework not installed
        return
    note_add = getattr(casework_services, "case_note_add", None)
    if note_add is None:
        return
    try:
        note_add(case=case, text=text, actor=actor, shareable=False)
    except TypeError:
        note_add(case=case, text=text, actor=actor)


@transaction.atomic
def referral_create(
    *,
    resident: Resident,
    partner: Partner,
    purpose: str,
    items: list[str],
    actor: User,
    message: str = "",
    case: Any = None,
) -> Referral:
    items = list(dict.fromkeys(items))
    message = message.strip()
    errors: dict[str, list] = {}
    if not partner.active:
        errors["partner"] = [_("This partner no longer takes referrals.")]
    if purpose not in Purpose.values:
        errors["purpose"] = [_("Choose the purpose for which the recipient will use the data.")]
    if not items or any(i not in SHAREABLE_ITEMS for i in items):
        errors["items"] = [_("Choose the items the recipient will receive.")]
    if message and not TEXT_ITEMS & set(items):
        errors["message"] = [
            _("A message to the partner needs the summary of the consultation among the items.")
        ]
    if errors:
        raise ValidationError(errors)
    provision: Provision = provision_record(
        resident=resident,
        recipient_kind=RecipientKind.PARTNER,
        recipient_id=partner.recipient_id,
        recipient_name=partner.name_ko,
        purpose=purpose,
        items=items,
        actor=actor,
    )
    fields: dict[str, Any] = {"case": case} if case is not None else {}
    referral = Referral.objects.create(
        resident=resident,
        partner=partner,
        purpose=purpose,
        items=items,
        consent=provision.consent,
        provision=provision,
        message=message,
        created_by=actor,
        **fields,
    )
    # The ledger row names the referral it served.
    Provision.objects.filter(pk=provision.pk).update(reference=f"referral:{referral.pk}")
    _event(referral, "referral.sent", actor)
    return referral


def _locked(referral: Referral) -> Referral:
    return Referral.objects.select_for_update().select_related("partner", "resident").get(pk=referral.pk)


def _require(referral: Referral, *statuses: str) -> None:
    if referral.status not in statuses:
        raise ReferralStateError(_("This referral cannot take that step now."))


@transaction.atomic
def referral_accept(*, referral: Referral, actor: User) -> Referral:
    referral = _locked(referral)
    _require(referral, Referral.Status.SENT)
    referral.status = Referral.Status.ACCEPTED
    referral.answered_by = actor
    referral.answered_at = timezone.now()
    referral.save(update_fields=["status", "answered_by", "answered_at", "updated_at"])
    _event(referral, "referral.accepted", actor)
    return referral


@transaction.atomic
def referral_decline(*, referral: Referral, reason: str, actor: User) -> Referral:
    referral = _locked(referral)
    _require(referral, Referral.Status.SENT, Referral.Status.ACCEPTED)
    if not reason.strip():
        raise ValidationError({"decline_reason": [_("Say why the referral is declined.")]})
    referral.status = Referral.Status.DECLINED
    referral.decline_reason = reason.strip()
    referral.answered_by = actor
    referral.answered_at = timezone.now()
    referral.save(update_fields=["status", "decline_reason", "answered_by", "answered_at", "updated_at"])
    _event(referral, "referral.declined", actor)
    _note_on_case(
        referral, gettext("The partner declined the referral: %(reason)s") % {"reason": reason}, actor
    )
    return referral


@transaction.atomic
def referral_appointment_set(
    *, referral: Referral, appointment_at: dt.datetime, place: str = "", actor: User
) -> Referral:
    referral = _locked(referral)
    _require(referral, Referral.Status.ACCEPTED, Referral.Status.APPOINTMENT)
    if appointment_at <= timezone.now():
        raise ValidationError({"appointment_at": [_("The appointment must be in the future.")]})
    referral.status = Referral.Status.APPOINTMENT
    referral.appointment_at = appointment_at
    referral.appointment_place = place.strip()[:300]
    referral.reminder_sent_at = None
    referral.save(
        update_fields=["status", "appointment_at", "appointment_place", "reminder_sent_at", "updated_at"]
    )
    _event(
        referral,
        "referral.appointment",
        actor,
        at=timezone.localtime(appointment_at).strftime("%Y-%m-%d %H:%M"),
    )
    transaction.on_commit(lambda: referral_remind(referral=referral))
    return referral


@transaction.atomic
def referral_outcome_report(*, referral: Referral, outcome: str, actor: User) -> Referral:
    referral = _locked(referral)
    _require(referral, Referral.Status.ACCEPTED, Referral.Status.APPOINTMENT)
    if not outcome.strip():
        raise ValidationError({"outcome": [_("Describe the outcome.")]})
    referral.status = Referral.Status.COMPLETED
    referral.outcome = outcome.strip()
    referral.completed_at = timezone.now()
    referral.save(update_fields=["status", "outcome", "completed_at", "updated_at"])
    _event(referral, "referral.completed", actor)
    _note_on_case(
        referral, gettext("The partner reported the outcome: %(outcome)s") % {"outcome": outcome}, actor
    )
    return referral


@transaction.atomic
def referral_close(*, referral: Referral, actor: User) -> Referral:
    referral = _locked(referral)
    if referral.status != Referral.Status.CLOSED:
        referral.status = Referral.Status.CLOSED
        referral.save(update_fields=["status", "updated_at"])
        _event(referral, "referral.closed", actor)
    return referral


def _when(referral: Referral) -> str:
    if referral.appointment_at is None:
        return ""
    return timezone.localtime(referral.appointment_at).strftime("%Y-%m-%d %H:%M")


def referral_remind(*, referral: Referral) -> bool:
    """Tell the resident of the appointment now and remind them the day before, in their language.

    Goes through notify's message_send (templates per language with fallback, opt-outs, quiet
    hours, delivery log); the appointment messages are the same ones clinic bookings use.
    """
    from ieum.notify.services import message_send

    referral = Referral.objects.select_related("resident", "partner").get(pk=referral.pk)
    if referral.appointment_at is None or referral.status != Referral.Status.APPOINTMENT:
        return False
    context = {"partner": referral.partner.name_ko, "when": _when(referral)}
    message_send(recipient=referral.resident, template="care.booked", context=context)
    remind_at = referral.appointment_at - dt.timedelta(days=1)
    if remind_at > timezone.now():
        message_send(
            recipient=referral.resident, template="care.reminder", context=context, not_before=remind_at
        )
    Referral.objects.filter(pk=referral.pk).update(reminder_sent_at=timezone.now())
    return True


@transaction.atomic
def partner_member_add(*, partner: Partner, user: User, actor: User | None) -> PartnerMember:
    member, _created = PartnerMember.objects.update_or_create(
        partner=partner, user=user, defaults={"active": True}
    )
    return member
