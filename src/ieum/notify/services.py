"""Sending messages: `message_send` is the one door (others call it). It picks the channel and the
language, respects opt-outs and quiet hours, writes the delivery log and hands the message to the
provider (text message, KakaoTalk Alimtalk) or to Django's e-mail."""

from __future__ import annotations

import datetime as dt
import logging
from dataclasses import dataclass
from typing import Any

from django.conf import settings
from django.core.mail import EmailMessage
from django.db import transaction
from django.utils import timezone
from django.utils.crypto import salted_hmac
from django.utils.module_loading import import_string

from ieum.core.models import User
from ieum.notify.ics import Appointment, calendar_text
from ieum.notify.models import CalendarFile, Channel, Delivery, OptOut
from ieum.notify.providers import Outgoing, Provider, ProviderError, as_provider
from ieum.notify.quiet import quiet_until
from ieum.notify.templates import TemplateMissing, render, template_resolve
from ieum.residents.models import Resident

logger = logging.getLogger(__name__)
MAX_ATTEMPTS = 4
CALENDAR_DAYS = 60


@dataclass(frozen=True)
class Attachment:
    filename: str
    content: str
    mimetype: str = "text/calendar"


def calendar_attachment(appointment: Appointment) -> Attachment:
    return Attachment(filename="appointment.ics", content=calendar_text(appointment))


def sms_provider() -> Provider:
    from ieum.notify import sms

    name = settings.IEUM_SMS_BACKEND
    backend_class = sms.BACKENDS.get(name) or import_string(name)
    return as_provider(backend_class())


@dataclass(frozen=True)
class _Target:
    resident: Resident | None
    user: User | None
    phone: str
    email: str
    language: str


def _target(recipient: Any, language: str | None) -> _Target:
    if isinstance(recipient, Resident):
        return _Target(
            recipient, recipient.user, recipient.phone, recipient.email, recipient.preferred_language
        )
    if isinstance(recipient, User):
        resident = Resident.objects.filter(user=recipient).first()
        return _Target(
            resident,
            recipient,
            resident.phone if resident else "",
            recipient.email or (resident.email if resident else ""),
            recipient.preferred_language
            or (resident.preferred_language if resident else settings.LANGUAGE_CODE),
        )
    address = str(recipient)
    is_email = "@" in address
    return _Target(
        None,
        None,
        "" if is_email else address,
        address if is_email else "",
        language or settings.LANGUAGE_CODE,
    )


def _address_hash(address: str) -> str:
    return salted_hmac("ieum.notify.optout", address.strip().lower(), algorithm="sha256").hexdigest()


def _opted_out(target: _Target, channel: str) -> bool:
    qs = OptOut.objects.filter(channel=channel)
    if target.resident and qs.filter(resident=target.resident).exists():
        return True
    if target.user and qs.filter(user=target.user).exists():
        return True
    address = target.email if channel == Channel.EMAIL else target.phone
    return bool(address) and qs.filter(address_hash=_address_hash(address)).exists()


def _candidates(target: _Target, has_kakao: bool) -> list[str]:
    out: list[str] = []
    if target.phone and has_kakao:
        out.append(Channel.KAKAO)
    if target.phone:
        out.append(Channel.SMS)
    if target.email:
        out.append(Channel.EMAIL)
    return out


@transaction.atomic
def opt_out_set(*, recipient: Any, channel: str, opted_out: bool = True) -> None:
    """Record (or lift) a person's wish not to get messages on `channel`."""
    if channel not in Channel.values:
        raise ValueError(channel)
    target = _target(recipient, None)
    if target.resident:
        lookup: dict[str, Any] = {"resident": target.resident}
    elif target.user:
        lookup = {"user": target.user}
    else:
        lookup = {"address_hash": _address_hash(target.email or target.phone)}
    if opted_out:
        OptOut.objects.get_or_create(channel=channel, **lookup)
    else:
        OptOut.objects.filter(channel=channel, **lookup).delete()


