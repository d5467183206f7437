"""The portal's first load (HTML + CSS + JS, gzip-compressed, fonts excluded) stays under 150 KB:
a 360 px phone on a slow network is the main device."""

from __future__ import annotations

import gzip
import re

import pytest
from django.contrib.staticfiles import finders

from ieum.portal.tests.conftest import sign_up

pytestmark = pytest.mark.django_db

BUDGET = 150 * 1024


def _assets(html: str) -> list[str]:
    css = re.findall(r'<link rel="stylesheet" href="/static/([^"]+)"', html)
    js = re.findall(r'<script[^>]* src="/static/([^"]+)"', html)
    return css + js


def _first_load_bytes(html: str) -> int:
    total = len(gzip.compress(html.encode("utf-8"), 6))
    for name in _assets(html):
        path = finders.find(name)
        assert path, name
        with open(path, "rb") as f:
            total += len(gzip.compress(f.read(), 6))
    return total


def test_the_portal_home_first_load_is_under_150_kb(client):
    sign_up(client)
    html = client.get("/my/").content.decode()
    assert _first_load_bytes(html) <= BUDGET


def test_the_portal_needs_no_script(client):
    for page in ("/my/signin/", "/my/signup/", "/help/"):
        assert "<script" not in client.get(page).content.decode()
