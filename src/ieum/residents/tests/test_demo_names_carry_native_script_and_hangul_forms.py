"""Demo names come in three forms — passport Latin, native script, Hangul — built from real name
parts, and search finds a person by each of them."""

from __future__ import annotations

import re
import unicodedata

import pytest

from ieum.residents.demo.generator import generate, people
from ieum.residents.demo.loader import load_people
from ieum.residents.selectors import search_residents

SCRIPTS = {
    "VN": "LATIN", "ID": "LATIN", "PH": "LATIN", "UZ": "LATIN", "US": "LATIN",
    "CN": "CJK", "CN-KR": "CJK", "JP": "CJK",
    "NP": "DEVANAGARI", "KH": "KHMER", "TH": "THAI", "LK": "SINHALA", "MM": "MYANMAR", "LA": "LAO",
    "BD": "BENGALI", "PK": "ARABIC",
    "RU": "CYRILLIC", "RU-KR": "CYRILLIC", "KZ": "CYRILLIC", "KZ-KR": "CYRILLIC", "UZ-KR": "CYRILLIC",
    "KG": "CYRILLIC", "MN": "CYRILLIC",
}  # fmt: skip


@pytest.fixture(scope="module")
def population():
    return people(2000, 2)


def _letters(text: str) -> list[str]:
    return [c for c in text if unicodedata.category(c)[0] == "L"]


def test_passport_names_are_latin_capitals(population):
    for p in population:
        assert re.fullmatch(r"[A-Z]+( [A-Z]+)*", p.name), p.name


def test_hangul_names_are_hangul_syllables(population):
    for p in population:
        assert p.name_hangul
        assert all("\uac00" <= c <= "\ud7a3" for c in p.name_hangul.replace(" ", "")), p.name_hangul


def test_native_names_are_in_the_script_of_the_origin(population):
    assert set(SCRIPTS) >= {p.origin for p in population}
    for p in population:
        for letter in _letters(p.name_native):
            assert unicodedata.name(letter).startswith(SCRIPTS[p.origin]), (p.origin, p.name_native)


def test_every_origin_of_the_center_s_languages_appears(population):
    assert {"VN", "CN", "CN-KR", "ID", "KH", "NP", "TH", "LK", "PH", "UZ", "MM", "UZ-KR"} <= {
        p.origin for p in population
    }


def test_vietnamese_names_keep_their_diacritics(population):
    vietnamese = [p for p in population if p.origin == "VN"]
    with_marks = [p for p in vietnamese if not p.name_native.isascii()]
    assert len(with_marks) > 0.8 * len(vietnamese)
    nguyen = next(p for p in vietnamese if p.name.startswith("NGUYEN"))
    assert nguyen.name_native.startswith("Nguyễn") and nguyen.name_hangul.startswith("응우옌")


def test_ethnic_korean_chinese_names_read_as_korean(population):
    kim = next(p for p in population if p.origin == "CN-KR" and p.name.startswith("JIN "))
    assert kim.name_native.startswith("金") and kim.name_hangul.startswith("김")


@pytest.mark.django_db
def test_search_finds_a_demo_person_by_each_name_form(region):
    load_people(generate(80, 4))
    for p in people(80, 4)[::9]:
        for query in (p.name, p.name_native, p.name_hangul):
            found = search_residents(query).residents
            assert any(r.name == p.name and r.birth_date == p.birth_date for r in found), query
