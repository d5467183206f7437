"""Every knowledge-base page against every role: editors (counselors, officers, administrators)
may write answers; suggestions and replies for a case need reach to that case as well."""

from __future__ import annotations

import pytest

from ieum.casework.models import Queue
from ieum.chat.services import conversation_start
from ieum.core.models import Role, User
from ieum.core.testing import role_users, wrongly_treated
from ieum.knowledge.services import AnswerData, answer_save
from ieum.residents.services import ResidentData, resident_create

COVERED_PATTERNS = {
    "workspace/knowledge/",
    "workspace/knowledge/new/",
    "workspace/knowledge/stale/",
    "workspace/knowledge/<int:answer_id>/",
    "workspace/knowledge/<int:answer_id>/<str:language>/",
    "workspace/knowledge/cases/<int:case_id>/",
    "workspace/knowledge/cases/<int:case_id>/reply/<int:answer_id>/",
}
EDITORS = {"counselor", "officer", "county_officer_other", "admin"}
CASE_REACH = {"counselor", "admin"}


@pytest.fixture
def world(db, wages):
    users = role_users(counselor={"work_languages": ["ko", "vi"]})
    users["counselor_other_queue"] = User.objects.create_user(
        username="counselor-other-queue", password="x" * 12, role=Role.COUNSELOR, work_languages=["ne"]
    )
    Queue.objects.create(name="vi", language="vi").members.add(users["counselor"])
    Queue.objects.create(name="ne", language="ne").members.add(users["counselor_other_queue"])
    resident = resident_create(data=ResidentData(name="AN", preferred_language="vi"), actor=None)
    resident.user = users["resident_self"]
    resident.save()
    conversation = conversation_start(resident=resident, topic=wages, actor=users["resident_self"])
    answer = answer_save(
        data=AnswerData(topic_id=wages.pk, title="임금 체불", body="노동청에 진정합니다.", published=True),
        actor=users["admin"],
    )
    return {"users": users, "case": conversation.case, "answer": answer, "topic": wages}


def _check(world, allowed, call):
    assert wrongly_treated(world["users"], allowed, call) == []


def test_the_list_pages_are_for_editors(world):
    editors = EDITORS | {"counselor_other_queue"}
    for url in [
        "/workspace/knowledge/",
        "/workspace/knowledge/new/",
        "/workspace/knowledge/stale/?language=vi",
    ]:
        _check(world, editors, lambda c, url=url: c.get(url))


def test_writing_answers_and_translations_is_for_editors(world):
    editors = EDITORS | {"counselor_other_queue"}
    a = world["answer"].pk
    _check(world, editors, lambda c: c.get(f"/workspace/knowledge/{a}/"))
    _check(world, editors, lambda c: c.get(f"/workspace/knowledge/{a}/vi/"))
    data = {"kind": "answer", "topic": world["topic"].pk, "title": "새 답변", "body": "본문"}
    _check(world, editors, lambda c: c.post("/workspace/knowledge/new/", data))
    _check(world, editors, lambda c: c.post(f"/workspace/knowledge/{a}/vi/", {"title": "t", "body": "b"}))


def test_suggestions_and_replies_need_reach_to_the_case(world):
    case, a = world["case"].pk, world["answer"].pk
    _check(world, CASE_REACH, lambda c: c.get(f"/workspace/knowledge/cases/{case}/"))
    _check(world, CASE_REACH, lambda c: c.post(f"/workspace/knowledge/cases/{case}/reply/{a}/"))


def test_an_unknown_language_is_not_found(world):
    from ieum.core.testing import client_for

    client = client_for(world["users"]["admin"])
    assert client.get(f"/workspace/knowledge/{world['answer'].pk}/xx/").status_code == 404
