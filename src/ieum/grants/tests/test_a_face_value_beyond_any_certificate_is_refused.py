"""A certificate face value beyond any real one is refused by the hand-over form (it used to
reach the database and fail there with a 500; found by the bad-input sweep)."""

from __future__ import annotations

from ieum.grants.forms import HandOverForm


def test_a_face_value_beyond_any_certificate_is_refused():
    assert HandOverForm({"serials": "S1\nS2", "face_value": "100000"}).is_valid()
    form = HandOverForm({"serials": "S1\nS2", "face_value": "99999999999999999999"})
    assert not form.is_valid() and "face_value" in form.errors
