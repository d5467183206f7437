"""Each message keeps its original text and detected language, and each translation who or what
made it; a failing engine leaves the message untranslated and marked."""

from __future__ import annotations

from django.utils import translation

from ieum.chat.models import Message
from ieum.chat.selectors import shown_message
from ieum.chat.services import message_post, message_translation_correct
from ieum.chat.tests.conftest import KO_TEXT, VI_TEXT


def _post(conversation, user, role, text):
    return message_post(conversation=conversation, sender=user, sender_role=role, text=text)


def test_a_chat_opens_a_web_chat_case_in_the_residents_language(conversation, chat_world):
    case = conversation.case
    assert case.channel == "web_chat"
    assert case.language == "vi"
    assert case.resident == chat_world["resident"]
    assert case.assignee == chat_world["counselor"]


def test_the_counselors_first_answer_is_the_cases_first_response(conversation, chat_world):
    _post(conversation, chat_world["resident_account"], "resident", VI_TEXT)
    conversation.case.refresh_from_db()
    assert conversation.case.first_response_at is None
    _post(conversation, chat_world["counselor"], "staff", KO_TEXT)
    conversation.case.refresh_from_db()
    assert conversation.case.first_response_at is not None
    assert conversation.case.status == "in_progress"


def test_a_vietnamese_message_is_kept_and_translated_into_korean(translator, conversation, chat_world):
    message = _post(conversation, chat_world["resident_account"], "resident", VI_TEXT)
    message.refresh_from_db()
    assert (message.text, message.language, message.untranslated_reason) == (VI_TEXT, "vi", "")
    [row] = message.translations.all()
    assert (row.language, row.kind, row.engine) == ("ko", "machine", "LibreTranslate 1.6")
    with translation.override("en"):
        seen = shown_message(message, reader_language="ko", reader_role="staff")
    assert seen.text == "저는 석 달 동안 월급을 받지 못했어요"
    assert seen.provenance == "Machine translation by LibreTranslate 1.6 — original in Vietnamese:"
    assert seen.original == VI_TEXT
    mine = shown_message(message, reader_language="vi", reader_role="resident")
    assert (mine.text, mine.provenance, mine.mine) == (VI_TEXT, "", True)


def test_a_timeout_keeps_the_message_untranslated_and_says_why(
    translator, conversation, chat_world, settings
):
    translator.delay = 0.5
    settings.IEUM_TRANSLATION_TIMEOUT = 0.1
    message = _post(conversation, chat_world["counselor"], "staff", KO_TEXT)
    assert message.language == "ko"
    assert message.untranslated_reason == Message.Untranslated.TIMEOUT
    assert not message.translations.exists()
    with translation.override("en"):
        seen = shown_message(message, reader_language="vi", reader_role="resident")
    assert seen.text == KO_TEXT
    assert "did not answer in time" in seen.untranslated


def test_a_server_error_keeps_the_message_untranslated_and_marked(translator, conversation, chat_world):
    translator.status = 502
    message = _post(conversation, chat_world["counselor"], "staff", KO_TEXT)
    assert message.untranslated_reason == Message.Untranslated.ERROR
    assert Message.objects.get(pk=message.pk).text == KO_TEXT


def test_without_a_provider_the_chat_works_and_says_it_is_untranslated(conversation, chat_world, client):
    message = _post(conversation, chat_world["resident_account"], "resident", VI_TEXT)
    assert message.untranslated_reason == Message.Untranslated.NOT_CONFIGURED
    client.force_login(chat_world["resident_account"])
    page = client.get(f"/chat/{conversation.pk}/", HTTP_ACCEPT_LANGUAGE="en").content.decode()
    # The resident chose Vietnamese for their account: the notice reads in Vietnamese.
    with translation.override("vi"):
        notice = translation.gettext("Automatic translation is off: messages are shown as they were written.")
    assert notice != "Automatic translation is off: messages are shown as they were written."
    assert notice in page
    assert VI_TEXT in page


def test_a_counselors_correction_is_shown_with_their_name(translator, conversation, chat_world):
    message = _post(conversation, chat_world["resident_account"], "resident", VI_TEXT)
    message_translation_correct(
        message=message, language="ko", text="석 달째 임금을 못 받았습니다", actor=chat_world["counselor"]
    )
    with translation.override("en"):
        seen = shown_message(message, reader_language="ko", reader_role="staff")
    assert seen.text == "석 달째 임금을 못 받았습니다"
    assert seen.provenance == "Translation by Kim Counselor — original in Vietnamese:"
    assert message.translations.count() == 2  # the machine's stays in the record


def test_an_empty_message_is_refused_and_nothing_is_stored(conversation, chat_world, client):
    client.force_login(chat_world["resident_account"])
    response = client.post(f"/chat/{conversation.pk}/", {"text": "   "}, HTTP_ACCEPT_LANGUAGE="en")
    assert response.status_code == 200
    assert "has-error" in response.content.decode()  # the form, in the account's language, says what is wrong
    assert not Message.objects.exists()


def test_answering_again_after_the_case_moved_on_still_works(conversation, chat_world):
    _post(conversation, chat_world["counselor"], "staff", KO_TEXT)
    stale_copy = type(conversation).objects.get(pk=conversation.pk)
    stale_copy.case.status = "assigned"  # as an older copy of the case would say
    _post(stale_copy, chat_world["counselor"], "staff", "또 있나요?")
    assert Message.objects.count() == 2


def test_a_chat_waiting_for_an_answer_is_a_task_on_the_workspace_home(conversation, chat_world):
    from ieum.core.workspace import tasks_for

    def chat_tasks(user):
        return [t for t in tasks_for(user) if t.url == "/chat/workspace/"]

    _post(conversation, chat_world["resident_account"], "resident", VI_TEXT)
    [task] = chat_tasks(chat_world["counselor"])
    assert (task.count, task.title) == (1, "1 chat waiting for an answer")
    assert chat_tasks(chat_world["stranger"]) == []
    _post(conversation, chat_world["counselor"], "staff", KO_TEXT)
    assert chat_tasks(chat_world["counselor"]) == []
