"""The menus: which services each role finds in the workspace bar, and the resident's service tiles.

It lives in config, the one place that knows every app, so no app imports another to build a
menu. A link here only shows the way: each page still checks access through its app's helpers.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.http import HttpRequest
from django.urls import NoReverseMatch, reverse
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from ieum.core.models import Role


@dataclass(frozen=True)
class NavLink:
    label: str | Promise
    url_name: str
    roles: frozenset[str]
    # URL names (or namespaces ending in ":") that mark this link as the current section.
    section: str = ""


@dataclass(frozen=True)
class ServiceTile:
    label: str | Promise
    hint: str | Promise
    url_name: str


COU, INT, OFF, EMP, PAR, ANA, ADM = (
    Role.COUNSELOR,
    Role.INTERPRETER,
    Role.OFFICER,
    Role.EMPLOYER,
    Role.PARTNER,
    Role.ANALYST,
    Role.ADMIN,
)
STAFF = frozenset({COU, INT, OFF, ANA, ADM})

WORKSPACE_LINKS = [
    NavLink(_("Home"), "workspace-home", STAFF),
    NavLink(_("Residents"), "resident-search", frozenset({COU, OFF, ADM}), "resident"),
    NavLink(_("Cases"), "casework:queue", frozenset({COU, ADM}), "casework:"),
    NavLink(_("Chats"), "chat:staff-list", frozenset({COU, ADM}), "chat:"),
    NavLink(_("Knowledge base"), "knowledge:list", frozenset({COU, OFF, ADM}), "knowledge:"),
    NavLink(_("My interpreting"), "interpreting:mine", frozenset({INT}), "interpreting:"),
    NavLink(_("Interpreting"), "interpreting:request-list", frozenset({COU, ADM}), "interpreting:"),
    NavLink(_("Referrals"), "referrals:sent", frozenset({COU, ADM}), "referrals:"),
    NavLink(_("Clinic and legal care"), "care:home", frozenset({COU, ADM}), "care:"),
    NavLink(_("Visa programs"), "visas:home", frozenset({COU, OFF, ADM}), "visas:"),
    NavLink(_("Grants and budget"), "grants:budget", frozenset({OFF, ADM}), "grants:"),
    NavLink(_("Jobs"), "jobs:employers", frozenset({OFF, ADM}), "jobs:"),
    NavLink(_("Korean classes"), "learning:desk", frozenset({COU, ADM}), "learning:"),
    NavLink(_("Events"), "events:manage", frozenset({COU, OFF, ADM}), "events:"),
    NavLink(_("Surveys"), "surveys:list", frozenset({OFF, ANA, ADM}), "surveys:"),
    NavLink(_("Insights"), "insights:dashboard", frozenset({ANA, ADM}), "insights:"),
    # Employers and partners work outside the staff workspace, in their own pages.
    NavLink(_("My business"), "jobs:employer-home", frozenset({EMP}), "jobs:"),
    NavLink(_("Referrals received"), "referrals:inbox", frozenset({PAR}), "referrals:"),
    NavLink(_("Appointments"), "care:partner", frozenset({PAR}), "care:"),
]

PORTAL_SERVICES = [
    ServiceTile(_("Chat with a counselor"), _("Write in your language; we answer in it."), "chat:home"),
    ServiceTile(
        _("Am I eligible for a regional visa?"),
        _("Check the conditions of F-2-R, E-7-4R and F-4-R."),
        "visas:my-eligibility",
    ),
    ServiceTile(_("Settlement support grant"), _("Apply and follow your application."), "grants:my"),
    ServiceTile(_("Jobs"), _("Your job profile and lawful jobs for you."), "jobs:my"),
    ServiceTile(_("Clinic and lawyer appointments"), _("Book a visit with an interpreter."), "care:my"),
    ServiceTile(_("Korean classes"), _("Online lessons and your certificate."), "learning:my"),
    ServiceTile(_("Events"), _("Festivals, briefings and registration."), "events:list"),
]


def _url(name: str) -> str | None:
    try:
        return reverse(name)
    except NoReverseMatch:
        return None


def _current(request: HttpRequest, link: NavLink) -> bool:
    match = getattr(request, "resolver_match", None)
    if match is None:
        return False
    full = f"{match.namespace}:{match.url_name}" if match.namespace else (match.url_name or "")
    if full == link.url_name:
        return True
    return bool(link.section) and (
        full.startswith(link.section) if link.section.endswith(":") else link.section in full
    )


def menus(request: HttpRequest) -> dict:
    """Template context: `nav_links` (label, url, current) for the signed-in user's role, and
    `portal_services` for residents."""
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return {"nav_links": [], "portal_services": []}
    links = []
    for link in WORKSPACE_LINKS:
        if user.role in link.roles and (url := _url(link.url_name)):
            links.append({"label": link.label, "url": url, "current": _current(request, link)})
    services = []
    if user.role == Role.RESIDENT:
        for tile in PORTAL_SERVICES:
            if url := _url(tile.url_name):
                services.append({"label": tile.label, "hint": tile.hint, "url": url})
    return {"nav_links": links, "portal_services": services}
