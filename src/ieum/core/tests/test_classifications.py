from __future__ import annotations

import datetime as dt

from ieum.core.selectors import classification_items

# KSIC sections and the division ranges under each (KSIC 10th/11th revision layout).
KSIC_SECTIONS = {
    "A": (1, 3), "B": (5, 8), "C": (10, 34), "D": (35, 35), "E": (36, 39), "F": (41, 42),
    "G": (45, 47), "H": (49, 52), "I": (55, 56), "J": (58, 63), "K": (64, 66), "L": (68, 68),
    "M": (70, 73), "N": (74, 76), "O": (84, 84), "P": (85, 85), "Q": (86, 87), "R": (90, 91),
    "S": (94, 96), "T": (97, 98), "U": (99, 99),
}  # fmt: skip


def test_ksic_has_21_sections_a_to_u(region):
    sections = classification_items("ksic", 1, day=dt.date(2025, 1, 1))

    assert [item.code for item in sections] == list("ABCDEFGHIJKLMNOPQRSTU")


def test_ksic_has_77_divisions_each_under_the_right_section(region):
    divisions = classification_items("ksic", 2, day=dt.date(2025, 1, 1)).select_related("parent")

    assert divisions.count() == 77
    for division in divisions:
        low, high = KSIC_SECTIONS[division.parent.code]
        assert low <= int(division.code) <= high, division.code
        assert division.name_ko and division.name_en


def test_ksic_11th_revision_names_division_60_for_video_services(region):
    division = classification_items("ksic", 2, day=dt.date(2025, 1, 1)).get(code="60")

    assert division.name_ko == "방송 및 영상·오디오물 제공 서비스업"


def test_ksco_8th_revision_has_10_major_and_57_sub_major_groups(region):
    majors = classification_items("ksco", 1, day=dt.date(2025, 1, 1))
    sub_majors = classification_items("ksco", 2, day=dt.date(2025, 1, 1)).select_related("parent")

    assert [item.code for item in majors] == [*"123456789", "A"]
    assert sub_majors.count() == 57
    assert all(item.parent.code == item.code[0] for item in sub_majors)


def test_no_classification_is_in_force_before_its_revision(region):
    assert not classification_items("ksco", 1, day=dt.date(2024, 12, 31)).exists()
