"""`ieum demo-users`: one demo account per role, for trying Ieum out. Idempotent.

Run after `ieum load-region` (the county officer needs Yeongam) and ideally `ieum demo-data` (the
resident account is linked to a demo resident; one is generated if none exists) and
`ieum load_partners`. Each account is linked to what its role works on (ieum.core.demo_links): the
counselor to the Vietnamese queue and cases of Vietnamese demo residents, the interpreter to the
registry, the partner to a clinic, the employer to a verified business. Refuses to run with
IEUM_DEBUG=false: these are accounts with a published password.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from django.conf import settings
from django.contrib.auth.password_validation import validate_password
from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.db import transaction

from ieum.core import demo_links
from ieum.core.models import Municipality, Role, User
from ieum.residents.demo.employers import EMPLOYERS
from ieum.residents.models import Resident

# Published on purpose: demo accounts only, and the command refuses to run outside DEBUG.
DEMO_PASSWORD = "jeonnam-demo-2026"  # noqa: S105  # nosec B105
YEONGAM = "46830"


@dataclass(frozen=True)
class DemoAccount:
    username: str
    role: str
    display_name: str
    work_languages: list[str] = field(default_factory=list)
    county: str = ""
    superuser: bool = False


ACCOUNTS = (
    DemoAccount("demo-resident", Role.RESIDENT, ""),
    DemoAccount("demo-counselor", Role.COUNSELOR, "Demo counselor (Vietnamese)", ["ko", "vi"]),
    DemoAccount("demo-interpreter", Role.INTERPRETER, "Demo interpreter (Khmer, Nepali)", ["ko", "km", "ne"]),
    DemoAccount("demo-officer", Role.OFFICER, "Demo program officer (province)"),
    DemoAccount("demo-officer-yeongam", Role.OFFICER, "Demo program officer (Yeongam)", county=YEONGAM),
    DemoAccount("demo-employer", Role.EMPLOYER, EMPLOYERS[0].name_ko),
    DemoAccount("demo-partner", Role.PARTNER, "Demo partner clinic"),
    DemoAccount("demo-analyst", Role.ANALYST, "Demo analyst"),
    DemoAccount("demo-admin", Role.ADMIN, "Demo administrator", superuser=True),
)


def demo_resident() -> Resident:
    """The demo resident's record: a Vietnamese E-9 worker in Yeongam if the demo data has one."""
    free = Resident.objects.active().filter(user__isnull=True).order_by("pk")
    for candidates in (
        free.filter(nationality__alpha2="VN", municipality__code=YEONGAM, visas__status__code="E-9"),
        free.filter(nationality__alpha2="VN"),
        free,
    ):
        found = candidates.first()
        if found is not None:
            return found
    from ieum.residents.demo.generator import generate
    from ieum.residents.demo.loader import DemoDataError, load_people

    try:
        load_people(generate(1, seed=2026))
    except DemoDataError as exc:
        raise CommandError(str(exc)) from None
    return free.get()


def ensure_account(spec: DemoAccount, *, reset_password: bool) -> tuple[User, str]:
    """Create or bring the account back to its demo settings; returns it and the password shown."""
    municipality = None
    if spec.county:
        municipality = Municipality.objects.filter(code=spec.county).first()
        if municipality is None:
            raise CommandError("No reference data: load the region first (ieum load-region jeonnam).")
    values: dict[str, Any] = {
        "role": spec.role,
        "work_languages": spec.work_languages,
        "municipality": municipality,
        "is_staff": spec.superuser,
        "is_superuser": spec.superuser,
        "is_active": True,
    }
    user = User.objects.filter(username=spec.username).first()
    created = user is None
    if user is None:
        user = User(username=spec.username, display_name=spec.display_name)
    for name, value in values.items():
        setattr(user, name, value)
    resident: Resident | None = None
    if spec.role == Role.RESIDENT:
        resident = (getattr(user, "resident", None) if user.pk else None) or demo_resident()
        user.display_name = resident.name_hangul or resident.name
        user.preferred_language = resident.preferred_language
    if created or reset_password:
        validate_password(DEMO_PASSWORD, user)
        user.set_password(DEMO_PASSWORD)
    user.save()
    if resident is not None and resident.user_id != user.pk:
        Resident.objects.filter(pk=resident.pk).update(user=user)
    shown = DEMO_PASSWORD if user.check_password(DEMO_PASSWORD) else "(changed; use --reset-passwords)"
    return user, shown


def link_accounts(users: dict[str, User]) -> dict[str, str]:
    """Link the accounts whose role needs something to work on; their reach, by username."""
    reach = {}
    counselor = users["demo-counselor"]
    reach[counselor.username] = demo_links.link_counselor(counselor)
    interpreter = users["demo-interpreter"]
    reach[interpreter.username] = demo_links.link_interpreter(interpreter)
    partner = users["demo-partner"]
    reach[partner.username] = demo_links.link_partner(partner)
    employer = users["demo-employer"]
    # The province officer verifies businesses (jobs.services.employer_verify).
    reach[employer.username] = demo_links.link_employer(employer, verifier=users["demo-officer"])
    return reach


def _reach(user: User) -> str:
    if user.role == Role.RESIDENT:
        resident = Resident.objects.filter(user=user).first()
        return f"resident #{resident.pk} {resident.name}" if resident else ""
    if user.work_languages:
        return "languages " + ", ".join(user.work_languages)
    if user.role == Role.OFFICER:
        return f"county {user.municipality.name_en}" if user.municipality else "province-wide"
    return user.display_name


class Command(BaseCommand):
    help = "Create one demo account per role (idempotent) and print their usernames and passwords."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--reset-passwords", action="store_true", help="set every demo password back")

    def handle(self, *args, **options) -> None:
        if not settings.DEBUG:
            raise CommandError("Demo accounts have a published password; refusing with IEUM_DEBUG=false.")
        accounts = []
        with transaction.atomic():
            for spec in ACCOUNTS:
                accounts.append(ensure_account(spec, reset_password=options["reset_passwords"]))
            links = link_accounts({user.username: user for user, _password in accounts})
        rows = [
            (user.username, password, user.role, links.get(user.username) or _reach(user))
            for user, password in accounts
        ]
        header = ("username", "password", "role", "reach")
        widths = [max(len(str(r[i])) for r in (header, *rows)) for i in range(4)]
        for row in (header, tuple("-" * w for w in widths), *rows):
            cells = (str(cell).ljust(width) for cell, width in zip(row, widths, strict=True))
            self.stdout.write("  ".join(cells).rstrip())
