"""Obligations of a granted regional status (facts.md §1.2–1.4, §7.3): where the holder must
live, how long the employer is fixed, and the yearly income check at extension. The residents
app does not call us on every change, so `obligations_check_resident` compares the record with
the obligation, and `ieum visas_obligations_check` runs it for every holder (periodic)."""

from __future__ import annotations

import datetime as dt
import logging

from django.db import IntegrityError, transaction
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from ieum.residents.models import Resident
from ieum.residents.selectors import current_visa
from ieum.residents.services import timeline_add
from ieum.visas import selectors
from ieum.visas.models import Application, Obligation, ObligationAlert

logger = logging.getLogger(__name__)


def _add_years(day: dt.date, years: float) -> dt.date:
    whole = int(years)
    try:
        shifted = day.replace(year=day.year + whole)
    except ValueError:  # 29 February
        shifted = day.replace(year=day.year + whole, day=28)
    return shifted + dt.timedelta(days=round((years - whole) * 365.25))


@transaction.atomic
def obligation_start(*, application: Application) -> Obligation | None:
    if application.decided_on is None:
        return None
    params = selectors.params_in_force()
    day = application.decided_on
    program = application.program
    years = params.get(f"{program}.obligation_years", day, default=None)
    if years is None:
        return None
    first = params.get(f"{program}.first_area_years", day, default=years)
    lock = params.get(f"{program}.employer_lock_years", day, default=None)
    obligation, _created = Obligation.objects.get_or_create(
        application=application,
        defaults={
            "resident": application.resident,
            "program": program,
            "starts_on": day,
            "ends_on": _add_years(day, float(years)),
            "first_area_until": _add_years(day, float(first)),
            "municipality": application.municipality,
            "employer_brn": application.employer_brn,
            "employer_locked_until": _add_years(day, float(lock)) if lock else None,
            # Each extension checks the income level again (facts.md §1.2).
            "next_income_check": _add_years(day, 1) if program == "f2r" else None,
        },
    )
    return obligation


def _province_decline_codes(obligation: Obligation, day: dt.date) -> set[str]:
    province = obligation.municipality.province_on(day)
    members = set()
    if province is not None:
        members = set(province.memberships.valid_on(day).values_list("municipality__code", flat=True))
    from ieum.visas.engine.decide import decline_on

    return members & set(decline_on(selectors.decline_periods(), day))


def _breaches(obligation: Obligation, resident: Resident, today: dt.date) -> list[str]:
    found: list[str] = []
    home = resident.municipality.code if resident.municipality is not None else ""
    if today <= obligation.first_area_until:
        if resident.municipality_id != obligation.municipality_id:
            found.append(ObligationAlert.Kind.MOVED)
    elif home not in _province_decline_codes(obligation, today):
        # After the first period: any decline area of the same province (facts.md §1.2).
        found.append(ObligationAlert.Kind.MOVED)
    if (
        obligation.employer_locked_until
        and today <= obligation.employer_locked_until
        and obligation.employer_brn
    ):
        visa = current_visa(resident)
        if visa is not None and visa.sponsor_brn and visa.sponsor_brn != obligation.employer_brn:
            found.append(ObligationAlert.Kind.EMPLOYER)
    if obligation.next_income_check and today >= obligation.next_income_check:
        found.append(ObligationAlert.Kind.INCOME)
    return found


def _message(kind: str, program: str) -> str:
    if kind == ObligationAlert.Kind.MOVED:
        return _(
            "Ieum: your %(program)s status requires you to live in the area that recommended you. "
            "Your new address may break this condition and the status can be cancelled. "
            "Please call the center."
        ) % {"program": program}
    if kind == ObligationAlert.Kind.EMPLOYER:
        return _(
            "Ieum: your %(program)s status does not allow a change of employer yet. "
            "The status can be cancelled. Please call the center."
        ) % {"program": program}
    return _(
        "Ieum: to extend your %(program)s status you must show this year's income again. "
        "Please call the center."
    ) % {"program": program}


def _tell(resident: Resident, kind: str, program: str) -> None:
    if not resident.phone:
        return
    from ieum.notify.sms import send_sms

    with translation.override(resident.preferred_language or "ko"):
        text = _message(kind, program)
    try:
        send_sms(resident.phone, text)
    except Exception:  # a provider failure must not undo the alert; the officer still sees it
        logger.warning("obligation notice not sent (alert kept)", exc_info=True)


def _open_case(alert: ObligationAlert, resident: Resident, program: str) -> None:
    """A case in the contact center for the follow-up call (casework.services.case_open); the
    alert stays the program officer's task either way."""
    try:
        from ieum.casework.services import case_open
    except ImportError:
        return
    with translation.override("ko"):
        summary = _("%(program)s obligation: %(alert)s") % {
            "program": program,
            "alert": alert.get_kind_display(),
        }
    try:
        with transaction.atomic():
            case = case_open(
                channel="outreach",
                topic="visa",
                language=resident.preferred_language or "ko",
                actor=None,
                resident=resident,
                summary=summary,
                auto_route=False,
            )
    except Exception:  # the case desk's own rules (topics, queues) must not lose the alert
        logger.warning("obligation case not opened (alert kept)", exc_info=True)
        return
    alert.case_number = case.number or ""
    alert.save(update_fields=["case_number"])


def obligations_check_resident(resident: Resident, *, today: dt.date | None = None) -> list[ObligationAlert]:
    """Opens an alert (for the program officer) and tells the resident, for every condition the
    record now breaks; an alert already open is not opened or sent again."""
    today = today or timezone.localdate()
    resident = Resident.objects.select_related("municipality").get(pk=resident.pk)
    opened = []
    for obligation in Obligation.objects.filter(resident=resident, ends_on__gte=today).select_related(
        "municipality", "application"
    ):
        for kind in _breaches(obligation, resident, today):
            try:
                with transaction.atomic():
                    alert = ObligationAlert.objects.create(obligation=obligation, kind=kind)
            except IntegrityError:
                continue  # already open
            program = obligation.get_program_display()
            timeline_add(
                resident=resident,
                service="visas",
                kind=f"visa.obligation_{kind}",
                field_class="immigration",
                params={"program": program},
            )
            _open_case(alert, resident, program)
            _tell(resident, kind, program)
            opened.append(alert)
    return opened


def obligations_check_all(*, today: dt.date | None = None) -> int:
    today = today or timezone.localdate()
    count = 0
    ids = Obligation.objects.filter(ends_on__gte=today).values_list("resident_id", flat=True).distinct()
    for resident in Resident.objects.filter(pk__in=list(ids)):
        count += len(obligations_check_resident(resident, today=today))
    return count
