"""The detector names one of the 13 supported languages; scripts decide before statistics."""

from __future__ import annotations

import pytest

from ieum.chat.langdetect import SUPPORTED, detect_language

SAMPLES = [
    ("ko", "안녕하세요, 무엇을 도와드릴까요?"),
    ("vi", "Tôi chưa được trả lương ba tháng"),
    ("zh-hans", "我的工资三个月没有发"),
    ("id", "Saya belum dibayar selama tiga bulan"),
    ("km", "ខ្ញុំមិនទាន់បានប្រាក់ខែ"),
    ("ne", "मेरो तलब तीन महिनादेखि आएन"),
    ("th", "ฉันยังไม่ได้รับเงินเดือน"),
    ("si", "මට වැටුප ලැබුණේ නැහැ"),
    ("fil", "Hindi pa ako binabayaran ng amo ko"),
    ("uz", "Menga ish haqi toʻlanmadi"),
    ("ru", "Мне не заплатили зарплату"),
    ("my", "ကျွန်တော် လစာ မရသေးပါ"),
    ("en", "My employer has not paid my wages"),
]


@pytest.mark.parametrize(("code", "text"), SAMPLES, ids=[c for c, _ in SAMPLES])
def test_each_supported_language_is_recognised(code, text):
    assert detect_language(text) == code


def test_a_short_khmer_word_is_khmer_by_its_script():
    assert detect_language("អរគុណ") == "km"


def test_a_hangul_name_inside_a_thai_sentence_stays_thai():
    assert detect_language("ฉันทำงานที่ฟาร์มของคุณ 김 มาสามเดือนแล้ว") == "th"


def test_text_without_letters_gives_the_default():
    assert detect_language("123 !!", default="ko") == "ko"


def test_the_answer_is_always_a_supported_language():
    for text in ["Bonjour, je ne suis pas payé", "Guten Tag", "ok"]:
        assert detect_language(text) in SUPPORTED