def message_send(
    *,
    recipient: Any,
    template: str,
    context: dict,
    channel: str | None = None,
    urgent: bool = False,
    attachments: tuple[Attachment, ...] | list[Attachment] = (),
    language: str | None = None,
    not_before: dt.datetime | None = None,
) -> Delivery:
    """Send (or queue) one message to a resident, a user, or a bare phone number or e-mail address.

    `channel` None picks KakaoTalk (where the template has an approved Alimtalk template), then text
    message, then e-mail, skipping channels the person opted out of. Outside `urgent`, nothing goes
    out in quiet hours (21:00–08:00 KST): it is deferred to `ieum notify_send_due`. `not_before`
    schedules a message (reminders). Attachments are calendar files: attached to an e-mail, a
    download link in a text message.
    """
    target = _target(recipient, language)
    language = language or target.language
    chosen = template_resolve(template, language)  # TemplateMissing if no language has it
    context = {k: str(v) for k, v in context.items()}
    with transaction.atomic():
        delivery = Delivery(
            template=template,
            language=chosen.language,
            resident=target.resident,
            user=target.user,
            context=context,
            urgent=urgent,
            not_before=not_before,
        )
        candidates = _candidates(target, bool(chosen.kakao_template_id))
        if channel is not None:
            candidates = [c for c in candidates if c == channel] or [channel]
        allowed = [c for c in candidates if not _opted_out(target, c)]
        delivery.channel = (allowed or candidates or [Channel.SMS])[0]
        delivery.address = target.email if delivery.channel == Channel.EMAIL else target.phone
        if candidates and not allowed:
            delivery.status = Delivery.Status.OPTED_OUT
        elif not delivery.address:
            delivery.status = Delivery.Status.FAILED
            delivery.error = "no address for this channel"
        for attachment in attachments:
            if attachment.mimetype != "text/calendar":
                raise ValueError("only calendar files can be attached")
            delivery.calendar = CalendarFile.objects.create(
                filename=attachment.filename,
                content=attachment.content,
                expires_at=timezone.now() + dt.timedelta(days=CALENDAR_DAYS),
            )
        delivery.save()
    if delivery.status == Delivery.Status.QUEUED and (not_before is None or not_before <= timezone.now()):
        delivery = delivery_send(delivery=delivery)
    return delivery


def delivery_text(delivery: Delivery) -> tuple[str, str]:
    """The subject and text of a logged message, re-rendered in the language it was sent in."""
    chosen = template_resolve(delivery.template, delivery.language)
    body = render(chosen.body, delivery.context)
    if delivery.calendar and delivery.channel != Channel.EMAIL:
        body += "\n" + calendar_link(delivery.calendar)
    return render(chosen.subject, delivery.context), body


def calendar_link(calendar: CalendarFile) -> str:
    return f"{settings.IEUM_SITE_URL.rstrip('/')}/api/v1/notify/calendar/{calendar.token}"


def _defer_or_none(delivery: Delivery, now: dt.datetime) -> bool:
    if delivery.urgent:
        return False
    until = quiet_until(
        now, start_hour=settings.IEUM_NOTIFY_QUIET_START_HOUR, end_hour=settings.IEUM_NOTIFY_QUIET_END_HOUR
    )
    if until is None:
        return False
    delivery.status = Delivery.Status.DEFERRED
    delivery.not_before = until
    delivery.save(update_fields=["status", "not_before"])
    return True


def _hand_over(delivery: Delivery) -> str:
    subject, body = delivery_text(delivery)
    if delivery.channel == Channel.EMAIL:
        email = EmailMessage(subject, body, settings.DEFAULT_FROM_EMAIL, [delivery.address])
        if delivery.calendar:
            email.attach(delivery.calendar.filename, delivery.calendar.content, "text/calendar")
        email.send(fail_silently=False)
        return ""
    chosen = template_resolve(delivery.template, delivery.language)
    return sms_provider().deliver(
        Outgoing(
            channel=delivery.channel,
            to=delivery.address,
            text=body,
            key=delivery.idempotency_key,
            kakao_template_id=chosen.kakao_template_id,
            variables=dict(delivery.context),
        )
    )


