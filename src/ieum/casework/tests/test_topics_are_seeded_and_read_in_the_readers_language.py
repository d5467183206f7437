import pytest
from django.utils import translation

from ieum.casework.models import Topic


@pytest.mark.django_db
def test_the_thirteen_topics_of_the_issue_are_seeded_in_order():
    codes = list(Topic.objects.values_list("code", flat=True))
    assert len(codes) == 13
    assert codes[0] == "visa" and codes[-1] == "other"


@pytest.mark.django_db
def test_a_topic_reads_in_korean_for_a_korean_reader_and_in_english_for_an_english_one():
    topic = Topic.objects.get(code="wages")
    with translation.override("ko"):
        assert topic.label == "임금 체불·퇴직금"
    with translation.override("en"):
        assert topic.label == "Wage arrears and severance"


@pytest.mark.django_db
def test_an_added_topic_uses_its_own_names_per_language():
    topic = Topic.objects.create(code="tax", name_ko="세금", name_en="Taxes", names={"vi": "Thuế"})
    with translation.override("vi"):
        assert topic.label == "Thuế"
    with translation.override("ru"):
        assert topic.label == "Taxes"
