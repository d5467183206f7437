"""Each translation records the Korean source it was made from; changing the Korean makes it
stale, and the list of stale translations per language shows it. Machine drafts stay marked until
a person saves them."""

from __future__ import annotations

import datetime as dt

import pytest
from django.core.exceptions import ValidationError

from ieum.chat.testing import FakeTranslationServer
from ieum.chat.translation import TranslationFailed
from ieum.knowledge.models import AnswerTranslation
from ieum.knowledge.selectors import localised, stale_translations
from ieum.knowledge.services import (
    AnswerData,
    answer_save,
    answer_translation_draft,
    answer_translation_save,
)

TITLE = "임금 체불 진정 방법"
BODY = "고용노동부 지방관서에 임금체불 진정서를 제출할 수 있습니다."


@pytest.fixture
def answer(editor, wages):
    return answer_save(
        data=AnswerData(topic_id=wages.pk, title=TITLE, body=BODY, published=True), actor=editor
    )


def test_a_translation_goes_stale_when_the_korean_text_changes(answer, editor, wages):
    vi = answer_translation_save(
        answer=answer,
        language="vi",
        title="Khiếu nại nợ lương",
        body="Nộp đơn tại văn phòng lao động.",
        actor=editor,
    )
    assert not vi.stale and stale_translations("vi") == []
    answer_save(
        data=AnswerData(
            topic_id=wages.pk, title=TITLE, body=BODY + " 온라인으로도 가능합니다.", published=True
        ),
        actor=editor,
        answer=answer,
    )
    answer.refresh_from_db()
    assert answer.revision == 2
    assert [t.pk for t in stale_translations("vi")] == [vi.pk]
    # A stale translation is not given to readers: they get the Korean until it is redone.
    assert localised(answer, "vi").how == "source"


def test_saving_the_same_korean_again_keeps_translations_current(answer, editor, wages):
    answer_translation_save(answer=answer, language="vi", title="t", body="b", actor=editor)
    answer_save(
        data=AnswerData(topic_id=wages.pk, title=TITLE, body=BODY, published=False),
        actor=editor,
        answer=answer,
    )
    assert stale_translations("vi") == []


def test_a_machine_draft_is_marked_machine_until_a_person_saves_it(answer, editor, settings):
    with FakeTranslationServer() as server:
        settings.IEUM_TRANSLATION_PROVIDER = "libretranslate"
        settings.IEUM_TRANSLATION_URL = server.url
        settings.IEUM_TRANSLATION_ENGINE_VERSION = "1.6"
        draft = answer_translation_draft(answer=answer, language="ne")
    assert (draft.kind, draft.engine, draft.reviewed_by) == ("machine", "LibreTranslate 1.6", None)
    assert draft.unreviewed_machine and draft.title == f"[ne] {TITLE}"
    reviewed = answer_translation_save(
        answer=answer, language="ne", title=draft.title, body=draft.body, actor=editor
    )
    assert reviewed.kind == "person" and reviewed.reviewed_by == editor and not reviewed.unreviewed_machine


def test_without_a_provider_a_draft_changes_nothing(answer):
    with pytest.raises(TranslationFailed):
        answer_translation_draft(answer=answer, language="vi")
    assert not AnswerTranslation.objects.exists()


def test_bad_input_is_refused(editor, wages):
    with pytest.raises(ValidationError):
        answer_save(data=AnswerData(topic_id=wages.pk, title=" ", body=BODY), actor=editor)
    with pytest.raises(ValidationError):
        answer_save(
            data=AnswerData(
                topic_id=wages.pk,
                title=TITLE,
                body=BODY,
                valid_from=dt.date(2026, 5, 1),
                valid_to=dt.date(2026, 1, 1),
            ),
            actor=editor,
        )
