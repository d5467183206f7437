"""What each demo account of `ieum demo-users` is linked to, so that it sees work rather than refusals.

Each function is idempotent: it leaves an existing link as it is (an operator may have changed it
since) and creates only what is missing, through the owning app's own services. Each returns the
"reach" the command prints: what the account is linked to, in English, for operators.

The apps are imported inside the functions: core sits below them, and this is the only place in
core that needs them.
"""

from __future__ import annotations

import datetime as dt

from django.core.management.base import CommandError
from django.db.models import Q

from ieum.core.models import Municipality, User
from ieum.residents.demo.employers import EMPLOYERS
from ieum.residents.models import Resident

VIETNAMESE = "vi"
# The demo counselor's cases: a topic each, in the order the residents are chosen.
DEMO_CASES = (
    ("visa", "데모 상담: 체류기간 연장과 필요한 서류 문의"),
    ("wages", "데모 상담: 지난달 임금 일부가 지급되지 않았다는 문의"),
)
# The partner kinds a demo "clinic" account may belong to, most fitting first.
CLINIC_KINDS = ("clinic", "safe_hospital", "medical_center")
YEONGAM = "46830"


def link_counselor(user: User) -> str:
    """Member of the Vietnamese queue(s), skilled in ko and vi, with open cases of demo residents."""
    from ieum.casework.models import OPEN_STATUSES, Case, Channel, CounselorSkill, Queue
    from ieum.casework.services import case_open

    queues = list(Queue.objects.filter(active=True, language=VIETNAMESE))
    if not queues:
        # No queue is seeded anywhere (the center sets them up in the admin); the general one of
        # the language takes every topic, which is what routing falls back to.
        queue, _created = Queue.objects.get_or_create(
            language=VIETNAMESE, topic=None, defaults={"name": "Vietnamese"}
        )
        queue.active = True
        queue.save(update_fields=["active"])
        queues = [queue]
    for queue in queues:
        if not queue.members.filter(pk=user.pk).exists():
            queue.members.add(user)
    for language in user.work_languages:
        CounselorSkill.objects.get_or_create(user=user, language=language)

    # Cases are opened once: a counselor who has opened any case for a resident keeps theirs.
    if not Case.objects.filter(created_by=user, resident__isnull=False).exists():
        for resident, (topic, summary) in zip(_vietnamese_demo_residents(), DEMO_CASES, strict=False):
            case_open(
                channel=Channel.WALK_IN,
                topic=topic,
                language=VIETNAMESE,
                actor=user,
                resident=resident,
                summary=summary,
                assignee=user,
            )
    open_cases = (
        Case.objects.filter(Q(assignee=user) | Q(created_by=user), resident__isnull=False)
        .filter(status__in=OPEN_STATUSES)
        .order_by("pk")
        .values_list("number", flat=True)
    )
    names = ", ".join(sorted(q.name for q in queues))
    skills = ", ".join(
        CounselorSkill.objects.filter(user=user).order_by("language").values_list("language", flat=True)
    )
    cases = ", ".join(n or "" for n in open_cases) or "none (no Vietnamese demo resident)"
    return f"queue {names}; skills {skills}; open cases {cases}"


def _vietnamese_demo_residents() -> list[Resident]:
    """The demo resident if Vietnamese, then other Vietnamese demo residents without an account."""
    vietnamese = Resident.objects.active().filter(nationality__alpha2="VN").order_by("pk")
    chosen = list(vietnamese.filter(user__username="demo-resident")[:1])
    chosen += list(vietnamese.filter(user__isnull=True)[: len(DEMO_CASES) - len(chosen)])
    return chosen


def link_interpreter(user: User) -> str:
    """An entry in the interpreter registry for Khmer and Nepali, on call on weekdays."""
    from ieum.interpreting.models import Interpreter, InterpreterLanguage, Modality
    from ieum.interpreting.registry import InterpreterData, interpreter_save

    interpreter = Interpreter.objects.filter(user=user).first()
    if interpreter is None:
        professional = InterpreterLanguage.Level.PROFESSIONAL
        interpreter = interpreter_save(
            data=InterpreterData(
                name=user.display_name,
                kind=Interpreter.Kind.CONTRACTED,
                modalities=[Modality.PHONE, Modality.VIDEO],
                on_call=True,
                confidentiality_signed_on=dt.date(2026, 1, 2),
                rate_per_hour=40000,
                user=user,
                languages=[("km", professional), ("ne", professional)],
                windows=[(day, dt.time(9), dt.time(18)) for day in range(5)],
            ),
            actor=None,
        )
    languages = ", ".join(interpreter.languages.order_by("language").values_list("language", flat=True))
    state = "" if interpreter.active else ", inactive"
    return f"interpreter #{interpreter.pk} ({languages}{state})"


def link_partner(user: User) -> str:
    """An active member of a clinic-like partner loaded by `load_partners`, if any is loaded."""
    from ieum.referrals.models import Partner, PartnerMember
    from ieum.referrals.services import partner_member_add

    member = (
        PartnerMember.objects.filter(user=user, active=True, partner__active=True)
        .select_related("partner")
        .order_by("pk")
        .first()
    )
    if member is None:
        candidates = Partner.objects.filter(active=True, kind__in=CLINIC_KINDS).select_related("municipality")
        ranked = sorted(
            candidates,
            key=lambda p: (
                CLINIC_KINDS.index(p.kind),
                p.municipality is None or p.municipality.code != YEONGAM,
                p.code,
            ),
        )
        if not ranked:
            return "no partner: none loaded (run ieum load_partners, then this again)"
        member = partner_member_add(partner=ranked[0], user=user, actor=None)
    partner = member.partner
    return f"member of partner {partner.code} ({partner.name_en or partner.name_ko})"


def link_employer(user: User, *, verifier: User) -> str:
    """Linked to the business EMPLOYERS[0], registered and verified as the jobs app does it."""
    from ieum.jobs.models import Employer, EmployerMember
    from ieum.jobs.services import employer_register, employer_verify

    member = EmployerMember.objects.filter(user=user).select_related("employer").first()
    if member is not None:
        employer = member.employer
    else:
        spec = EMPLOYERS[0]
        found = Employer.objects.filter(brn=spec.brn).first()
        if found is not None:
            # Registered already (by hand, or before a reset of this account): join it.
            EmployerMember.objects.create(user=user, employer=found)
            employer = found
        else:
            municipality = Municipality.objects.filter(code=spec.municipality).first()
            if municipality is None:
                raise CommandError("No reference data: load the region first (ieum load-region jeonnam).")
            employer = employer_register(
                user=user,
                name=spec.name_ko,
                brn=spec.brn,
                ksic_code=spec.ksic,
                municipality=municipality,
                size=Employer.Size.SMALL,
                contact_name="데모 인사담당자",
                contact_phone="010-0000-0000",
                dormitory=True,
                languages=["ko", VIETNAMESE],
            )
    if not employer.verified:
        employer = employer_verify(employer=employer, actor=verifier)
    return f"business {employer.name} ({employer.brn}), verified"
