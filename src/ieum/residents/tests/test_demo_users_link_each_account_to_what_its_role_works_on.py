"""`ieum demo-users` links the counselor to the Vietnamese queue and cases of demo residents (whose
records it then opens), the interpreter to the registry (Khmer, Nepali), the partner to a loaded
clinic and the employer to a verified business; a second run changes nothing."""

from __future__ import annotations

from io import StringIO

import pytest
from django.core.management import call_command

from ieum.casework.models import OPEN_STATUSES, Case, CounselorSkill, Queue
from ieum.core.models import User
from ieum.interpreting.models import Interpreter, InterpreterLanguage
from ieum.jobs.models import Employer, EmployerMember
from ieum.referrals.directory import partners_load
from ieum.referrals.models import PartnerMember
from ieum.residents.access import get_resident_for_user
from ieum.residents.demo.employers import EMPLOYERS
from ieum.residents.demo.generator import generate
from ieum.residents.demo.loader import load_people
from ieum.residents.models import Resident


@pytest.fixture(autouse=True)
def _debug_on(settings):
    settings.DEBUG = True  # the test runner turns DEBUG off; demo accounts need it on
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]  # fast, tests only


@pytest.fixture
def demo_world(region):
    """What `make run` loads before demo-users: demo residents (some Vietnamese) and partners."""
    load_people(generate(40, seed=1))
    partners_load()
    assert Resident.objects.filter(nationality__alpha2="VN").count() >= 2
    return region


def _run() -> str:
    out = StringIO()
    call_command("demo_users", stdout=out)
    return out.getvalue()


def _reach_of(output: str, username: str) -> str:
    """The printed table's row of `username` (the reach is its last column)."""
    return next(line for line in output.splitlines() if line.startswith(username + " "))


def _snapshot() -> dict[str, list]:
    return {
        "cases": list(Case.objects.order_by("pk").values()),
        "queues": list(Queue.objects.order_by("pk").values("pk", "name", "language", "active")),
        "members": list(Queue.members.through.objects.order_by("pk").values()),
        "skills": list(CounselorSkill.objects.order_by("pk").values()),
        "interpreters": list(Interpreter.objects.order_by("pk").values()),
        "languages": list(InterpreterLanguage.objects.order_by("pk").values()),
        "partner_members": list(PartnerMember.objects.order_by("pk").values()),
        "employers": list(Employer.objects.order_by("pk").values()),
        "employer_members": list(EmployerMember.objects.order_by("pk").values()),
    }


@pytest.mark.django_db
def test_the_counselor_works_the_vietnamese_queue_and_opens_its_cases_residents(demo_world):
    output = _run()
    counselor = User.objects.get(username="demo-counselor")
    queue = Queue.objects.get(language="vi", topic__isnull=True)
    assert queue.members.filter(pk=counselor.pk).exists()
    assert set(CounselorSkill.objects.filter(user=counselor).values_list("language", flat=True)) == {
        "ko",
        "vi",
    }
    cases = list(Case.objects.filter(created_by=counselor, status__in=OPEN_STATUSES))
    assert 1 <= len(cases) <= 2
    demo_resident = Resident.objects.get(user__username="demo-resident")
    for case in cases:
        assert case.resident.nationality.alpha2 == "VN"
        assert case.assignee == counselor
        assert get_resident_for_user(counselor, case.resident_id).pk == case.resident_id
        assert case.number in _reach_of(output, "demo-counselor")
    if demo_resident.nationality.alpha2 == "VN":
        assert demo_resident.pk in {case.resident_id for case in cases}


@pytest.mark.django_db
def test_the_interpreter_partner_and_employer_are_linked(demo_world):
    output = _run()
    interpreter = Interpreter.objects.get(user__username="demo-interpreter")
    assert interpreter.active
    assert set(interpreter.languages.values_list("language", flat=True)) == {"km", "ne"}
    assert "km, ne" in _reach_of(output, "demo-interpreter")

    member = PartnerMember.objects.get(user__username="demo-partner")
    assert member.active and member.partner.kind in ("clinic", "safe_hospital", "medical_center")
    assert member.partner.code in _reach_of(output, "demo-partner")

    employer = EmployerMember.objects.get(user__username="demo-employer").employer
    assert employer.brn == EMPLOYERS[0].brn and employer.name == EMPLOYERS[0].name_ko
    assert employer.verified and employer.verified_by.username == "demo-officer"
    assert employer.name in _reach_of(output, "demo-employer")


@pytest.mark.django_db
def test_running_it_twice_links_nothing_new(demo_world):
    first = _run()
    before = _snapshot()
    assert _run() == first
    assert _snapshot() == before


@pytest.mark.django_db
def test_without_partners_it_says_so_instead_of_failing(region):
    output = _run()
    assert not PartnerMember.objects.exists()
    assert "no partner" in _reach_of(output, "demo-partner")
