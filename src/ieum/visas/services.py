"""Writes of the visa programs. Each function is one transaction; quotas, caps and letter numbers
move only under row locks (select_for_update) and database constraints."""

from __future__ import annotations

import datetime as dt
import math
from typing import Any

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from ieum.core.models import Municipality, User, VisaStatus
from ieum.residents.models import Document, Resident
from ieum.residents.services import timeline_add, visa_record_add
from ieum.visas import selectors
from ieum.visas.engine import PROGRAMS, screen
from ieum.visas.models import (
    Application,
    ApplicationDocument,
    LetterCounter,
    Obligation,
    ParameterChange,
    Quota,
    QuotaNationality,
    Track,
)

OPEN = (
    Application.Status.SUBMITTED,
    Application.Status.COUNTY_APPROVED,
    Application.Status.APPROVED,
    Application.Status.FILED,
)


def _timeline(application: Application, kind: str, actor: User | None, **params: Any) -> None:
    timeline_add(
        resident=application.resident,
        service="visas",
        kind=kind,
        actor=actor,
        field_class="immigration",
        params={
            "program": PROGRAMS[application.program].status if application.program in PROGRAMS else "",
            **params,
        },
    )


# --- parameters ---------------------------------------------------------------------------------


def _same_kind(reference: Any, value: Any) -> bool:
    if isinstance(reference, bool) or isinstance(value, bool):
        return isinstance(reference, bool) and isinstance(value, bool)
    if isinstance(reference, (int, float)):
        return isinstance(value, (int, float))
    return type(reference) is type(value)


@transaction.atomic
def parameter_change(
    *,
    name: str,
    value: Any,
    valid_from: dt.date,
    source: str,
    actor: User,
    valid_to: dt.date | None = None,
) -> ParameterChange:
    """Adds a dated value; the values before `valid_from` stay as they were."""
    params = selectors.params_in_force()
    history = params.history(name)
    if not history:
        raise ValidationError({"name": [_("There is no such parameter.")]})
    if not source.strip():
        raise ValidationError({"source": [_("Name the source of the new value.")]})
    if valid_to and valid_to < valid_from:
        raise ValidationError({"valid_to": [_("The end date cannot be before the start date.")]})
    old = params.get(name, valid_from)
    reference = history[-1].value
    if isinstance(reference, dt.date):
        try:
            value = dt.date.fromisoformat(str(value)).isoformat()
        except ValueError:
            raise ValidationError({"value": [_("Enter a date as YYYY-MM-DD.")]}) from None
        old = old.isoformat() if isinstance(old, dt.date) else old
    elif not _same_kind(reference, value):
        raise ValidationError({"value": [_("The new value must be of the same kind as the old one.")]})
    if isinstance(value, (int, float)) and not isinstance(value, bool) and value < 0:
        raise ValidationError({"value": [_("The value cannot be negative.")]})
    return ParameterChange.objects.create(
        name=name,
        value=value,
        old_value=old,
        valid_from=valid_from,
        valid_to=valid_to,
        source=source.strip(),
        changed_by=actor,
    )


# --- quotas -------------------------------------------------------------------------------------


@transaction.atomic
def quota_set(
    *,
    program: str,
    year: int,
    municipality: Municipality,
    amount: int,
    actor: User,
    industry: str = "",
    track: Track | None = None,
    source: str = "",
) -> Quota:
    if amount < 0:
        raise ValidationError({"amount": [_("The value cannot be negative.")]})
    quota = (
        Quota.objects.select_for_update()
        .filter(program=program, year=year, municipality=municipality, industry=industry, track=track)
        .first()
    )
    if quota is None:
        return Quota.objects.create(
            program=program,
            year=year,
            municipality=municipality,
            industry=industry,
            track=track,
            amount=amount,
            source=source,
        )
    if amount < quota.used:
        raise ValidationError(
            {"amount": [_("A quota cannot be set below the recommendations already made.")]}
        )
    quota.amount = amount
    quota.source = source or quota.source
    quota.save(update_fields=["amount", "source"])
    return quota


def nationality_cap(amount: int, share: float) -> int:
    """One nationality's share of a locality's quota (facts.md §1.2), at least one person."""
    return max(1, math.floor(amount * share + 1e-9))


# --- applications -------------------------------------------------------------------------------


def checklist(program: str, day: dt.date) -> list[str]:
    return list(selectors.params_in_force().get(f"{program}.documents", day, default=[]) or [])


