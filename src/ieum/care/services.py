"""Writes of care: partners' schedules and slots, bookings (with the interpreter, the disclosure to
the partner and the messages), cancellations and outcomes."""

from __future__ import annotations

import contextlib
import datetime as dt
from collections.abc import Iterable, Sequence
from typing import Any

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from ieum.care.models import Booking, CareProfile, Kind, OpeningHours, Participant, Slot
from ieum.core.models import User
from ieum.core.sensitivity import FieldClass
from ieum.notify.ics import Appointment
from ieum.notify.models import Delivery
from ieum.notify.services import calendar_attachment, message_send
from ieum.privacy.services import ConsentRequired, consent_record, provision_record
from ieum.privacy.vocabulary import Purpose, RecipientKind
from ieum.referrals.models import Partner
from ieum.residents.models import Resident
from ieum.residents.services import timeline_add

# What a partner receives with a booking (privacy vocabulary items), when the resident consented.
SHARED_ITEMS = ["name", "languages", "contact"]
RETENTION = "one year after the appointment"
REMINDER_BEFORE = dt.timedelta(hours=24)


def purpose_of(kind: str) -> str:
    return Purpose.MEDICAL if kind == Kind.CLINIC else Purpose.LEGAL


@transaction.atomic
def partner_care_set(
    *,
    partner: Partner,
    kind: str,
    discount_percent: int = 0,
    uninsured_support: bool = False,
    slot_minutes: int = 30,
    hours: Iterable[tuple[int, dt.time, dt.time]] = (),
) -> CareProfile:
    if kind not in Kind.values or not (0 <= discount_percent <= 100) or slot_minutes < 5:
        raise ValidationError(_("Please correct the errors below."))
    profile, _created = CareProfile.objects.update_or_create(
        partner=partner,
        defaults={
            "kind": kind,
            "discount_percent": discount_percent,
            "uninsured_support": uninsured_support,
            "slot_minutes": slot_minutes,
        },
    )
    hours = list(hours)
    if hours:
        OpeningHours.objects.filter(partner=partner).delete()
        OpeningHours.objects.bulk_create(
            [OpeningHours(partner=partner, weekday=d, opens=o, closes=c) for d, o, c in hours]
        )
    return profile


@transaction.atomic
def slots_generate(*, partner: Partner, start: dt.date, days: int) -> int:
    """Bookable slots from the partner's weekly hours; existing slots are kept."""
    profile = CareProfile.objects.get(partner=partner)
    step = dt.timedelta(minutes=profile.slot_minutes)
    tz = timezone.get_current_timezone()
    new = []
    for offset in range(days):
        day = start + dt.timedelta(days=offset)
        for hours in OpeningHours.objects.filter(partner=partner, weekday=day.weekday()):
            at = dt.datetime.combine(day, hours.opens, tzinfo=tz)
            end = dt.datetime.combine(day, hours.closes, tzinfo=tz)
            while at + step <= end:
                new.append(Slot(partner=partner, kind=profile.kind, starts_at=at, ends_at=at + step))
                at += step
    before = Slot.objects.filter(partner=partner).count()
    Slot.objects.bulk_create(new, ignore_conflicts=True)
    return Slot.objects.filter(partner=partner).count() - before


@transaction.atomic
def slot_create(
    *,
    partner: Partner,
    kind: str,
    starts_at: dt.datetime,
    minutes: int = 30,
    group: bool = False,
    place: str = "",
) -> Slot:
    if kind not in Kind.values or minutes < 5 or minutes > 8 * 60:
        raise ValidationError({"minutes": [_("Please correct the errors below.")]})
    if starts_at <= timezone.now():
        raise ValidationError({"starts_at": [_("Choose a time in the future.")]})
    try:
        with transaction.atomic():
            return Slot.objects.create(
                partner=partner,
                kind=kind,
                starts_at=starts_at,
                ends_at=starts_at + dt.timedelta(minutes=minutes),
                group=group,
                place=place[:300],
            )
    except IntegrityError:
        raise ValidationError({"starts_at": [_("There is already a slot at this time.")]}) from None


