"""The people and data of the load test's busy evening (run by loadtest/run.py, not by hand).

    python loadtest/fixture.py <run> <out.json> --users N --applications M

Runs against the database of the run's environment (DATABASE_URL) after the region pack and
the demo residents are loaded. Writes one JSON file for locust:

- counselors: one account per possible locust user, each speaking Korean and one of the center's
  other languages, member of that language's queue and of the Korean queue, with an API token
  and a signed-in workspace session (the one-time code already passed, as
  `ieum.core.testing.login_staff` does), so locust can use both the API and the chat pages;
- residents with portal accounts and sessions (residents are not asked for a one-time code), who
  start web chats in their own language;
- province officers (and one who makes payment batches) with sessions, in English so locust can
  read the pages' status words; a grant program open today on its own budget line, and submitted
  applications of eligible residents (F-2-R granted in the county they live in) for them to
  prepare and approve;
- an analyst with a token and a session (county table and the casework report export);
- a sample of demo residents to search for, look up and open cases for.

Sessions are made directly in the session store: signing in through the pages would need the
TOTP secrets and would turn the load test into a test of the sign-in throttle.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import sys
from importlib import import_module
from itertools import cycle

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "ieum.config.settings")

import django  # noqa: E402

django.setup()

from django.conf import settings  # noqa: E402
from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY  # noqa: E402
from django.db import transaction  # noqa: E402
from django.utils import timezone  # noqa: E402
from django_otp import DEVICE_ID_SESSION_KEY  # noqa: E402
from django_otp.plugins.otp_totp.models import TOTPDevice  # noqa: E402

from ieum.casework.models import Queue, Topic  # noqa: E402
from ieum.core.models import ApiToken, Municipality, Role, User, VisaStatus  # noqa: E402
from ieum.grants.ledger import post_entry  # noqa: E402
from ieum.grants.loading import program_load  # noqa: E402
from ieum.grants.models import BudgetLine, LedgerEntry  # noqa: E402
from ieum.grants.services import application_file  # noqa: E402
from ieum.lib.crypto import cached_keyring, decrypt  # noqa: E402
from ieum.residents.models import Resident  # noqa: E402
from ieum.residents.services import visa_record_add  # noqa: E402

KOREAN = "ko"
GRANT_AMOUNT = 600_000
SessionStore = import_module(settings.SESSION_ENGINE).SessionStore


def session_for(user: User, **extra: str) -> str:
    """A signed-in session for `user`, as django.contrib.auth.login leaves it."""
    store = SessionStore()
    store[SESSION_KEY] = user._meta.pk.value_to_string(user)
    store[BACKEND_SESSION_KEY] = "django.contrib.auth.backends.ModelBackend"
    store[HASH_SESSION_KEY] = user.get_session_auth_hash()
    for key, value in extra.items():
        store[key] = value
    store.create()
    return store.session_key


def staff_session(user: User) -> str:
    """A workspace session whose one-time code has been entered (staff_required lets it in)."""
    device = TOTPDevice.objects.create(user=user, name="load test authenticator", confirmed=True)
    return session_for(user, **{DEVICE_ID_SESSION_KEY: device.persistent_id})


def center_languages() -> list[str]:
    return [code for code, _name in settings.LANGUAGES if code != KOREAN]


def make_counselors(run: str, count: int) -> list[dict]:
    """Counselors spread over the center's languages; a queue per language and a Korean queue."""
    languages = center_languages()
    queues = {
        code: Queue.objects.create(name=f"load {code}", language=code, topic=None)
        for code in [KOREAN, *languages]
    }
    out = []
    for i, language in zip(range(count), cycle(languages), strict=False):
        user = User.objects.create_user(
            f"load-counselor-{i}",
            role=Role.COUNSELOR,
            work_languages=[KOREAN, language],
            preferred_language=KOREAN,
        )
        queues[language].members.add(user)
        queues[KOREAN].members.add(user)
        out.append(
            {
                "username": user.username,
                "language": language,
                "token": ApiToken.issue(user=user, name=f"load test {run}")[1],
                "session": staff_session(user),
            }
        )
    return out


def make_chat_residents(count: int) -> list[dict]:
    """Demo residents given a portal account; each chats in their own preferred language."""
    out = []
    chosen = (
        Resident.objects.active()
        .filter(user__isnull=True, municipality__isnull=False)
        .exclude(preferred_language="")
        .order_by("?")[:count]
    )
    for i, resident in enumerate(chosen):
        user = User.objects.create_user(
            f"load-resident-{i}", role=Role.RESIDENT, preferred_language=resident.preferred_language
        )
        resident.user = user
        resident.save(update_fields=["user"])
        out.append(
            {
                "resident": resident.pk,
                "language": resident.preferred_language,
                "session": session_for(user),
            }
        )
    return out


