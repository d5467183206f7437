"""An XLSX workbook: English headers under a title row, real date cells, numbers typed as numbers."""

from __future__ import annotations

import datetime as dt

import pytest

from ieum.residents import identity, importing
from ieum.residents.models import Resident
from ieum.residents.tests.import_files import EN_HEADERS, reference, xlsx_bytes


@pytest.mark.django_db
def test_a_workbook_with_date_cells_is_imported(counselor):
    reference()
    rows = [
        # Excel stored the ARN and the phone as numbers: the leading zeros are gone.
        [
            "LE VAN CUONG",
            "레 반 끄엉",
            dt.datetime(2005, 12, 25),
            "male",
            "VNM",
            1012345678,
            46830,
            512257123456,
            "e9",
            dt.datetime(2025, 3, 1),
            "Tiếng Việt",
        ],
    ]
    content = xlsx_bytes(rows, above=[["2025년 외국인 주민 명단"], []])

    batch = importing.import_preview(file_name="residents.xlsx", content=content, actor=counselor)
    assert batch.errors == []
    importing.import_commit(batch=batch, content=content, actor=counselor)

    cuong = Resident.objects.get()
    assert cuong.birth_date == dt.date(2005, 12, 25)
    assert cuong.sex == "M"
    assert cuong.phone == "+821012345678"
    assert cuong.arn_index == identity.arn_index_for_query("051225-7123456")
    assert cuong.preferred_language == "vi"
    assert cuong.visas.get().valid_from == dt.date(2025, 3, 1)


@pytest.mark.django_db
def test_row_numbers_in_errors_are_the_rows_of_the_sheet(counselor):
    reference()
    good = ["KIM ANNA", "", dt.datetime(1990, 1, 1), "F", "VN", "", "", "", "", "", ""]
    bad = ["PARK OLGA", "", "31/31/1990", "F", "VN", "", "", "", "", "", ""]
    # Title on row 1, a blank row 2, headers on row 3, data from row 4; bad is on row 6.
    content = xlsx_bytes([good, ["", ""], bad], headers=EN_HEADERS, above=[["명단"], []])

    batch = importing.import_preview(file_name="residents.xlsx", content=content, actor=counselor)

    assert batch.total_rows == 2
    [error] = importing.batch_errors(batch)
    assert (error.row, error.letter, error.column) == (6, "C", "birth_date")