@transaction.atomic
def application_create(
    *,
    resident: Resident,
    program: str,
    actor: User | None,
    employer_name: str = "",
    employer_brn: str = "",
    industry: str = "",
    documents: dict[str, Document] | None = None,
    principal: Application | None = None,
    relation: str = "",
    track: Track | None = None,
    today: dt.date | None = None,
) -> Application:
    today = today or timezone.localdate()
    errors: dict[str, list] = {}
    if program not in PROGRAMS and not (program == "track" and track is not None):
        errors["program"] = [_("Choose a program.")]
    if resident.municipality_id is None:
        errors["municipality"] = [_("The resident's city or county must be on record before applying.")]
    documents = documents or {}
    for kind, document in documents.items():
        if document.resident_id != resident.pk:
            errors["documents"] = [_("A document must belong to the applicant.")]
        if kind not in Document.Kind.values:
            errors["documents"] = [_("Choose the kind of document.")]
    if (
        Application.objects.select_for_update()
        .filter(resident=resident, program=program, status__in=OPEN)
        .exists()
    ):
        # Duplicate applications are banned (facts.md §1.1, 2024 round).
        errors["program"] = [_("This person already has an open application for this program.")]
    if principal is not None and relation not in ("spouse", "child"):
        errors["relation"] = [_("Choose spouse or child.")]
    if errors:
        raise ValidationError(errors)
    screening: dict[str, Any] = {}
    if program in PROGRAMS:
        result = screen(
            program,
            selectors.population_for([resident.pk], as_of=today),
            as_of=today,
            params=selectors.params_in_force(),
            decline_periods=selectors.decline_periods(),
        )
        screening = {
            "as_of": today.isoformat(),
            "outcome": str(result.outcome[0]),
            "change": result.change(0),
            "criteria": [{"code": c["code"], "state": c["state"]} for c in result.explain(0)],
        }
    application = Application.objects.create(
        resident=resident,
        program=program,
        track=track,
        year=today.year,
        municipality=resident.municipality,  # type: ignore[misc]  # checked above
        nationality_id=resident.nationality_id,
        industry=industry.strip()[:10],
        employer_name=employer_name.strip()[:200],
        employer_brn="".join(ch for ch in employer_brn if ch.isdigit())[:10],
        principal=principal,
        relation=relation if principal is not None else "",
        screening=screening,
        created_by=actor if actor is not None and actor.is_authenticated else None,
    )
    ApplicationDocument.objects.bulk_create(
        [ApplicationDocument(application=application, kind=k, document=d) for k, d in documents.items()]
    )
    _timeline(application, "visa.applied", actor)
    return application


def missing_documents(application: Application) -> list[str]:
    have = set(application.documents.values_list("kind", flat=True))
    return [k for k in checklist(application.program, application.created_at.date()) if k not in have]


@transaction.atomic
def application_county_review(
    *, application: Application, actor: User, recommend: bool, note: str = ""
) -> Application:
    application = Application.objects.select_for_update().get(pk=application.pk)
    if application.status != Application.Status.SUBMITTED:
        raise ValidationError({"status": [_("This application is not waiting for this step.")]})
    if recommend and missing_documents(application):
        raise ValidationError({"documents": [_("Documents of the checklist are missing.")]})
    application.status = Application.Status.COUNTY_APPROVED if recommend else Application.Status.REFUSED
    application.county_by = actor
    application.county_at = timezone.now()
    application.note = note.strip()
    application.save()
    _timeline(application, "visa.county_recommended" if recommend else "visa.refused", actor)
    return application


class QuotaExhausted(ValidationError):
    pass


def _take_quota(application: Application, day: dt.date) -> Quota | None:
    """Locks the quota row, counts inside the lock, and takes one place and one nationality place."""
    if application.program not in PROGRAMS and application.track_id is None:
        return None
    if application.program in PROGRAMS and not PROGRAMS[application.program].quota:
        return None
    quota = (
        Quota.objects.select_for_update()
        .filter(
            program=application.program,
            year=application.year,
            municipality_id=application.municipality_id,
            industry=application.industry if application.track_id else "",
            track=application.track,
        )
        .first()
    )
    if quota is None:
        raise QuotaExhausted({"quota": [_("There is no quota for this program, year and city or county.")]})
    if quota.used >= quota.amount:
        raise QuotaExhausted({"quota": [_("The quota of this city or county is used up.")]})
    if application.nationality_id is not None:
        share = selectors.params_in_force().get(f"{application.program}.nationality_cap", day, default=None)
        if share is not None:
            row, _created = QuotaNationality.objects.select_for_update().get_or_create(
                quota=quota,
                nationality_id=application.nationality_id,
                defaults={"cap": nationality_cap(quota.amount, float(share))},
            )
            row.cap = max(row.used, nationality_cap(quota.amount, float(share)))
            if row.used >= row.cap:
                raise QuotaExhausted(
                    {
                        "quota": [
                            _(
                                "This nationality has reached its share of the city or county's "
                                "recommendations."
                            )
                        ]
                    }
                )
            row.used += 1
            row.save(update_fields=["used", "cap"])
    quota.used += 1
    quota.save(update_fields=["used"])
    return quota


