"""Dates, numbers and won amounts are written the way the reader's language writes them."""

from __future__ import annotations

import datetime as dt

import pytest

from ieum.lib.formatting import babel_locale, krw, language_name, local_date, local_number

LANGUAGES = ["ko", "en", "vi", "zh-hans", "id", "km", "ne", "th", "si", "fil", "uz", "ru", "my"]


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_language_has_its_own_locale_data(language):
    assert babel_locale(language).language == language.split("-")[0]
    assert local_date(dt.date(2026, 7, 1), language)
    digits = "".join(ch for ch in krw(600_000, language) if ch.isdigit())
    assert digits == "600000"


def test_the_same_amount_reads_differently_by_language():
    assert krw(600_000, "en") == "₩600,000"
    assert krw(600_000, "vi") == "600.000\xa0₩"
    assert local_number(1_234_567, "ru") == "1\xa0234\xa0567"
    assert local_number(1_234_567, "ne") == "12,34,567"


def test_dates_use_each_languages_month_names_and_order():
    day = dt.date(2026, 7, 1)
    assert local_date(day, "en") == "Jul 1, 2026"
    assert local_date(day, "zh-hans") == "2026年7月1日"
    assert local_date(day, "ko").startswith("2026. 7. 1")


def test_an_unknown_language_falls_back_to_english():
    assert krw(1000, "xx") == "₩1,000"


def test_language_names_are_written_in_the_readers_language():
    assert language_name("vi", "ko") == "베트남어"
    assert language_name("km", "en") == "Khmer"
    assert language_name("zh-hans", "en").startswith("Chinese")
