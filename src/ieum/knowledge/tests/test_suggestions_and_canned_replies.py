"""Answers are suggested from the case text, filtered by topic, status of stay, region and date;
a canned reply goes into the chat in the resident's language with its provenance."""

from __future__ import annotations

import datetime as dt

import pytest

from ieum.chat.models import Message
from ieum.chat.services import conversation_start
from ieum.chat.testing import FakeTranslationServer
from ieum.core.models import Municipality, Role, User, VisaStatus
from ieum.core.testing import login_staff
from ieum.knowledge.selectors import answers_for, suggest, suggestions_for_case
from ieum.knowledge.services import AnswerData, answer_save, answer_translation_save
from ieum.knowledge.suggest import Doc, rank
from ieum.residents.models import VisaRecord
from ieum.residents.services import ResidentData, resident_create


def test_rank_prefers_the_answer_whose_words_match():
    docs = [
        Doc(1, "건강보험 가입", "지역가입자 건강보험료 납부 방법"),
        Doc(2, "임금 체불 진정", "월급을 받지 못했을 때 노동청에 진정합니다"),
        Doc(3, "Lương bị nợ", "Khi chưa được trả lương, hãy nộp đơn"),
    ]
    assert rank("석 달째 월급을 못 받았어요", docs)[0][0] == 2
    assert rank("chua duoc tra luong", docs)[0][0] == 3  # Vietnamese typed without accents
    assert rank("", docs) == []


@pytest.fixture
def answers(editor, wages, region):
    from ieum.casework.models import Topic

    health, _ = Topic.objects.get_or_create(code="health", defaults={"name_ko": "건강", "name_en": "Health"})
    e9 = VisaStatus.objects.get(code="E-9")
    yeongam, haenam = Municipality.objects.get(code="46830"), Municipality.objects.get(code="46820")

    def make(title, body, **extra):
        return answer_save(
            data=AnswerData(
                topic_id=extra.pop("topic", wages).pk,
                title=title,
                body=body,
                published=True,
                **extra,
            ),
            actor=editor,
        )

    return {
        "general": make("임금 체불 진정", "월급을 받지 못했을 때 노동청에 진정합니다."),
        "e9": make(
            "E-9 근로자 체불 임금",
            "고용허가제 근로자는 월급 체불 시 사업장 변경도 가능합니다.",
            visa_status_id=e9.pk,
        ),
        "haenam": make(
            "해남군 체불 상담",
            "해남군청 노동상담 창구에서 월급 체불 상담을 받습니다.",
            municipality_id=haenam.pk,
        ),
        "expired": make("옛 체불 안내", "월급 체불 진정 (폐지)", valid_to=dt.date(2025, 12, 31)),
        "health": make("건강보험 월급 공제", "월급에서 건강보험료가 공제됩니다.", topic=health),
        "yeongam": yeongam,
        "e9_status": e9,
    }


def test_filters_keep_topic_visa_region_and_date(answers, wages):
    fit = set(
        answers_for(
            topic_id=wages.pk,
            visa_code="E-9",
            municipality_id=answers["yeongam"].pk,
            day=dt.date(2026, 11, 26),
        )
    )
    assert fit == {answers["general"], answers["e9"]}
    no_visa = set(
        answers_for(topic_id=wages.pk, municipality_id=answers["yeongam"].pk, day=dt.date(2026, 11, 26))
    )
    assert no_visa == {answers["general"]}
    assert suggest("월급 체불 사업장 변경", fit)[0] == answers["e9"]


@pytest.fixture
def chat_case(answers, wages, editor):
    from ieum.casework.models import Queue

    account = User.objects.create_user(
        username="an", password="x" * 12, role=Role.RESIDENT, preferred_language="vi"
    )
    resident = resident_create(
        data=ResidentData(name="NGUYEN VAN AN", preferred_language="vi", municipality=answers["yeongam"]),
        actor=None,
    )
    resident.user = account
    resident.save()
    VisaRecord.objects.create(resident=resident, status=answers["e9_status"], valid_from=dt.date(2025, 3, 1))
    counselor = User.objects.create_user(
        username="kim",
        password="x" * 12,
        role=Role.COUNSELOR,
        work_languages=["ko", "vi"],
        display_name="Kim",
    )
    Queue.objects.create(name="vi", language="vi").members.add(counselor)
    conversation = conversation_start(resident=resident, topic=wages, actor=account)
    conversation.case.summary = "사업장 변경 문의, 월급 체불"
    conversation.case.save()
    return {"conversation": conversation, "counselor": counselor}


def test_the_case_gets_answers_for_its_visa_and_county(chat_case, answers):
    found = suggestions_for_case(chat_case["conversation"].case)
    assert found[0] == answers["e9"]
    assert (
        answers["haenam"] not in found and answers["expired"] not in found and answers["health"] not in found
    )


def test_a_canned_reply_goes_out_in_the_residents_language_with_its_reviewer(
    chat_case, answers, editor, client
):
    answer_translation_save(
        answer=answers["e9"],
        language="vi",
        title="Nợ lương E-9",
        body="Bạn có thể đổi nơi làm việc.",
        actor=editor,
    )
    login_staff(client, chat_case["counselor"])
    conversation = chat_case["conversation"]
    response = client.post(f"/workspace/knowledge/cases/{conversation.case.pk}/reply/{answers['e9'].pk}/")
    assert response.status_code == 302
    message = Message.objects.get()
    assert message.language == "ko" and message.text.startswith("E-9 근로자 체불 임금")
    [vi] = message.translations.all()
    assert (vi.language, vi.kind, vi.translator) == ("vi", "person", editor)
    assert vi.text.startswith("Nợ lương E-9")


def test_without_a_translation_the_reply_is_machine_translated_and_marked(
    chat_case, answers, client, settings
):
    login_staff(client, chat_case["counselor"])
    case = chat_case["conversation"].case
    with FakeTranslationServer() as server:
        settings.IEUM_TRANSLATION_PROVIDER = "libretranslate"
        settings.IEUM_TRANSLATION_URL = server.url
        settings.IEUM_TRANSLATION_ENGINE_VERSION = "1.6"
        client.post(f"/workspace/knowledge/cases/{case.pk}/reply/{answers['general'].pk}/")
    [vi] = Message.objects.get().translations.all()
    assert (vi.kind, vi.engine) == ("machine", "LibreTranslate 1.6")
    assert vi.text.startswith("[vi] 임금 체불 진정")
