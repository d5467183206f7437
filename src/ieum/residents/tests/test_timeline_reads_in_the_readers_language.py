"""Timeline sentences and their coded parts render in the reader's language, not the writer's."""

from __future__ import annotations

import pytest
from django.utils import translation

from ieum.residents.services import ResidentData, household_link, resident_create
from ieum.residents.timeline import render_event


@pytest.mark.django_db
def test_a_coded_parameter_is_shown_as_a_word_in_the_readers_language():
    person = resident_create(data=ResidentData(name="SOK DARA"), actor=None)
    event = household_link(resident=person, relation="spouse", relative_name="KIM MINSU", actor=None)
    stored = person.timeline.get(kind="household.linked")
    assert stored.params == {"relation": "spouse"}
    with translation.override("en"):
        assert render_event(stored.kind, stored.params) == "Household link recorded: spouse."
    with translation.override("ko"):
        korean = render_event(stored.kind, stored.params)
    assert "spouse" not in korean and korean != "Household link recorded: spouse."
    assert event.relation == "spouse"
