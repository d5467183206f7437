"""The bilingual transcript for proceedings: every message with time, sender, original,
translation and who made it; only with a stated purpose, which the access log keeps."""

from __future__ import annotations

import io

from pypdf import PdfReader

from ieum.chat.services import message_post, message_translation_correct
from ieum.chat.tests.conftest import KO_TEXT, VI_TEXT
from ieum.core.models import AccessLog
from ieum.core.testing import login_staff


def test_the_transcript_pdf_holds_both_languages_and_provenance(translator, conversation, chat_world, client):
    message_post(
        conversation=conversation, sender=chat_world["resident_account"], sender_role="resident", text=VI_TEXT
    )
    answer = message_post(
        conversation=conversation, sender=chat_world["counselor"], sender_role="staff", text=KO_TEXT
    )
    message_translation_correct(
        message=answer, language="vi", text="Hãy cho tôi biết địa chỉ công ty", actor=chat_world["counselor"]
    )
    login_staff(client, chat_world["counselor"])
    response = client.post(
        f"/chat/workspace/{conversation.pk}/transcript/",
        {"purpose": "wage claim at the labor office"},
        HTTP_ACCEPT_LANGUAGE="en",
    )
    assert response["Content-Type"] == "application/pdf"
    reader = PdfReader(io.BytesIO(response.content))
    text = " ".join((page.extract_text() or "") for page in reader.pages)
    flat = " ".join(text.split())
    assert "Chat transcript" in flat
    assert conversation.case.number in flat
    for expected in ["Tôi chưa được trả lương", "월급을", "사업장", "LibreTranslate 1.6", "Kim Counselor"]:
        assert expected in flat, expected
    row = AccessLog.objects.filter(action="export").get()
    assert row.purpose == "wage claim at the labor office"
    assert row.subject_id == str(chat_world["resident"].pk)


def test_without_a_purpose_there_is_no_transcript(conversation, chat_world, client):
    login_staff(client, chat_world["counselor"])
    response = client.post(f"/chat/workspace/{conversation.pk}/transcript/", {"purpose": "  "})
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/html")
    assert not AccessLog.objects.filter(action="export").exists()