def _when(slot: Slot) -> str:
    return timezone.localtime(slot.starts_at).strftime("%Y-%m-%d %H:%M")


def _share(booking: Booking, resident: Resident, actor: User | None, consent_given: bool) -> None:
    partner = booking.slot.partner
    purpose = purpose_of(booking.slot.kind)
    if consent_given:
        consent_record(
            resident=resident,
            kind="provision",
            channel="web",
            actor=actor,
            recipient_kind=RecipientKind.PARTNER,
            recipient_id=partner.recipient_id,
            recipient_name=partner.name_ko,
            purpose=purpose,
            items=SHARED_ITEMS,
            retention=RETENTION,
        )
    # Without a consent nothing is shared: the partner sees the booking without the person's name.
    with contextlib.suppress(ConsentRequired):
        provision_record(
            resident=resident,
            recipient_kind=RecipientKind.PARTNER,
            recipient_id=partner.recipient_id,
            recipient_name=partner.name_ko,
            purpose=purpose,
            items=["name"],
            actor=actor,
            reference=f"care:{booking.pk}",
        )


def _interpreter(booking: Booking, languages: Sequence[str], actor: User | None) -> None:
    from ieum.interpreting.services import interpreter_request_create

    for language in dict.fromkeys(lang for lang in languages if lang and lang != "ko"):
        request = interpreter_request_create(
            language=language,
            modality="in_person",
            requested_by=actor,
            mode="scheduled",
            referral=booking.referral,
            source=f"care:{booking.pk}",
            scheduled_for=booking.slot.starts_at,
            topic=str(booking.slot.get_kind_display()),
            expected_minutes=max(
                1, int((booking.slot.ends_at - booking.slot.starts_at).total_seconds() // 60)
            ),
        )
        if booking.interpreter_request_id is None:
            booking.interpreter_request = request
            booking.save(update_fields=["interpreter_request"])


def _notify(booking: Booking, resident: Resident) -> None:
    slot = booking.slot
    context = {"partner": slot.partner.name_ko, "when": _when(slot), "booking": booking.pk}
    appointment = Appointment(
        uid=f"care-{booking.pk}-{resident.pk}@ieum",
        start=slot.starts_at,
        end=slot.ends_at,
        summary=f"{slot.partner.name_ko} {slot.partner.name_en}".strip(),
        location=slot.place or slot.partner.address,
    )
    message_send(
        recipient=resident,
        template="care.booked",
        context=context,
        attachments=[calendar_attachment(appointment)],
    )
    remind_at = slot.starts_at - REMINDER_BEFORE
    if remind_at > timezone.now():
        message_send(recipient=resident, template="care.reminder", context=context, not_before=remind_at)


@transaction.atomic
def booking_create(
    *,
    slot: Slot,
    resident: Resident,
    actor: User | None,
    case: Any = None,
    referral: Any = None,
    participants: Sequence[Resident] = (),
    consent_given: bool = False,
) -> Booking:
    """Book `slot` for `resident` (and, in a group consultation, `participants`). Two people can
    never hold the same slot: the slot row is locked and a database constraint backs the lock."""
    slot = Slot.objects.select_for_update().select_related("partner").get(pk=slot.pk)
    if slot.cancelled or slot.starts_at <= timezone.now():
        raise ValidationError({"slot": [_("This time can no longer be booked.")]})
    if referral is not None and referral.resident_id != resident.pk:
        raise ValidationError({"referral_id": [_("This referral is of another person.")]})
    if case is not None and case.resident_id not in (None, resident.pk):
        raise ValidationError({"case_id": [_("This case is of another person.")]})
    if participants and not slot.group:
        raise ValidationError({"participants": [_("Only a group consultation can have several residents.")]})
    if slot.bookings.exclude(status=Booking.Status.CANCELLED).exists():
        raise ValidationError({"slot": [_("Someone has just booked this time. Please choose another.")]})
    try:
        with transaction.atomic():
            booking = Booking.objects.create(
                slot=slot,
                resident=resident,
                language=resident.preferred_language,
                case=case,
                referral=referral,
                booked_by=actor if actor is not None and actor.is_authenticated else None,
            )
    except IntegrityError:
        raise ValidationError(
            {"slot": [_("Someone has just booked this time. Please choose another.")]}
        ) from None
    everyone = [resident, *[p for p in participants if p.pk != resident.pk]]
    Participant.objects.bulk_create([Participant(booking=booking, resident=p) for p in everyone[1:]])
    field_class = FieldClass.HEALTH if slot.kind == Kind.CLINIC else FieldClass.LABOR
    for person in everyone:
        _share(booking, person, actor, consent_given and person.pk == resident.pk)
        timeline_add(
            resident=person,
            service="care",
            kind=f"care.{slot.kind}_booked",
            params={"partner": slot.partner.name_ko, "when": _when(slot)},
            actor=actor,
            field_class=field_class,
        )
    _interpreter(booking, [p.preferred_language for p in everyone], actor)
    for person in everyone:
        _notify(booking, person)
    return booking


@transaction.atomic
def booking_cancel(*, booking: Booking, actor: User | None) -> Booking:
    booking = (
        Booking.objects.select_for_update().select_related("slot__partner", "resident").get(pk=booking.pk)
    )
    if booking.status != Booking.Status.BOOKED:
        raise ValidationError(_("Only a booked appointment can be cancelled."))
    booking.status = Booking.Status.CANCELLED
    booking.save(update_fields=["status"])
    from ieum.interpreting.models import InterpreterRequest
    from ieum.interpreting.services import interpreter_request_cancel

    for request in InterpreterRequest.objects.filter(source=f"care:{booking.pk}"):
        interpreter_request_cancel(request=request, actor=actor)
    # The reminder must not go out for an appointment that no longer exists.
    Delivery.objects.filter(
        template="care.reminder",
        status__in=[Delivery.Status.QUEUED, Delivery.Status.DEFERRED],
        context__booking=str(booking.pk),
    ).update(status=Delivery.Status.FAILED, error="appointment cancelled")
    context = {"partner": booking.slot.partner.name_ko, "when": _when(booking.slot)}
    for person in [booking.resident, *[p.resident for p in booking.participants.all()]]:
        message_send(recipient=person, template="care.cancelled", context=context)
        timeline_add(
            resident=person,
            service="care",
            kind="care.cancelled",
            params=context,
            actor=actor,
            field_class=FieldClass.HEALTH if booking.slot.kind == Kind.CLINIC else FieldClass.LABOR,
        )
    return booking


@transaction.atomic
def booking_outcome(
    *, booking: Booking, status: str, note: str, actor: User | None, follow_up_on: dt.date | None = None
) -> Booking:
    """Attended or did not come, with a short outcome note (never a medical record)."""
    booking = Booking.objects.select_for_update().get(pk=booking.pk)
    if status not in (Booking.Status.ATTENDED, Booking.Status.NO_SHOW):
        raise ValidationError({"status": [_("Choose attended or did not come.")]})
    if booking.status == Booking.Status.CANCELLED:
        raise ValidationError({"status": [_("This appointment was cancelled.")]})
    booking.status = status
    booking.outcome_note = (note or "").strip()[:300]
    booking.follow_up_on = follow_up_on
    booking.save(update_fields=["status", "outcome_note", "follow_up_on"])
    timeline_add(
        resident=booking.resident,
        service="care",
        kind="care.no_show" if status == Booking.Status.NO_SHOW else "care.attended",
        params={"partner": booking.slot.partner.name_ko},
        actor=actor,
    )
    return booking
