"""Writes of the resident portal: one-time sign-in codes, self sign-up, the person's own profile,
languages and consents. Each function is one transaction (style.md)."""

from __future__ import annotations

import datetime as dt
import secrets
import uuid
from dataclasses import dataclass
from enum import Enum
from typing import Any

from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.db import transaction
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from ieum.core.models import Role, User
from ieum.lib.phones import normalize_phone
from ieum.notify.email import send_email
from ieum.notify.sms import send_sms
from ieum.portal.models import MAX_TRIES, SignInCode, keyed_hash
from ieum.privacy.services import consent_record
from ieum.residents.models import Resident, ResidentLanguage
from ieum.residents.services import SUPPORTED_LANGUAGE_CODES, ResidentData, resident_create, resident_update

CODE_MINUTES = 5
RESEND_AFTER = dt.timedelta(seconds=60)
MAX_CODES_PER_HOUR = 5


@dataclass(frozen=True)
class Destination:
    """Where a code goes: a phone in E.164 ("sms") or a lower-cased e-mail address ("email")."""

    channel: str
    address: str


def destination_parse(value: str) -> Destination:
    value = (value or "").strip()
    if "@" in value:
        try:
            validate_email(value)
        except ValidationError:
            raise ValidationError(gettext_lazy("This is not a valid e-mail address.")) from None
        return Destination(SignInCode.Channel.EMAIL, value.lower())
    phone = normalize_phone(value)
    if phone is None:
        raise ValidationError(gettext_lazy("Enter a mobile phone number or an e-mail address."))
    return Destination(SignInCode.Channel.SMS, phone)


def _destination_hash(destination: Destination) -> str:
    return keyed_hash("destination", f"{destination.channel}:{destination.address}")


@transaction.atomic
def sign_in_code_send(
    *, destination: Destination, user: User | None, language: str, send: bool = True
) -> SignInCode:
    """Make a code and send it in the person's language; refused if asked again too soon.

    With send=False the code is made but goes nowhere: for an address without an account, so
    that the page looks the same whether or not an account exists.
    """
    now = timezone.now()
    dest_hash = _destination_hash(destination)
    recent = SignInCode.objects.filter(
        destination_hash=dest_hash, created_at__gte=now - dt.timedelta(hours=1)
    )
    last = recent.first()
    if last is not None and now - last.created_at < RESEND_AFTER:
        raise ValidationError(
            gettext_lazy("A code was sent less than a minute ago. Please wait a minute and ask again.")
        )
    if recent.count() >= MAX_CODES_PER_HOUR:
        raise ValidationError(gettext_lazy("Too many codes were asked for. Please try again in an hour."))
    code = f"{secrets.randbelow(10**6):06d}"
    row = SignInCode.objects.create(
        user=user,
        channel=destination.channel,
        destination_hash=dest_hash,
        code_hash="",
        created_at=now,
        expires_at=now + dt.timedelta(minutes=CODE_MINUTES),
    )
    row.code_hash = keyed_hash(f"code.{row.pk}", code)
    row.save(update_fields=["code_hash"])
    if send:
        _deliver(destination, code, language)
    return row


def _deliver(destination: Destination, code: str, language: str) -> None:
    with translation.override(language):
        text = _(
            "Your Ieum sign-in code is %(code)s. It is valid for %(minutes)s minutes. "
            "Do not tell it to anyone, not even to the center's staff."
        ) % {"code": code, "minutes": CODE_MINUTES}
        if destination.channel == SignInCode.Channel.SMS:
            send_sms(destination.address, text)
        else:
            send_email(destination.address, _("Your Ieum sign-in code"), text)


class CodeResult(Enum):
    OK = "ok"
    WRONG = "wrong"
    EXPIRED = "expired"
    LOCKED = "locked"
    USED = "used"


CODE_ERRORS = {
    CodeResult.WRONG: gettext_lazy("That code is not right. Please check the message and try again."),
    CodeResult.EXPIRED: gettext_lazy("This code has expired. Ask for a new code."),
    CodeResult.LOCKED: gettext_lazy("This code was entered wrongly too many times. Ask for a new code."),
    CodeResult.USED: gettext_lazy("This code can no longer be used. Ask for a new code."),
}


