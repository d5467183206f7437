"""Every URL that takes a POST is in the sweep (badinput_forms.ENDPOINTS) or in NOT_SWEPT with
the reason, so a new form cannot slip past the bad-input sweep.

Discovered from the URL resolver: a page whose view (or a helper of its own module that it
calls) reads request.POST or request.FILES, or is a class-based view with a post method; a JSON
operation that answers POST, PUT, PATCH or DELETE.
"""

from __future__ import annotations

import inspect
import re
import types

from badinput_forms import ENDPOINTS
from django.urls import get_resolver

READS_A_POST = re.compile(r"request\.POST|request\.FILES|require_POST|\"POST\"")
WRITE_METHODS = {"POST", "PUT", "PATCH", "DELETE"}

NO_INPUT = "a button: the URL names the object and the POST carries no field to vary"
NOT_SWEPT = {
    "accounts/logout/": "signs out; takes no field",
    "my/signout/": "signs out; takes no field",
    "residents/import/<int:batch_id>/commit/": NO_INPUT,
    "my/consents/<int:consent_id>/withdraw/": NO_INPUT,
    "workspace/cases/callbacks/": "the list of callbacks; its forms post to callbacks/<id>/, swept",
    "workspace/cases/<int:case_id>/attachments/<int:attachment_id>/": "downloads an attachment; "
    "the view shares its code with the upload, swept at attachments/",
    "workspace/interpreting/offers/<int:offer_id>/accept/": NO_INPUT,
    "workspace/interpreting/offers/<int:offer_id>/decline/": NO_INPUT,
    "workspace/interpreting/requests/<int:request_id>/cancel/": NO_INPUT,
    "workspace/knowledge/cases/<int:case_id>/reply/<int:answer_id>/": NO_INPUT,
    "referrals/<int:referral_id>/close/": NO_INPUT,
    "referrals/inbox/<int:referral_id>/accept/": NO_INPUT,
    "grants/payments/<int:payment_id>/retry/": NO_INPUT,
    "jobs/workspace/employers/<int:employer_id>/verify/": NO_INPUT,
    "care/my/bookings/<int:booking_id>/cancel/": NO_INPUT,
    "learning/my/courses/<int:course_id>/": NO_INPUT + " (enrols the resident)",
    "learning/my/lessons/<int:lesson_id>/done/": NO_INPUT,
    "events/<slug:slug>/register/": NO_INPUT,
    "events/<slug:slug>/cancel/": NO_INPUT,
}


def _patterns(patterns=None, prefix: str = ""):
    for p in patterns if patterns is not None else get_resolver().url_patterns:
        if hasattr(p, "url_patterns"):
            yield from _patterns(p.url_patterns, prefix + str(p.pattern))
        else:
            yield prefix + str(p.pattern), p.callback


def _source(function, depth: int = 2) -> str:
    """The function's source and that of the functions of its own module it calls by name."""
    function = inspect.unwrap(function)
    try:
        text = inspect.getsource(function)
    except (OSError, TypeError):
        return ""
    if depth:
        module = inspect.getmodule(function)
        for name in function.__code__.co_names:
            helper = getattr(module, name, None)
            if isinstance(helper, types.FunctionType) and helper.__module__ == function.__module__:
                text += _source(helper, depth - 1)
    return text


def _ninja_methods(callback) -> set[str]:
    cells = [c.cell_contents for c in (getattr(callback, "__closure__", None) or ())]
    views = [c for c in cells if type(c).__name__ == "PathView"]
    return {m for view in views for op in view.operations for m in op.methods}


def takes_a_post(callback) -> bool:
    methods = _ninja_methods(callback)
    if methods:
        return bool(methods & WRITE_METHODS)
    view_class = getattr(callback, "view_class", None)
    if view_class is not None:
        return hasattr(view_class, "post")
    return bool(READS_A_POST.search(_source(callback)))


def posting_patterns() -> set[str]:
    return {
        pattern
        for pattern, callback in _patterns()
        if not pattern.startswith("admin/") and takes_a_post(callback)
    }


def test_every_url_that_takes_a_post_is_swept_or_said_why_not():
    swept = {e.pattern for e in ENDPOINTS}
    unswept = sorted(posting_patterns() - swept - set(NOT_SWEPT))
    assert unswept == [], f"add these to badinput_forms.ENDPOINTS or NOT_SWEPT: {unswept}"


def test_the_sweep_names_only_urls_that_exist_and_take_a_post():
    known = posting_patterns()
    stale = sorted((({e.pattern for e in ENDPOINTS}) | set(NOT_SWEPT)) - known)
    assert stale == [], f"no posting URL has these patterns (any more): {stale}"


def test_the_discovery_finds_forms_of_each_kind():
    # The scan itself can fail quietly; these are a function view, a view whose form handling
    # sits in a helper, a class-based view and a JSON operation.
    found = posting_patterns()
    assert {
        "residents/new/",
        "workspace/knowledge/new/",
        "accounts/login/",
        "api/v1/casework/cases",
    } <= found
    assert "residents/" not in found and "api/v1/me/data" not in found
