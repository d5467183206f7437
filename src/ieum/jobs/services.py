"""Writes of the jobs app: employers, vacancies, seeker profiles and consent, placements, rounds.

Each is one transaction; seats (a vacancy's headcount) change only under a row lock.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from ieum.core.models import ClassificationItem, Municipality, Role, User, VisaStatus
from ieum.jobs.engine import lawfulness as law
from ieum.jobs.models import Employer, EmployerMember, MatchingRound, Placement, SeekerProfile, Vacancy
from ieum.jobs.selectors import EMPLOYERS_RECIPIENT_ID, employer_consent
from ieum.lib.identifiers import check_brn
from ieum.lib.phones import normalize_phone
from ieum.privacy.models import Consent
from ieum.privacy.services import consent_record, consent_withdraw, provision_record
from ieum.privacy.vocabulary import Item, Purpose, RecipientKind
from ieum.residents.models import Resident
from ieum.residents.services import timeline_add

# What a verified employer sees of a consenting seeker on a shortlist, and on an offer or hire.
SHORTLIST_ITEMS: list[str] = [
    Item.NAME,
    Item.NATIONALITY,
    Item.LANGUAGES,
    Item.KOREAN_LEVEL,
    Item.WORK_HISTORY,
]
HIRE_ITEMS: list[str] = [*SHORTLIST_ITEMS, Item.CONTACT]
EMPLOYERS_RECIPIENT_NAME = gettext_lazy("Businesses in the region verified by the center")
CONSENT_RETENTION = gettext_lazy("Until you withdraw this consent or your job search ends, at most one year.")


def _classification_exists(scheme: str, code: str) -> bool:
    # The region pack loads the upper levels (section/division, major/sub-major group): a finer code
    # is accepted when its two-digit head is a known item.
    return ClassificationItem.objects.filter(classification__scheme=scheme, code=code[:2]).exists()


def _validate_employer(values: dict[str, Any]) -> dict[str, list]:
    errors: dict[str, list] = {}
    if not values["name"].strip():
        errors["name"] = [_("Enter the business name.")]
    brn = check_brn(values["brn"])
    if not brn.ok:
        errors["brn"] = [_("This is not a valid business registration number.")]
    values["brn"] = brn.normalized
    code = values["ksic_code"].strip()
    if not code.isdigit() or not _classification_exists("ksic", code):
        errors["ksic_code"] = [_("Enter a KSIC industry code (digits) from the classification.")]
    if values["size"] not in Employer.Size.values:
        errors["size"] = [_("Choose the size of the business.")]
    phone = normalize_phone(values["contact_phone"] or "")
    if phone is None:
        errors["contact_phone"] = [_("This is not a valid phone number.")]
    values["contact_phone"] = phone or ""
    if not values["contact_name"].strip():
        errors["contact_name"] = [_("Enter the contact person.")]
    return errors


@transaction.atomic
def employer_register(
    *,
    user: User,
    name: str,
    brn: str,
    ksic_code: str,
    municipality: Municipality,
    size: str,
    contact_name: str,
    contact_phone: str,
    contact_email: str = "",
    dormitory: bool = False,
    housing_note: str = "",
    languages: list[str] | None = None,
) -> Employer:
    """A business registers itself; it may post vacancies once an officer has verified it."""
    if user.role != Role.EMPLOYER or EmployerMember.objects.filter(user=user).exists():
        raise PermissionDenied
    values = {
        "name": name,
        "brn": brn,
        "ksic_code": ksic_code,
        "size": size,
        "contact_name": contact_name,
        "contact_phone": contact_phone,
    }
    errors = _validate_employer(values)
    if not errors and Employer.objects.filter(brn=values["brn"]).exists():
        errors["brn"] = [_("This business is already registered; ask its account holder to add you.")]
    if errors:
        raise ValidationError(errors)
    employer = Employer.objects.create(
        name=name.strip(),
        brn=values["brn"],
        ksic_code=ksic_code.strip(),
        municipality=municipality,
        size=size,
        dormitory=dormitory,
        housing_note=housing_note.strip(),
        contact_name=contact_name.strip(),
        contact_phone=values["contact_phone"],
        contact_email=contact_email.strip(),
        languages=list(languages or ["ko"]),
    )
    EmployerMember.objects.create(user=user, employer=employer)
    return employer


@transaction.atomic
def employer_verify(*, employer: Employer, actor: User) -> Employer:
    if actor.role not in (Role.OFFICER, Role.ADMIN):
        raise PermissionDenied
    employer = Employer.objects.select_for_update().get(pk=employer.pk)
    if employer.verified_at is None:
        employer.verified_at = timezone.now()
        employer.verified_by = actor
        employer.save(update_fields=["verified_at", "verified_by"])
    return employer


@transaction.atomic
def vacancy_create(
    *,
    employer: Employer,
    actor: User,
    title: str,
    ksco_code: str,
    ksic_code: str = "",
    municipality: Municipality | None = None,
    wage_hourly: int,
    hours_per_week: int,
    start_date: dt.date,
    headcount: int,
    shifts: str = "",
    housing: bool = False,
    korean_required: int = 0,
    skills: list[str] | None = None,
    certificates: list[str] | None = None,
    statuses: list[str] | None = None,
) -> Vacancy:
    if not employer.verified:
        raise PermissionDenied(
            _("An officer of the center must verify the business before it posts vacancies.")
        )
    ksic_code = (ksic_code or employer.ksic_code).strip()
    errors: dict[str, list] = {}
    if not title.strip():
        errors["title"] = [_("Enter the job title.")]
    if not ksco_code.isdigit() or not _classification_exists("ksco", ksco_code):
        errors["ksco_code"] = [_("Enter a KSCO occupation code (digits) from the classification.")]
    if not ksic_code.isdigit() or not _classification_exists("ksic", ksic_code):
        errors["ksic_code"] = [_("Enter a KSIC industry code (digits) from the classification.")]
    # The legal minimum wage of the year the job starts, and of today (facts: rules/minimum_wage.toml).
    for day in sorted({timezone.localdate(), start_date}):
        decision = law.wage_decision(int(wage_hourly), day)
        if not decision.allowed:
            errors["wage_hourly"] = [
                _("The wage is below the legal minimum wage of %(minimum)s won an hour.")
                % {"minimum": decision.params.get("minimum", "?")}
                if decision.reason == "below_minimum_wage"
                else _("No legal minimum wage is on file for %(date)s.") % {"date": day.isoformat()}
            ]
            break
    if not 1 <= int(hours_per_week) <= 68:
        errors["hours_per_week"] = [_("Enter between 1 and 68 hours a week.")]
    if not 1 <= int(headcount) <= 500:
        errors["headcount"] = [_("Enter between 1 and 500 openings.")]
    if not 0 <= int(korean_required) <= 6:
        errors["korean_required"] = [_("Enter a TOPIK level from 0 to 6.")]
    statuses = list(dict.fromkeys(statuses or []))
    known = set(VisaStatus.objects.values_list("code", flat=True))
    if any(s not in known for s in statuses):
        errors["statuses"] = [_("Choose statuses of stay from the list.")]
    if errors:
        raise ValidationError(errors)
    return Vacancy.objects.create(
        employer=employer,
        title=title.strip(),
        ksco_code=ksco_code,
        ksic_code=ksic_code,
        municipality=municipality or employer.municipality,
        wage_hourly=int(wage_hourly),
        hours_per_week=int(hours_per_week),
        shifts=shifts.strip(),
        housing=housing,
        korean_required=int(korean_required),
        skills=list(skills or []),
        certificates=list(certificates or []),
        start_date=start_date,
        headcount=int(headcount),
        statuses=statuses,
    )


@transaction.atomic
def seeker_profile_save(
    *,
    resident: Resident,
    actor: User | None,
    experience: list[dict[str, Any]],
    wanted_wage: int,
    skills: list[str] | None = None,
    certificates: list[str] | None = None,
    industries: list[str] | None = None,
    counties: list[str] | None = None,
    available_from: dt.date | None = None,
    needs_housing: bool = False,
) -> SeekerProfile:
    errors: dict[str, list] = {}
    clean_exp = []
    for item in experience:
        code, years = str(item.get("ksco", "")).strip(), item.get("years", 0)
        if not code:
            continue
        if not code.isdigit() or not _classification_exists("ksco", code):
            errors["experience"] = [_("Enter a KSCO occupation code (digits) from the classification.")]
            continue
        try:
            years = max(0.0, min(float(years), 50.0))
        except (TypeError, ValueError):
            errors["experience"] = [_("Enter the years of experience as a number.")]
            continue
        clean_exp.append({"ksco": code, "years": years})
    if not 0 <= int(wanted_wage) <= 1_000_000:
        errors["wanted_wage"] = [_("Enter the wanted hourly wage in won.")]
    industries = list(dict.fromkeys(industries or []))
    if any(not code.isdigit() or not _classification_exists("ksic", code) for code in industries):
        errors["industries"] = [_("Enter a KSIC industry code (digits) from the classification.")]
    counties = list(dict.fromkeys(counties or []))
    if set(counties) - set(Municipality.objects.filter(code__in=counties).values_list("code", flat=True)):
        errors["counties"] = [_("Choose cities and counties from the list.")]
    if errors:
        raise ValidationError(errors)
    profile, created = SeekerProfile.objects.update_or_create(
        resident=resident,
        defaults={
            "experience": clean_exp,
            "wanted_wage": int(wanted_wage),
            "skills": [s.strip() for s in skills or [] if s.strip()],
            "certificates": [c.strip() for c in certificates or [] if c.strip()],
            "industries": industries,
            "counties": counties,
            "available_from": available_from,
            "needs_housing": needs_housing,
            "active": True,
        },
    )
    timeline_add(
        resident=resident,
        service="jobs",
        kind="jobs.profile_created" if created else "jobs.profile_updated",
        actor=actor,
        params={},
    )
    return profile


def seeker_consent_give(
    *,
    resident: Resident,
    actor: User | None,
    channel: str = Consent.Channel.WEB,
    witness: User | None = None,
    language: str | None = None,
) -> Consent:
    """The consent to be shown to verified employers: without it no employer sees the person."""
    existing = employer_consent(resident)
    if existing is not None:
        return existing
    return consent_record(
        resident=resident,
        kind=Consent.Kind.PROVISION,
        channel=channel,
        actor=actor,
        language=language,
        recipient_kind=RecipientKind.EMPLOYER,
        recipient_id=EMPLOYERS_RECIPIENT_ID,
        recipient_name=str(EMPLOYERS_RECIPIENT_NAME),
        purpose=Purpose.JOB_MATCHING,
        items=[str(i) for i in HIRE_ITEMS],
        retention=str(CONSENT_RETENTION),
        witness=witness,
    )


def seeker_consent_withdraw(*, resident: Resident, actor: User | None) -> None:
    consent = employer_consent(resident)
    if consent is not None:
        consent_withdraw(consent=consent, actor=actor)


def disclose(*, seeker: SeekerProfile, vacancy: Vacancy, actor: User | None, items: list[str]) -> None:
    """Record that the employer of `vacancy` sees `items` of the seeker; refused without consent."""
    provision_record(
        resident=seeker.resident,
        recipient_kind=RecipientKind.EMPLOYER,
        recipient_id=EMPLOYERS_RECIPIENT_ID,
        recipient_name=vacancy.employer.name,
        purpose=Purpose.JOB_MATCHING,
        items=[str(i) for i in items],
        actor=actor,
        reference=f"employer:{vacancy.employer_id}:vacancy:{vacancy.pk}",
    )


STAGE_ORDER = [
    Placement.Stage.SHORTLISTED,
    Placement.Stage.OFFERED,
    Placement.Stage.INTERVIEWED,
    Placement.Stage.HIRED,
]


class SeatsFull(ValidationError):
    pass


@transaction.atomic
def placement_advance(
    *, vacancy: Vacancy, seeker: SeekerProfile, stage: str, actor: User | None, score: int = 0
) -> Placement:
    """Move a candidate to `stage` for this vacancy. A hire takes a seat under a lock on the
    vacancy, so two hires can never exceed its headcount."""
    if stage not in (*STAGE_ORDER, Placement.Stage.DECLINED):
        raise ValidationError({"stage": [_("Choose a step from the list.")]})
    vacancy = Vacancy.objects.select_for_update().select_related("employer").get(pk=vacancy.pk)
    items = HIRE_ITEMS if stage in (Placement.Stage.OFFERED, Placement.Stage.HIRED) else SHORTLIST_ITEMS
    disclose(seeker=seeker, vacancy=vacancy, actor=actor, items=items)
    placement, _created = Placement.objects.get_or_create(
        vacancy=vacancy, seeker=seeker, defaults={"score": score}
    )
    now = timezone.now()
    if stage == Placement.Stage.HIRED and placement.stage != Placement.Stage.HIRED:
        hired = Placement.objects.filter(vacancy=vacancy, stage=Placement.Stage.HIRED).count()
        if vacancy.status != Vacancy.Status.OPEN or hired >= vacancy.headcount:
            raise SeatsFull({"stage": [_("All openings of this vacancy are already filled.")]})
        placement.hired_on = timezone.localdate()
        if hired + 1 >= vacancy.headcount:
            vacancy.status = Vacancy.Status.FILLED
            vacancy.save(update_fields=["status"])
        timeline_add(
            resident=seeker.resident,
            service="jobs",
            kind="jobs.hired",
            actor=actor,
            params={"employer": vacancy.employer.name},
        )
    if stage == Placement.Stage.OFFERED and placement.offered_at is None:
        placement.offered_at = now
    if stage == Placement.Stage.INTERVIEWED and placement.interviewed_at is None:
        placement.interviewed_at = now
    placement.stage = stage
    placement.save()
    return placement


@transaction.atomic
def placement_leave(
    *, placement: Placement, left_on: dt.date, workplace_change: bool, actor: User | None
) -> Placement:
    placement = Placement.objects.select_for_update().get(pk=placement.pk)
    if placement.stage != Placement.Stage.HIRED or placement.hired_on is None or left_on < placement.hired_on:
        raise ValidationError(
            {"left_on": [_("Only a hired person can leave, and not before the hiring date.")]}
        )
    placement.stage = Placement.Stage.LEFT
    placement.left_on = left_on
    placement.workplace_change = workplace_change
    placement.save(update_fields=["stage", "left_on", "workplace_change"])
    return placement


NAME_LENGTH = 200  # MatchingRound.name's column


@transaction.atomic
def round_create(*, name: str, actor: User) -> MatchingRound:
    if not name.strip():
        raise ValidationError({"name": [_("Give the round a name.")]})
    # The name's column holds 200 characters; a longer one failed in the database (PostgreSQL).
    if len(name.strip()) > NAME_LENGTH:
        raise ValidationError({"name": [_("The name is too long: give the round a shorter name.")]})
    matching_round = MatchingRound.objects.create(name=name.strip(), created_by=actor)
    from ieum.jobs.tasks import matching_round_task

    transaction.on_commit(lambda: matching_round_task.enqueue(matching_round.pk))
    return matching_round
