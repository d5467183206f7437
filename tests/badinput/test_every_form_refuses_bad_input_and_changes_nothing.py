"""Malformed and hostile input on every form and JSON operation (issue 11, "Bad input").

For each form (badinput_forms.ENDPOINTS), as a user who may use it: the valid submission is
accepted, then every field in turn is replaced by each hostile value (badinput_values) and every
file by an oversized, mistyped, empty or zip-bomb file. Each answer must be one of:

- refused with a message (a form error, an error message, a 4xx, a JSON "detail"), having
  changed nothing: no row written outside the tables that log every request (badinput_watch)
  and no file stored;
- accepted, and then every page that shows what was stored escapes it (no raw <script>).

Never a 5xx, and never silence: an answer that neither refuses nor stores anything fails,
unless the endpoint says why that field may be ignored (silent_ok). Fields left out (skip) and
costly steps stood in for (patch) carry their reasons at the endpoint too. Failures name the
endpoint, the field and the variant.

Run: .venv/bin/pytest -q -p no:cacheprovider tests/badinput -n 2 (about 1.5 min on two cores).
"""

from __future__ import annotations

import contextlib
from unittest import mock

import pytest
from badinput_forms import ENDPOINTS
from badinput_sweep import attempt, baseline_problem, carries_script, form_fields, judge, variants
from badinput_watch import install
from django.template import Template
from django.test import Client

from ieum.core.testing import login_staff


@pytest.fixture
def _plain_template_rendering():
    # The test environment sends a signal, and the client copies the context, for every template
    # rendered: a form with two long select lists renders some 600 templates. The sweep reads
    # the HTML only, and gets it twice as fast without.
    with mock.patch.object(Template, "_render", lambda self, context: self.nodelist.render(context)):
        yield


@pytest.mark.django_db
@pytest.mark.usefixtures("_plain_template_rendering")
@pytest.mark.parametrize("endpoint", ENDPOINTS, ids=[e.name for e in ENDPOINTS])
def test_each_form_refuses_hostile_input_with_a_message_and_changes_nothing(endpoint, request):
    world = request.getfixturevalue(endpoint.world)
    client = Client(raise_request_exception=False)
    world["client"] = client
    if endpoint.prepare is not None:
        endpoint.prepare(world)
    if endpoint.role != "anonymous":
        user = world["users"][endpoint.role]
        if user.is_staff_role:
            login_staff(client, user)
        else:
            client.force_login(user)
    install()
    base = endpoint.data(world)
    first = attempt(client, endpoint, world, base)
    assert baseline_problem(endpoint, first) == "", endpoint.name
    if endpoint.page is not None:
        for name in form_fields(client, endpoint.page(world), endpoint.url(world)):
            base.setdefault(name, "")
    problems = []
    for field, label, make in variants(endpoint, base):
        body = make()
        with contextlib.ExitStack() as stack:
            if not carries_script(body):
                for target, stand_in in endpoint.patch:
                    stack.enter_context(mock.patch(target, stand_in))
            found = judge(endpoint, field, attempt(client, endpoint, world, body))
        if found:
            problems.append(f"{field} = {label}: {found}")
    assert problems == [], "\n".join(problems)
