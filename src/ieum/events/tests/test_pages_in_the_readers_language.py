from __future__ import annotations

import pytest

from ieum.events.selectors import text_for
from ieum.events.services import event_text_set
from ieum.events.tests.conftest import festival

pytestmark = pytest.mark.django_db


def test_the_page_is_in_the_readers_language_or_falls_back(client):
    event = festival()
    assert text_for(event, "vi").title.startswith("Lễ hội")
    assert text_for(event, "km").title == "Multicultural family homeland culture festival"
    client.cookies["django_language"] = "vi"
    page = client.get(f"/events/{event.slug}/", headers={"accept-language": "vi"}).content.decode()
    assert "Lễ hội văn hóa" in page


def test_changing_the_korean_text_marks_translations_stale():
    event = festival()
    event_text_set(event=event, language="ko", title="다문화가족 모국문화 축제 (일정 변경)", body="")
    assert set(event.texts.filter(stale=True).values_list("language", flat=True)) == {"en", "vi"}


def test_a_resident_registers_through_the_page(client):
    from ieum.events.tests.conftest import person

    event = festival(capacity=1)
    me = person(1)
    from ieum.core.models import Role, User

    me.user = User.objects.create_user(username="me", password="x" * 12, role=Role.RESIDENT)
    me.save()
    client.force_login(me.user)
    assert client.post(f"/events/{event.slug}/register/").status_code == 302
    assert event.registrations.get().resident == me
    client.post(f"/events/{event.slug}/cancel/")
    assert event.registrations.get().status == "cancelled"
