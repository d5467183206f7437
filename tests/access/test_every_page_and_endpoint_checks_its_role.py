"""Every page and endpoint lets the roles that may use it in and keeps every other role out —
including a same-role user of another county, and object ids of other people in URLs (IDOR).

The table below is the access policy as data. `test_every_url_has_a_rule` fails when a new URL is
added without a row, so no endpoint can slip in unchecked.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import get_resolver

from ieum.casework.services import case_open
from ieum.core.models import Role, User
from ieum.core.testing import login_staff
from ieum.privacy.services import consent_record
from ieum.residents.documents import document_upload
from ieum.residents.models import ImportBatch
from ieum.residents.services import ResidentData, resident_create
from ieum.residents.tests.factories import MunicipalityFactory

PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"
ROLES = [
    "anonymous",
    "resident_self",
    "resident_other",
    "counselor",
    "counselor_other",
    "interpreter",
    "officer",
    "county_officer_other",
    "employer",
    "partner",
    "analyst",
    "admin",
]
STAFF = {"counselor", "counselor_other", "interpreter", "officer", "county_officer_other", "analyst", "admin"}
RECORD_DESK = {"counselor", "counselor_other", "officer", "county_officer_other", "admin"}
# Person A lives in Yeongam; the county officer of Haenam must not reach her. The counselor has a
# case of hers (and of B's); the other counselor has none, so finds her at intake but cannot open
# her record (privacy issue §1: counselors reach the residents of their cases).
REACH_A = {"counselor", "officer", "admin"}

# URLs that are public or part of signing in; they hold no one's data.
PUBLIC = {
    "",
    "accounts/login/",
    "accounts/logout/",
    "accounts/two-factor/",
    "accounts/two-factor/setup/",
    "i18n/setlang/",
    "healthz",
    "api/v1/openapi.json",
    "api/v1/docs",
    "api/v1/",
    "help/",
    "my/signup/",
    "my/signin/",
    "my/signin/code/",
    "my/signout/",
    "my/language/",
}
RESIDENTS = {"resident_self", "resident_other"}


@dataclass(frozen=True)
class Rule:
    pattern: str
    method: str
    url: str
    allowed: frozenset[str]
    data: Any = None
    json: bool = False


def _rules() -> list[Rule]:
    f = frozenset
    return [
        Rule("workspace/", "get", "/workspace/", f(STAFF)),
        Rule("residents/", "get", "/residents/?q=nguyen", f(RECORD_DESK)),
        Rule("residents/new/", "get", "/residents/new/", f(RECORD_DESK)),
        Rule("residents/duplicates/", "get", "/residents/duplicates/", f(RECORD_DESK)),
        Rule("residents/merge/", "post", "/residents/merge/", f(REACH_A), data="merge"),
        Rule("residents/<int:resident_id>/", "get", "/residents/{a}/", f(REACH_A)),
        Rule(
            "residents/<int:resident_id>/reveal/",
            "post",
            "/residents/{a}/reveal/",
            f(REACH_A),
            data={"kind": "arn", "purpose": "visa form"},
        ),
        Rule(
            "residents/<int:resident_id>/documents/",
            "post",
            "/residents/{a}/documents/",
            f(REACH_A),
            data="upload",
        ),
        Rule(
            "residents/<int:resident_id>/documents/<int:document_id>/",
            "get",
            "/residents/{a}/documents/{doc}/",
            f(REACH_A),
        ),
        Rule("residents/import/", "get", "/residents/import/", f(RECORD_DESK)),
        Rule(
            "residents/import/<int:batch_id>/", "get", "/residents/import/{batch}/", f({"counselor", "admin"})
        ),
        Rule(
            "residents/import/<int:batch_id>/commit/",
            "post",
            "/residents/import/{batch}/commit/",
            f({"counselor", "admin"}),
        ),
        Rule("workspace/privacy/access-review/", "get", "/workspace/privacy/access-review/", f({"admin"})),
        Rule("api/v1/residents/", "get", "/api/v1/residents/?q=nguyen", f(RECORD_DESK)),
        Rule(
            "api/v1/residents/",
            "post",
            "/api/v1/residents/",
            f(RECORD_DESK),
            data={"name": "NEW PERSON"},
            json=True,
        ),
        Rule(
            "api/v1/residents/lookup",
            "post",
            "/api/v1/residents/lookup",
            f(RECORD_DESK),
            data={"arn": "950314-5123456"},
            json=True,
        ),
        Rule(
            "api/v1/residents/<resident_id>", "get", "/api/v1/residents/{a}", f(REACH_A | {"resident_self"})
        ),
        Rule(
            "api/v1/residents/<resident_id>/timeline",
            "get",
            "/api/v1/residents/{a}/timeline",
            f(REACH_A | {"resident_self"}),
        ),
        Rule(
            "api/v1/residents/<resident_id>/reveal",
            "post",
            "/api/v1/residents/{a}/reveal",
            f(REACH_A),
            data={"kind": "arn", "purpose": "visa form"},
            json=True,
        ),
        Rule(
            "api/v1/residents/<resident_id>/consents",
            "get",
            "/api/v1/residents/{a}/consents",
            f(REACH_A | {"resident_self"}),
        ),
        Rule(
            "api/v1/residents/<resident_id>/consents",
            "post",
            "/api/v1/residents/{a}/consents",
            f(REACH_A | {"resident_self"}),
            data={"kind": "collection", "channel": "web"},
            json=True,
        ),
        Rule(
            "api/v1/residents/<resident_id>/consents/<consent_id>/withdraw",
            "post",
            "/api/v1/residents/{a}/consents/{consent}/withdraw",
            f(REACH_A | {"resident_self"}),
            json=True,
        ),
        Rule("api/v1/me/data", "get", "/api/v1/me/data", f({"resident_self", "resident_other"})),
        Rule(
            "api/v1/me/requests",
            "post",
            "/api/v1/me/requests",
            f({"resident_self", "resident_other"}),
            data={"kind": "correction", "detail": "spelling of my name"},
            json=True,
        ),
        Rule("my/", "get", "/my/", f(RESIDENTS)),
        Rule("my/profile/", "get", "/my/profile/", f(RESIDENTS)),
        Rule("my/consents/", "get", "/my/consents/", f(RESIDENTS)),
        Rule(
            "my/consents/<int:consent_id>/withdraw/",
            "post",
            "/my/consents/{consent}/withdraw/",
            f({"resident_self"}),
        ),
        Rule("my/documents/", "get", "/my/documents/", f(RESIDENTS)),
        Rule("my/documents/", "post", "/my/documents/", f(RESIDENTS), data="upload"),
        Rule("my/documents/<int:document_id>/", "get", "/my/documents/{doc}/", f({"resident_self"})),
        Rule("my/requests/", "get", "/my/requests/", f(RESIDENTS)),
        Rule(
            "my/requests/",
            "post",
            "/my/requests/",
            f(RESIDENTS),
            data={"kind": "correction", "detail": "spelling of my name"},
        ),
        Rule("my/requests/my-data.json", "get", "/my/requests/my-data.json", f(RESIDENTS)),
        Rule(
            "api/v1/insights/residents-by-county",
            "get",
            "/api/v1/insights/residents-by-county",
            f({"analyst", "admin"}),
        ),
    ]


def _url_patterns(patterns=None, prefix: str = ""):
    for p in patterns if patterns is not None else get_resolver().url_patterns:
        if hasattr(p, "url_patterns"):
            yield from _url_patterns(p.url_patterns, prefix + str(p.pattern))
        else:
            yield prefix + str(p.pattern)


def _app_covered_patterns() -> set[str]:
    """Patterns that apps check in their own `tests/test_access.py` (see ieum.core.testing)."""
    import importlib

    from django.apps import apps

    covered: set[str] = set()
    for config in apps.get_app_configs():
        if not config.name.startswith("ieum."):
            continue
        try:
            module = importlib.import_module(f"{config.name}.tests.test_access")
        except ModuleNotFoundError as exc:
            if exc.name != f"{config.name}.tests.test_access":
                raise
            continue
        covered |= set(getattr(module, "COVERED_PATTERNS", ()))
    return covered


def test_every_url_has_a_rule():
    covered = {r.pattern for r in _rules()} | PUBLIC | _app_covered_patterns()
    unchecked = sorted(p for p in set(_url_patterns()) if not p.startswith("admin/") and p not in covered)
    assert unchecked == [], f"add an access rule for {unchecked}"


@pytest.fixture
def world(db):
    yeongam = MunicipalityFactory(code="46830", name_ko="영암군", name_en="Yeongam-gun")
    haenam = MunicipalityFactory(code="46820", name_ko="해남군", name_en="Haenam-gun")
    users = {
        role: User.objects.create_user(username=role, password="x" * 12, role=kind, **extra)
        for role, kind, extra in [
            ("resident_self", Role.RESIDENT, {}),
            ("resident_other", Role.RESIDENT, {}),
            ("counselor", Role.COUNSELOR, {}),
            ("counselor_other", Role.COUNSELOR, {}),
            ("interpreter", Role.INTERPRETER, {}),
            ("officer", Role.OFFICER, {}),
            ("county_officer_other", Role.OFFICER, {"municipality": haenam}),
            ("employer", Role.EMPLOYER, {}),
            ("partner", Role.PARTNER, {}),
            ("analyst", Role.ANALYST, {}),
            ("admin", Role.ADMIN, {}),
        ]
    }
    a = resident_create(
        data=ResidentData(name="NGUYEN VAN AN", arn="950314-5123456", municipality=yeongam), actor=None
    )
    b = resident_create(data=ResidentData(name="NGUYEN VAN AN", municipality=haenam), actor=None)
    other = resident_create(data=ResidentData(name="OTHER RESIDENT"), actor=None)
    a.user, other.user = users["resident_self"], users["resident_other"]
    a.save()
    other.save()
    for person in (a, b):
        case_open(channel="phone", topic="wages", language="vi", actor=users["counselor"], resident=person)
    doc = document_upload(resident=a, kind="passport", upload=SimpleUploadedFile("p.pdf", PDF), actor=None)
    consent = consent_record(resident=a, kind="collection", channel="web", actor=None)
    batch = ImportBatch.objects.create(
        file_name="x.csv", sha256="0" * 64, status="previewed", created_by=users["counselor"]
    )
    return {"users": users, "a": a, "b": b, "doc": doc, "consent": consent, "batch": batch}


def _client_for(role: str, world) -> Client:
    client = Client()
    if role == "anonymous":
        return client
    user = world["users"][role]
    if role in STAFF:
        login_staff(client, user)
    else:
        client.force_login(user)
    return client


def _call(client: Client, rule: Rule, world):
    url = rule.url.format(
        a=world["a"].pk, doc=world["doc"].pk, batch=world["batch"].pk, consent=world["consent"].pk
    )
    if rule.method == "get":
        return client.get(url)
    data = rule.data
    if data == "merge":
        data = {"survivor": world["a"].pk, "merged": world["b"].pk}
    elif data == "upload":
        data = {"kind": "other", "file": SimpleUploadedFile("q.pdf", PDF)}
    if rule.json:
        return client.post(url, data or {}, content_type="application/json")
    return client.post(url, data or {})


def _denied(response) -> bool:
    if response.status_code in (401, 403, 404):
        return True
    location = response.get("Location", "") if response.status_code == 302 else ""
    return "/accounts/login/" in location or "/my/signin/" in location


@pytest.mark.parametrize("rule", _rules(), ids=lambda r: f"{r.method} {r.pattern}")
def test_each_role_is_let_in_or_kept_out(world, rule):
    wrong = []
    for role in ROLES:
        response = _call(_client_for(role, world), rule, world)
        assert response.status_code < 500, f"{role}: {response.status_code}"
        if (role in rule.allowed) == _denied(response):
            wrong.append((role, response.status_code))
    assert wrong == [], f"roles let in or kept out wrongly: {wrong}"