def _track(application: Application) -> Track:
    if application.track is None:
        raise ValidationError({"program": [_("Choose a program.")]})
    return application.track


def _letter_number(application: Application) -> str:
    counter, _created = LetterCounter.objects.get_or_create(year=application.year)
    counter = LetterCounter.objects.select_for_update().get(pk=counter.pk)
    counter.last += 1
    counter.save(update_fields=["last"])
    code = (
        PROGRAMS[application.program].status
        if application.program in PROGRAMS
        else _track(application).code.upper()
    )
    return f"전남-{application.year}-{code}-{counter.last:04d}"


@transaction.atomic
def application_approve(
    *, application: Application, actor: User, today: dt.date | None = None
) -> Application:
    """The province's recommendation: a place in the quota and under the nationality cap, and a
    numbered letter. Under concurrent approvals the quota row lock serialises them."""
    today = today or timezone.localdate()
    application = Application.objects.select_for_update().get(pk=application.pk)
    if application.status != Application.Status.COUNTY_APPROVED:
        raise ValidationError({"status": [_("This application is not waiting for this step.")]})
    try:
        application.quota = _take_quota(application, today)
    except IntegrityError as exc:  # the constraints hold even where a lock was forgotten
        raise QuotaExhausted({"quota": [_("The quota of this city or county is used up.")]}) from exc
    application.letter_number = _letter_number(application)
    application.letter_issued_at = timezone.now()
    application.status = Application.Status.APPROVED
    application.province_by = actor
    application.province_at = timezone.now()
    application.save()
    _timeline(application, "visa.letter_issued", actor, number=application.letter_number)
    return application


@transaction.atomic
def application_refuse(*, application: Application, actor: User, note: str = "") -> Application:
    application = Application.objects.select_for_update().get(pk=application.pk)
    if application.status != Application.Status.COUNTY_APPROVED:
        raise ValidationError({"status": [_("This application is not waiting for this step.")]})
    application.status = Application.Status.REFUSED
    application.province_by = actor
    application.province_at = timezone.now()
    application.note = note.strip()
    application.save()
    _timeline(application, "visa.refused", actor)
    return application


@transaction.atomic
def application_file(*, application: Application, actor: User, office: str, filed_on: dt.date) -> Application:
    application = Application.objects.select_for_update().get(pk=application.pk)
    if application.status != Application.Status.APPROVED:
        raise ValidationError({"status": [_("This application is not waiting for this step.")]})
    if not office.strip():
        raise ValidationError({"office": [_("Name the immigration office.")]})
    application.status = Application.Status.FILED
    application.immigration_office = office.strip()[:100]
    application.filed_on = filed_on
    application.save()
    _timeline(application, "visa.filed", actor, office=application.immigration_office)
    return application


@transaction.atomic
def application_decide(
    *, application: Application, actor: User, granted: bool, decided_on: dt.date
) -> Application:
    """The immigration office's decision. A grant adds the new status to the resident's visa record
    (grants read it there) and starts the obligations of the program."""
    application = Application.objects.select_for_update().select_related("resident").get(pk=application.pk)
    if application.status != Application.Status.FILED:
        raise ValidationError({"status": [_("This application is not waiting for this step.")]})
    application.status = Application.Status.GRANTED if granted else Application.Status.DENIED
    application.decided_on = decided_on
    application.save()
    _timeline(application, "visa.granted" if granted else "visa.denied", actor)
    if granted:
        code = (
            PROGRAMS[application.program].status
            if application.program in PROGRAMS
            else _track(application).base_status
        )
        status = VisaStatus.objects.filter(code=code).first()
        if status is not None:
            visa_record_add(
                resident=application.resident,
                status=status,
                valid_from=decided_on,
                sponsor=application.employer_name,
                municipality=application.municipality,
                actor=actor,
            )
        from ieum.visas.obligations import obligation_start

        obligation_start(application=application)
    return application


def family_of(application: Application) -> list[Application]:
    return list(application.family.select_related("resident"))


def obligation_for(application: Application) -> Obligation | None:
    return Obligation.objects.filter(application=application).first()