def make_officers(count: int) -> list[dict]:
    out = []
    for i in range(count):
        user = User.objects.create_user(f"load-officer-{i}", role=Role.OFFICER, preferred_language="en")
        out.append({"username": user.username, "session": staff_session(user)})
    return out


@transaction.atomic
def make_grant_program(run: str, applications: int) -> dict:
    """A settlement-grant program open today in every city/county, paid by bank transfer, on a
    budget line large enough for every application; and that many submitted applications."""
    today = timezone.localdate()
    line = BudgetLine.objects.create(
        fiscal_year=today.year,
        code="load-grants",
        name_ko="부하 시험 정착지원금",
        name_en="Load-test settlement grants",
    )
    post_entry(
        line=line,
        kind=LedgerEntry.Kind.ALLOCATION,
        allocated=GRANT_AMOUNT * applications * 2,
        decision=f"load test {run}",
        actor=None,
    )
    counties = Municipality.objects.filter(code__startswith="46").values_list("code", flat=True)
    program = program_load(
        {
            "code": f"load-{run}".lower(),
            "name_ko": "부하 시험 정착지원금",
            "name_en": "Load-test settlement grant",
            "budget_line": "load-grants",
            "window_opens": today - dt.timedelta(days=30),
            "window_closes": today + dt.timedelta(days=30),
            "obligation_until": today + dt.timedelta(days=365),
            "headcount_cap": applications * 2,
            "eligibility": {
                "statuses": ["F-2-R"],
                "granted_from": (today - dt.timedelta(days=365)).isoformat(),
                "granted_to": (today + dt.timedelta(days=30)).isoformat(),
                "still_living": True,
            },
            "amount": [{"amount": GRANT_AMOUNT, "valid_from": today - dt.timedelta(days=365)}],
            "county": [{"code": code, "payment": "bank"} for code in counties],
        },
        year=today.year,
    )
    status = VisaStatus.objects.get(code="F-2-R")
    filer = User.objects.create_user("load-grant-desk", role=Role.OFFICER, preferred_language="en")
    ids = []
    people = (
        Resident.objects.active()
        .filter(user__isnull=True, municipality__code__in=list(counties))
        .order_by("?")[:applications]
    )
    for resident in people:
        visa_record_add(
            resident=resident,
            status=status,
            valid_from=today - dt.timedelta(days=60),
            municipality=resident.municipality,
            actor=None,
        )
        application = application_file(
            program=program,
            resident=resident,
            actor=filer,
            bank_code="034",
            account_number=f"1102{resident.pk:08d}",
            account_holder=resident.name[:100],
        )
        ids.append(application.pk)
    return {"program": program.pk, "applications": ids}


def sample_residents(count: int) -> list[dict]:
    keyring = cached_keyring(settings.IEUM_ENCRYPTION_KEYS)
    out = []
    for r in Resident.objects.active().exclude(phone="").order_by("?")[:count]:
        arn = decrypt(keyring, r.arn_ciphertext) if r.arn_ciphertext else ""
        language = r.preferred_language or KOREAN
        out.append({"id": r.pk, "name": r.name, "phone": r.phone, "arn": arn, "language": language})
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("run")
    parser.add_argument("out")
    parser.add_argument("--users", type=int, required=True, help="locust users (accounts per kind)")
    parser.add_argument("--officers", type=int, default=7)
    parser.add_argument("--applications", type=int, required=True)
    args = parser.parse_args(argv)

    fixture: dict = {"run": args.run}
    # Every locust user of a kind gets an account of its own (none shares a case list with another).
    fixture["counselors"] = make_counselors(args.run, max(4, args.users))
    fixture["chat_residents"] = make_chat_residents(max(4, args.users))
    fixture["officers"] = make_officers(args.officers)
    fixture["grants"] = make_grant_program(args.run, args.applications)
    analyst = User.objects.create_user("load-analyst", role=Role.ANALYST, preferred_language=KOREAN)
    fixture["analyst"] = {
        "token": ApiToken.issue(user=analyst, name=f"load test {args.run}")[1],
        "session": staff_session(analyst),
    }
    fixture["municipalities"] = list(
        Municipality.objects.filter(code__startswith="46").values_list("code", flat=True)
    )
    fixture["topics"] = list(Topic.objects.filter(active=True).values_list("code", flat=True))
    fixture["residents"] = sample_residents(500)
    with open(args.out, "w", encoding="utf-8") as f:
        json.dump(fixture, f)
    print(
        f"fixture: {len(fixture['counselors'])} counselors, {len(fixture['chat_residents'])} chatting "
        f"residents, {len(fixture['officers'])} officers, "
        f"{len(fixture['grants']['applications'])} grant applications"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