@transaction.atomic
def sign_in_code_check(*, code_id: int, code: str) -> CodeResult:
    """Counts every try; a code works once, for CODE_MINUTES minutes and at most MAX_TRIES tries."""
    row = SignInCode.objects.select_for_update().filter(pk=code_id).first()
    if row is None or row.used_at is not None:
        return CodeResult.USED
    if row.tries >= MAX_TRIES:
        return CodeResult.LOCKED
    if row.expired:
        return CodeResult.EXPIRED
    row.tries += 1
    if row.matches("".join(ch for ch in code if ch.isdigit())):
        row.used_at = timezone.now()
        row.save(update_fields=["tries", "used_at"])
        return CodeResult.OK
    row.save(update_fields=["tries"])
    return CodeResult.WRONG


@transaction.atomic
def resident_sign_up(*, name: str, destination: Destination, language: str) -> User:
    """A resident account (no password: sign-in is by one-time code) and its self-made record.

    resident_create flags a likely duplicate (e.g. the same phone on a record staff made), for
    staff to merge; the person is not told, so sign-up reveals nothing about other records.
    """
    email = destination.address if destination.channel == SignInCode.Channel.EMAIL else ""
    phone = destination.address if destination.channel == SignInCode.Channel.SMS else ""
    user = User.objects.create_user(
        username=f"resident-{uuid.uuid4().hex[:16]}",
        password=None,
        role=Role.RESIDENT,
        display_name=name.strip()[:200],
        email=email,
        preferred_language=language,
    )
    data = ResidentData(name=name, preferred_language=language, phone=phone, email=email)
    resident = resident_create(data=data, actor=user, source="portal")
    resident.user = user
    resident.save(update_fields=["user"])
    consent_record(resident=resident, kind="collection", channel="web", actor=user, language=language)
    return user


@transaction.atomic
def resident_language_set(*, resident: Resident, language: str, actor: User | None) -> Resident:
    """The language the person reads Ieum in, kept on the record (and on their account)."""
    if language not in SUPPORTED_LANGUAGE_CODES:
        raise ValidationError({"preferred_language": [gettext_lazy("Choose one of the center's languages.")]})
    if resident.preferred_language != language:
        resident_update(
            resident=resident, data=_data_from(resident, preferred_language=language), actor=actor
        )
    ResidentLanguage.objects.get_or_create(resident=resident, language=language)
    if resident.user_id is not None:
        User.objects.filter(pk=resident.user_id).update(preferred_language=language)
    return resident


@transaction.atomic
def resident_profile_update(
    *, resident: Resident, changes: dict, languages: list[str], actor: User | None
) -> Resident:
    """The person's own changes to names, contact, city/county and languages."""
    resident_update(resident=resident, data=_data_from(resident, **changes), actor=actor)
    wanted = list(dict.fromkeys([resident.preferred_language, *languages]))
    ResidentLanguage.objects.filter(resident=resident).exclude(language__in=wanted).delete()
    for code in wanted:
        level = (
            ResidentLanguage.Level.NATIVE
            if code == resident.preferred_language
            else ResidentLanguage.Level.WORKING
        )
        ResidentLanguage.objects.get_or_create(resident=resident, language=code, defaults={"level": level})
    if resident.user_id is not None:
        User.objects.filter(pk=resident.user_id).update(
            preferred_language=resident.preferred_language, email=resident.email
        )
    return resident


def _data_from(resident: Resident, **changes: object) -> ResidentData:
    """The record as ResidentData with some fields changed (identifiers left as they are)."""
    fields: dict[str, Any] = {
        "name": resident.name,
        "name_native": resident.name_native,
        "name_hangul": resident.name_hangul,
        "birth_date": resident.birth_date,
        "sex": resident.sex,
        "nationality": resident.nationality,
        "preferred_language": resident.preferred_language,
        "phone": resident.phone,
        "email": resident.email,
        "address": resident.address,
        "municipality": resident.municipality,
        "passport_country": resident.passport_country,
        "ethnic_korean": resident.ethnic_korean,
    }
    fields.update(changes)
    return ResidentData(**fields)
