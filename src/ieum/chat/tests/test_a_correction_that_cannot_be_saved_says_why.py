"""A correction of a translation that cannot be saved (no text, a language the conversation does
not use) is refused with a message on the page; it used to be dropped without a word (found by
the bad-input sweep)."""

from __future__ import annotations

import pytest

from ieum.chat.models import MessageTranslation
from ieum.chat.tests.test_access import world  # noqa: F401 (fixture)
from ieum.core.testing import client_for


@pytest.mark.parametrize(
    ("language", "text", "said"),
    [("ko", "", "write the corrected text"), ("xx", "안녕하세요", "Choose a language of this conversation")],
)
def test_a_correction_that_cannot_be_saved_is_refused_with_a_message(world, language, text, said):  # noqa: F811
    conversation, message = world["conversation"], world["message"]
    url = f"/chat/workspace/{conversation.pk}/messages/{message.pk}/translation/"
    before = MessageTranslation.objects.count()
    response = client_for(world["users"]["counselor"]).post(
        url, {"language": language, "text": text}, follow=True, HTTP_ACCEPT_LANGUAGE="en"
    )
    assert said in response.content.decode()
    assert MessageTranslation.objects.count() == before
