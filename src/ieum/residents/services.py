"""Writes to the resident record. Each function is one transaction (style.md)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from ieum.core.models import Municipality, Nationality, User, VisaStatus
from ieum.lib.names import clean_name, name_tokens
from ieum.lib.phones import normalize_phone
from ieum.residents import identity
from ieum.residents.models import (
    Education,
    HouseholdLink,
    IncomeDeclaration,
    KoreanProficiency,
    MessengerHandle,
    NameToken,
    Resident,
    ResidentLanguage,
    TimelineEvent,
    VisaRecord,
)

SUPPORTED_LANGUAGE_CODES = (
    "ko",
    "en",
    "vi",
    "zh-hans",
    "id",
    "km",
    "ne",
    "th",
    "si",
    "fil",
    "uz",
    "ru",
    "my",
)


@dataclass
class ResidentData:
    """Validated input for a new or changed resident; `clean()` raises ValidationError."""

    name: str
    name_native: str = ""
    name_hangul: str = ""
    birth_date: dt.date | None = None
    sex: str = ""
    nationality: Nationality | None = None
    preferred_language: str = "ko"
    phone: str = ""
    email: str = ""
    address: str = ""
    municipality: Municipality | None = None
    arn: str = ""
    passport: str = ""
    passport_country: str = ""
    ethnic_korean: bool = False
    languages: list[tuple[str, str]] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)

    def clean(self) -> dict[str, Any]:
        errors: dict[str, list] = {}
        values: dict[str, Any] = {
            "name": clean_name(self.name),
            "name_native": clean_name(self.name_native),
            "name_hangul": clean_name(self.name_hangul),
            "birth_date": self.birth_date,
            "sex": self.sex,
            "nationality": self.nationality,
            "preferred_language": self.preferred_language or "ko",
            "email": (self.email or "").strip(),
            "address": (self.address or "").strip(),
            "municipality": self.municipality,
            "passport_country": (self.passport_country or "").upper()[:2],
            "ethnic_korean": self.ethnic_korean,
        }
        if not values["name"]:
            errors["name"] = [_("The name as written in the passport is required.")]
        if self.birth_date and self.birth_date > timezone.localdate():
            errors["birth_date"] = [_("The date of birth cannot be in the future.")]
        if self.sex not in ("", "M", "F", "X"):
            errors["sex"] = [_("Choose male, female or other.")]
        if values["preferred_language"] not in SUPPORTED_LANGUAGE_CODES:
            errors["preferred_language"] = [_("Choose one of the center's languages.")]
        values["phone"] = ""
        if self.phone and self.phone.strip():
            phone = normalize_phone(self.phone)
            if phone is None:
                errors["phone"] = [_("This is not a valid phone number.")]
            else:
                values["phone"] = phone
        if self.arn and self.arn.strip():
            try:
                check = identity.validated_arn(self.arn)
                values.update(identity.arn_fields(check.normalized))
                self.warnings.extend(str(identity.MESSAGES[w]) for w in check.warnings)
            except ValidationError as exc:
                errors["arn"] = exc.messages
        if self.passport and self.passport.strip():
            try:
                check = identity.validated_passport(self.passport)
                values.update(identity.passport_fields(check.normalized))
            except ValidationError as exc:
                errors["passport"] = exc.messages
        if errors:
            raise ValidationError(errors)
        return values


def _refresh_name_tokens(resident: Resident) -> None:
    NameToken.objects.filter(resident=resident).delete()
    NameToken.objects.bulk_create(
        [NameToken(resident=resident, token=t) for t in sorted(name_tokens(resident.display_names))]
    )


def timeline_add(
    *,
    resident: Resident,
    service: str,
    kind: str,
    params: dict | None = None,
    actor: User | None = None,
    at: dt.datetime | None = None,
    field_class: str = "",
) -> TimelineEvent:
    return TimelineEvent.objects.create(
        resident=resident,
        service=service,
        kind=kind,
        params=params or {},
        actor=actor if actor is not None and actor.is_authenticated else None,
        at=at or timezone.now(),
        field_class=field_class,
    )


@transaction.atomic
def resident_create(*, data: ResidentData, actor: User | None, source: str = "intake") -> Resident:
    from ieum.residents.duplicates import duplicates_flag

    values = data.clean()
    registered_by = actor if source == "intake" and actor is not None and actor.is_authenticated else None
    resident = Resident.objects.create(**values, registered_by=registered_by)
    _refresh_name_tokens(resident)
    languages = data.languages or [(resident.preferred_language, ResidentLanguage.Level.NATIVE)]
    ResidentLanguage.objects.bulk_create(
        [
            ResidentLanguage(resident=resident, language=code, level=level)
            for code, level in dict(languages).items()
        ]
    )
    timeline_add(resident=resident, service="residents", kind="resident.created", actor=actor)
    duplicates_flag(resident=resident, actor=actor)
    return resident


@transaction.atomic
def resident_update(*, resident: Resident, data: ResidentData, actor: User | None) -> Resident:
    from ieum.residents.duplicates import duplicates_flag

    values = data.clean()
    # Fernet ciphertexts differ on every encryption: compare identifiers by their blind index.
    for kind in ("arn", "passport"):
        if values.get(f"{kind}_index") == getattr(resident, f"{kind}_index"):
            for suffix in ("_ciphertext", "_index", "_hint"):
                values.pop(kind + suffix, None)
    changed = [name for name, value in values.items() if getattr(resident, name) != value]
    for name in changed:
        setattr(resident, name, values[name])
    resident.save()
    if {"name", "name_native", "name_hangul"} & set(changed):
        _refresh_name_tokens(resident)
    if changed:
        # Field names only: the values may be personal data and the timeline is widely read.
        visible = sorted(
            {c.replace("_ciphertext", "").replace("_index", "").replace("_hint", "") for c in changed}
        )
        timeline_add(
            resident=resident,
            service="residents",
            kind="resident.updated",
            params={"fields": ", ".join(visible)},
            actor=actor,
        )
        duplicates_flag(resident=resident, actor=actor)
    return resident


@transaction.atomic
def visa_record_add(
    *,
    resident: Resident,
    status: VisaStatus,
    valid_from: dt.date,
    valid_to: dt.date | None = None,
    sponsor: str = "",
    municipality: Municipality | None = None,
    actor: User | None,
) -> VisaRecord:
    if valid_to and valid_to < valid_from:
        raise ValidationError({"valid_to": [_("The end date cannot be before the start date.")]})
    # The previous open-ended status ends the day before the new one starts.
    VisaRecord.objects.filter(resident=resident, valid_to__isnull=True, valid_from__lt=valid_from).update(
        valid_to=valid_from - dt.timedelta(days=1)
    )
    record = VisaRecord.objects.create(
        resident=resident,
        status=status,
        valid_from=valid_from,
        valid_to=valid_to,
        sponsor=sponsor,
        municipality=municipality,
    )
    timeline_add(
        resident=resident,
        service="residents",
        kind="visa.recorded",
        actor=actor,
        field_class="immigration",
        params={"status": status.code, "valid_from": valid_from.isoformat()},
    )
    return record


@transaction.atomic
def household_link(
    *,
    resident: Resident,
    relation: str,
    relative: Resident | None = None,
    relative_name: str = "",
    relative_birth_date: dt.date | None = None,
    relative_is_korean: bool = False,
    actor: User | None,
) -> HouseholdLink:
    if relative is None and not relative_name.strip():
        raise ValidationError({"relative_name": [_("Name the relative or choose their record.")]})
    if relative is not None and relative.pk == resident.pk:
        raise ValidationError({"relative": [_("A person cannot be their own relative.")]})
    link = HouseholdLink.objects.create(
        resident=resident,
        relation=relation,
        relative=relative,
        relative_name=clean_name(relative_name),
        relative_birth_date=relative_birth_date,
        relative_is_korean=relative_is_korean,
    )
    timeline_add(
        resident=resident,
        service="residents",
        kind="household.linked",
        actor=actor,
        params={"relation": relation},
    )
    return link


@transaction.atomic
def korean_level_record(
    *,
    resident: Resident,
    kind: str,
    level: int,
    achieved_on: dt.date | None,
    certified: bool,
    actor: User | None,
) -> KoreanProficiency:
    limits = {"topik": 6, "kiip": 5, "eps_topik": 200, "course": 6}
    if kind not in limits or not (0 <= level <= limits[kind]):
        raise ValidationError({"level": [_("This level is out of range for the chosen test.")]})
    record = KoreanProficiency.objects.create(
        resident=resident,
        kind=kind,
        level=level,
        achieved_on=achieved_on,
        certified=certified,
    )
    timeline_add(
        resident=resident,
        service="residents",
        kind="korean.recorded",
        actor=actor,
        params={"kind": kind.upper(), "level": level},
    )
    return record


@transaction.atomic
def education_add(
    *,
    resident: Resident,
    level: str,
    institution: str = "",
    korean_institution: bool = False,
    completed_on: dt.date | None = None,
    expected: bool = False,
    actor: User | None,
) -> Education:
    if level not in Education.Level.values:
        raise ValidationError({"level": [_("Choose the highest level of education.")]})
    if completed_on and completed_on > timezone.localdate() and not expected:
        raise ValidationError({"completed_on": [_("A completed degree cannot have a date in the future.")]})
    record = Education.objects.create(
        resident=resident,
        level=level,
        institution=clean_name(institution),
        korean_institution=korean_institution,
        completed_on=completed_on,
        expected=expected,
    )
    timeline_add(
        resident=resident,
        service="residents",
        kind="education.recorded",
        actor=actor,
        params={"level": record.get_level_display()},
    )
    return record


@transaction.atomic
def income_declare(
    *,
    resident: Resident,
    year: int,
    amount_krw: int,
    source: str = "",
    verified: bool = False,
    actor: User | None,
) -> IncomeDeclaration:
    if amount_krw < 0:
        raise ValidationError({"amount_krw": [_("An income cannot be negative.")]})
    if amount_krw > 10_000_000_000:
        raise ValidationError({"amount_krw": [_("This amount is too large to be a yearly income.")]})
    if not 1990 <= year <= timezone.localdate().year:
        raise ValidationError({"year": [_("Choose a year that has already begun.")]})
    # One declaration per year: a new one for the same year replaces the old (keeping its history
    # on the timeline).
    record, _created = IncomeDeclaration.objects.update_or_create(
        resident=resident,
        year=year,
        defaults={"amount_krw": amount_krw, "source": source, "verified": verified},
    )
    timeline_add(
        resident=resident,
        service="residents",
        kind="income.declared",
        actor=actor,
        params={"year": year},
    )
    return record


@transaction.atomic
def messenger_add(*, resident: Resident, kind: str, handle: str, actor: User | None) -> MessengerHandle:
    if kind not in MessengerHandle.Kind.values:
        raise ValidationError({"kind": [_("Choose a messenger.")]})
    handle = clean_name(handle)
    if not handle or len(handle) > 200:
        raise ValidationError({"handle": [_("Enter the messenger ID or number.")]})
    record, _created = MessengerHandle.objects.get_or_create(resident=resident, kind=kind, handle=handle)
    return record