@transaction.atomic
def delivery_send(*, delivery: Delivery, now: dt.datetime | None = None) -> Delivery:
    """Send one queued or deferred delivery. The row is locked and a delivery that went out is
    never sent again, so two workers (or a retry) cannot send the same message twice."""
    now = now or timezone.now()
    delivery = Delivery.objects.select_for_update().get(pk=delivery.pk)
    if delivery.status not in (Delivery.Status.QUEUED, Delivery.Status.DEFERRED) or delivery.sent_at:
        return delivery
    if _defer_or_none(delivery, now):
        return delivery
    delivery.attempts += 1
    try:
        delivery.provider_message_id = _hand_over(delivery)
    except ProviderError as exc:
        delivery.error = exc.reason[:200]
        if exc.retryable and delivery.attempts < MAX_ATTEMPTS:
            delivery.status = Delivery.Status.QUEUED
            delivery.not_before = now + dt.timedelta(minutes=5 * 2 ** (delivery.attempts - 1))
        else:
            delivery.status = Delivery.Status.FAILED
        logger.warning("delivery %s not sent: %s", delivery.pk, delivery.error)
    except TemplateMissing:
        delivery.status = Delivery.Status.FAILED
        delivery.error = "template missing"
    else:
        delivery.status = Delivery.Status.SENT
        delivery.sent_at = now
        delivery.error = ""
    delivery.save()
    return delivery


def deliveries_send_due(*, now: dt.datetime | None = None) -> int:
    """Send every queued or deferred delivery whose time has come; returns how many went out."""
    now = now or timezone.now()
    due = Delivery.objects.filter(
        status__in=[Delivery.Status.QUEUED, Delivery.Status.DEFERRED], not_before__lte=now
    ) | Delivery.objects.filter(status=Delivery.Status.QUEUED, not_before__isnull=True)
    sent = 0
    for delivery in due.order_by("not_before", "id"):
        if delivery_send(delivery=delivery, now=now).status == Delivery.Status.SENT:
            sent += 1
    return sent


# Solapi report codes: 4000 received by the phone; 2000/3000 accepted and on the way.
_PENDING_CODES = {"2000", "3000"}


@transaction.atomic
def delivery_report(*, provider_message_id: str, status_code: str, now: dt.datetime | None = None) -> bool:
    """A provider's delivery report; False when no delivery has that message id."""
    delivery = Delivery.objects.select_for_update().filter(provider_message_id=provider_message_id).first()
    if delivery is None or not provider_message_id:
        return False
    if status_code == "4000":
        delivery.status = Delivery.Status.DELIVERED
        delivery.delivered_at = now or timezone.now()
    elif status_code not in _PENDING_CODES:
        delivery.status = Delivery.Status.FAILED
        delivery.error = f"provider report {status_code}"[:200]
    delivery.save(update_fields=["status", "delivered_at", "error"])
    return True


def raw_sms_send(*, to: str, text: str) -> Delivery:
    """A text written by the caller (a sign-in code): sent at once, logged without its text."""
    delivery = Delivery.objects.create(
        channel=Channel.SMS, template="raw", status=Delivery.Status.QUEUED, urgent=True, attempts=1
    )
    try:
        delivery.provider_message_id = sms_provider().deliver(
            Outgoing(channel=Channel.SMS, to=to, text=text, key=delivery.idempotency_key)
        )
    except ProviderError as exc:
        delivery.status = Delivery.Status.FAILED
        delivery.error = exc.reason[:200]
        delivery.save()
        raise
    delivery.status = Delivery.Status.SENT
    delivery.sent_at = timezone.now()
    delivery.save()
    return delivery
