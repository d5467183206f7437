"""The LibreTranslate and Papago adapters against fake servers on loopback: success, timeout,
error, and what each sends."""

from __future__ import annotations

import pytest

from ieum.chat.testing import FakeTranslationServer
from ieum.chat.translation import (
    ERROR,
    NOT_CONFIGURED,
    TIMEOUT,
    UNSUPPORTED,
    LibreTranslate,
    NoTranslator,
    Papago,
    TranslationFailed,
)

WORDS = {("vi", "ko", "Tôi chưa được trả lương"): "월급을 못 받았어요"}


@pytest.fixture
def server():
    with FakeTranslationServer({**WORDS, ("vi", "zh-CN", "xin chào"): "你好"}) as fake:
        yield fake


def test_libretranslate_translates_and_sends_the_key(server):
    engine = LibreTranslate(url=server.url, api_key="k-123", timeout=2, version="1.6")
    result = engine.translate("Tôi chưa được trả lương", source="vi", target="ko")
    assert result.text == "월급을 못 받았어요"
    assert result.engine_label == "LibreTranslate 1.6"
    sent = server.requests[0]
    assert sent["path"] == "/translate"
    assert sent["fields"] == {
        "q": "Tôi chưa được trả lương",
        "source": "vi",
        "target": "ko",
        "format": "text",
        "api_key": "k-123",
    }


def test_libretranslate_names_chinese_and_filipino_its_own_way(server):
    LibreTranslate(url=server.url, timeout=2).translate("kumusta", source="fil", target="zh-hans")
    assert server.requests[0]["fields"]["source"] == "tl"
    assert server.requests[0]["fields"]["target"] == "zh-Hans"


def test_papago_sends_the_key_pair_and_maps_chinese(server):
    engine = Papago(key_id="id-1", key="secret-1", url=server.url + "/nmt/v1/translation", timeout=2)
    result = engine.translate("xin chào", source="vi", target="zh-hans")
    assert result.text == "你好"
    sent = server.requests[0]
    assert sent["headers"]["X-NCP-APIGW-API-KEY-ID"] == "id-1"
    assert sent["headers"]["X-NCP-APIGW-API-KEY"] == "secret-1"
    assert sent["fields"] == {"source": "vi", "target": "zh-CN", "text": "xin chào"}


@pytest.mark.parametrize("engine_kind", ["libretranslate", "papago"])
def test_a_slow_server_is_a_timeout(server, engine_kind):
    server.delay = 0.5
    engine = (
        LibreTranslate(url=server.url, timeout=0.1)
        if engine_kind == "libretranslate"
        else Papago(key_id="a", key="b", url=server.url + "/nmt/v1/translation", timeout=0.1)
    )
    with pytest.raises(TranslationFailed) as failed:
        engine.translate("xin chào", source="vi", target="ko")
    assert failed.value.reason == TIMEOUT


@pytest.mark.parametrize("engine_kind", ["libretranslate", "papago"])
def test_a_server_error_is_an_error(server, engine_kind):
    server.status = 500
    engine = (
        LibreTranslate(url=server.url, timeout=2)
        if engine_kind == "libretranslate"
        else Papago(key_id="a", key="b", url=server.url + "/nmt/v1/translation", timeout=2)
    )
    with pytest.raises(TranslationFailed) as failed:
        engine.translate("xin chào", source="vi", target="ko")
    assert failed.value.reason == ERROR


def test_a_server_that_is_not_there_is_an_error():
    with FakeTranslationServer() as gone:
        url = gone.url
    with pytest.raises(TranslationFailed) as failed:
        LibreTranslate(url=url, timeout=1).translate("hello", source="en", target="ko")
    assert failed.value.reason in {ERROR, TIMEOUT}


def test_papago_refuses_languages_it_does_not_have_without_calling(server):
    with pytest.raises(TranslationFailed) as failed:
        Papago(key_id="a", key="b", url=server.url).translate("ជំរាបសួរ", source="km", target="ko")
    assert failed.value.reason == UNSUPPORTED
    assert server.requests == []


def test_without_a_provider_nothing_is_translated():
    with pytest.raises(TranslationFailed) as failed:
        NoTranslator().translate("hello", source="en", target="ko")
    assert failed.value.reason == NOT_CONFIGURED
