"""Korean office software exports CSV in CP949 (EUC-KR): headers and values in Hangul read right."""

from __future__ import annotations

import datetime as dt

import pytest

from ieum.residents import importing
from ieum.residents.models import Resident
from ieum.residents.tests.import_files import csv_bytes, reference


@pytest.mark.django_db
def test_a_cp949_csv_with_korean_headers_and_values_is_imported(counselor):
    reference()
    rows = [
        [
            "TRAN THI BINH",
            "쩐 티 빈",
            "19980102",
            "여",
            "베트남",
            "01098765432",
            "영암군",
            "",
            "E-9",
            "2025.01.15",
            "베트남어",
        ],
    ]
    content = csv_bytes(rows, encoding="cp949")
    with pytest.raises(UnicodeDecodeError):
        content.decode("utf-8")  # the test file really is CP949

    batch = importing.import_preview(file_name="외국인명단.csv", content=content, actor=counselor)
    assert batch.errors == []
    importing.import_commit(batch=batch, content=content, actor=counselor)

    binh = Resident.objects.get()
    assert binh.name_hangul == "쩐 티 빈"
    assert binh.birth_date == dt.date(1998, 1, 2)
    assert binh.sex == "F"
    assert binh.nationality.alpha2 == "VN"
    assert binh.preferred_language == "vi"
    assert binh.visas.get().valid_from == dt.date(2025, 1, 15)
