"""Pages carry a strict Content-Security-Policy and the other security headers."""

from __future__ import annotations

from django.urls import reverse

from ieum.core.models import User
from ieum.core.testing import login_staff


def test_the_sign_in_page_has_a_strict_content_security_policy(client, db):
    csp = client.get(reverse("login"))["Content-Security-Policy"]
    directives = dict(part.strip().split(" ", 1) for part in csp.split(";"))
    assert directives["default-src"] == "'self'"
    assert directives["script-src"] == "'self'"
    assert directives["style-src"] == "'self'"
    assert directives["frame-ancestors"] == "'none'"
    assert directives["object-src"] == "'none'"
    assert "unsafe-inline" not in csp and "unsafe-eval" not in csp


def test_workspace_pages_have_the_policy_too(client, counselor: User):
    login_staff(client, counselor)
    response = client.get(reverse("workspace-home"))
    assert response.status_code == 200
    assert "script-src 'self'" in response["Content-Security-Policy"]


def test_pages_set_referrer_permissions_and_framing_policies(client, db):
    response = client.get(reverse("login"))
    assert response["Referrer-Policy"] == "same-origin"
    assert "geolocation=()" in response["Permissions-Policy"]
    assert response["X-Frame-Options"] == "DENY"
    assert response["X-Content-Type-Options"] == "nosniff"


def test_the_sign_in_page_has_no_inline_script(client, db):
    page = client.get(reverse("login")).content.decode()
    assert "<script>" not in page and " onclick=" not in page
