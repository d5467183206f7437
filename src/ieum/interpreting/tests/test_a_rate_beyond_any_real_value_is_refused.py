"""A rate beyond any real fee is refused by the registry form (it used to reach the database
and fail there with a 500; found by the bad-input sweep)."""

from __future__ import annotations

import pytest

from ieum.interpreting.forms import InterpreterForm

ENTRY = {"name": "LE THI HOA", "kind": "contracted", "languages": "vi:3", "modalities": ["phone"]}


@pytest.mark.parametrize("field", ["rate_per_hour", "rate_per_call"])
def test_a_rate_beyond_any_real_fee_is_refused(db, field):
    rates = {"rate_per_hour": "30000", "rate_per_call": "5000"}
    assert InterpreterForm({**ENTRY, **rates}).is_valid()
    form = InterpreterForm({**ENTRY, **rates, field: "99999999999999999999"})
    assert not form.is_valid() and field in form.errors


@pytest.mark.parametrize("languages", ["no-such-choice:3", "vietnamese:2", "vi:x"])
def test_a_language_that_is_not_a_code_and_level_is_refused(db, languages):
    # A word longer than the language column failed in the database (PostgreSQL) with a 500.
    form = InterpreterForm({**ENTRY, "languages": languages, "rate_per_hour": "0", "rate_per_call": "0"})
    assert not form.is_valid() and "languages" in form.errors
